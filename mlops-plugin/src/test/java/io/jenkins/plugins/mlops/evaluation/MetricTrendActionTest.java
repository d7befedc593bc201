package io.jenkins.plugins.mlops.evaluation;

import hudson.model.Run;
import io.mlops.report.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class MetricTrendActionTest {
    @Test
    void shouldChartTheMetricsOfTheEvaluatedBuildsOldestFirst(@TempDir final Path jobDir) throws IOException {
        var first = build(jobDir, 3, null, "{\"roc_auc\": 0.70, \"accuracy_score\": 0.60}");
        var second = build(jobDir, 4, first, null);
        var third = build(jobDir, 5, second, "{\"roc_auc\": 0.75, \"accuracy_score\": 0.65}");
        var newest = build(jobDir, 6, third, "{\"roc_auc\": 0.80, \"accuracy_score\": 0.70, \"f1_score\": 0.5}");

        var chart = new MetricTrendAction(newest).getChart();

        assertThat(chart).startsWith("<svg").doesNotContain("<script")
                .contains("<title>Model metrics over the last 3 builds</title>", "Builds #3 to #6", "roc_auc",
                        "accuracy_score", "f1_score").doesNotContain("r2_score");
        // roc_auc 0.70, 0.75, 0.80 at x = 0, 0.5, 1 of the 220-pixel plot that starts at (52, 34)
        assertThat(chart).contains("points=\"52.0,100.0 162.0,89.0 272.0,78.0\"");
    }

    @Test
    void shouldShowNothingWithoutEvaluatedBuilds(@TempDir final Path jobDir) throws IOException {
        var only = build(jobDir, 1, null, null);

        assertThat(new MetricTrendAction(only).getChart()).isNull();
        assertThat(new MetricTrendAction(only).getIconFileName()).isNull();
        assertThat(new MetricTrendAction(only).getUrlName()).isNull();
    }

    @Test
    void shouldLookAtTheLastTwentyBuildsOnly(@TempDir final Path jobDir) throws IOException {
        Run<?, ?> previous = null;
        for (int number = 1; number <= 25; number++) {
            previous = build(jobDir, number, previous, "{\"r2_score\": 0.5}");
        }

        assertThat(new MetricTrendAction(previous).getChart()).contains("Builds #6 to #25", "r2_score");
    }

    /** A build whose evaluation (when given metrics) kept a report.json with them. */
    private static Run<?, ?> build(final Path jobDir, final int number, final Run<?, ?> previous,
            final String metrics) throws IOException {
        var buildDir = jobDir.resolve(Integer.toString(number));
        Files.createDirectories(buildDir);
        Run<?, ?> run = EvaluationActionTest.runIn(buildDir);
        when(run.getNumber()).thenReturn(number);
        doReturn(previous).when(run).getPreviousBuild();
        if (metrics == null) {
            when(run.getActions(EvaluationAction.class)).thenReturn(List.of());
            return run;
        }
        var report = buildDir.resolve("mlops/evaluation-1/report.json");
        Files.createDirectories(report.getParent());
        Files.writeString(report, "{\"kind\": \"model-evaluation\", \"status\": \"PASSED\", \"metrics\": " + metrics
                + ", \"gates\": [], \"comparisons\": []}");
        var summary = new EvaluationSummary(Status.PASSED, "passed", "binary", 10, Map.of(), List.of(), List.of(),
                "out", null);
        when(run.getActions(EvaluationAction.class))
                .thenReturn(List.of(new EvaluationAction("evaluation-1", "p.csv", summary, run)));
        return run;
    }
}
