package io.jenkins.plugins.mlops.evaluation;

import hudson.model.Run;
import io.mlops.report.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class EvaluationActionTest {
    private static final String HOSTILE = "segment=<b>south</b>";

    @Test
    void shouldKeepTheSummaryForTheBuildPage() {
        var action = action("evaluation-1", mock(Run.class));

        assertThat(action.getDisplayName()).isEqualTo("Model metrics: eval/candidate.csv");
        assertThat(action.getUrlName()).isEqualTo("mlops-evaluation-1");
        assertThat(action.getIconFileName()).isEqualTo("symbol-analytics");
        assertThat(action.getStatus()).isEqualTo(Status.FAILED);
        assertThat(action.getStatusIcon()).isEqualTo("symbol-status-red");
        assertThat(action.getTask()).isEqualTo("binary");
        assertThat(action.getRowsText()).isEqualTo("2,000");
        assertThat(action.getFailedGates()).containsExactly("accuracy_score");
        assertThat(action.getReportDir()).isEqualTo("mlops-reports/evaluate-model");
        assertThat(action("evaluation-2", mock(Run.class)).getDisplayName())
                .isEqualTo("Model metrics 2: eval/candidate.csv");
    }

    @Test
    void shouldColourEachMetricOfTheDiffTableByItsGate(@TempDir final Path buildDir) throws IOException {
        EvaluationFixture.storeReport(buildDir, "evaluation-1");
        var action = action("evaluation-1", runIn(buildDir));

        var rows = action.getMetricRows();

        assertThat(rows).extracting(MetricRow::metric).startsWith("accuracy_score").contains("roc_auc", "f1_score");
        assertThat(rows).filteredOn(row -> row.metric().equals("roc_auc")).singleElement().satisfies(row -> {
            assertThat(row.candidate()).isEqualTo("0.7796");
            assertThat(row.production()).isEqualTo("0.7537");
            assertThat(row.delta()).isEqualTo("+0.02588");
            assertThat(row.interval()).matches("\\[[+-]\\S+, \\+\\S+\\] \\(95%\\)");
            assertThat(row.test()).isEqualTo("delong");
            assertThat(row.verdict()).isEqualTo(Status.PASSED);
            assertThat(row.style()).isEqualTo("color: var(--success-color)");
        });
        assertThat(rows).filteredOn(row -> row.metric().equals("accuracy_score")).singleElement()
                .satisfies(row -> assertThat(row.style()).isEqualTo("color: var(--error-color)"));
        assertThat(rows).filteredOn(row -> row.metric().equals("f1_score")).singleElement()
                .satisfies(row -> assertThat(row.style()).isEqualTo("color: var(--warning-color)"));
        assertThat(rows).filteredOn(row -> row.metric().equals("log_loss")).singleElement().satisfies(row -> {
            assertThat(row.verdict()).isNull();
            assertThat(row.verdictText()).isEqualTo("—");
            assertThat(row.style()).isEmpty();
        });
    }

    @Test
    void shouldListTheGatesWithTheirScopes(@TempDir final Path buildDir) throws IOException {
        EvaluationFixture.storeReport(buildDir, "evaluation-1");
        var action = action("evaluation-1", runIn(buildDir));

        assertThat(action.getGates()).extracting(action::gateName).containsExactly("roc_auc", "accuracy_score",
                "f1_score", "accuracy_score [segment=north]", "accuracy_score [" + HOSTILE + "]",
                "disparate_impact [gender]");
        assertThat(action.color(Status.INCONCLUSIVE)).isEqualTo("color: var(--warning-color)");
        assertThat(action.isCompared()).isTrue();
    }

    @Test
    void shouldRenderTheCurvesWithTheEngineEscapingUserText(@TempDir final Path buildDir) throws IOException {
        EvaluationFixture.storeReport(buildDir, "evaluation-1");
        var action = action("evaluation-1", runIn(buildDir));

        var charts = action.getCurveCharts();

        assertThat(charts).hasSize(3).allSatisfy(svg -> assertThat(svg).startsWith("<svg").doesNotContain("<script"));
        assertThat(charts.get(0)).contains("<title>ROC curve</title>", "candidate", "baseline");
        assertThat(charts.get(1)).contains("Precision-recall curve");
        assertThat(charts.get(2)).contains("Calibration");
    }

    @Test
    void shouldShowTheSummaryOnlyWhenTheReportFileIsMissing(@TempDir final Path buildDir) {
        var action = action("evaluation-1", runIn(buildDir));

        assertThat(action.getReport()).isNull();
        assertThat(action.getMetricRows()).isEmpty();
        assertThat(action.getGates()).isEmpty();
        assertThat(action.getCurveCharts()).isEmpty();
        assertThat(action.isCompared()).isFalse();
    }

    @Test
    void shouldFindItsBuildAgainAfterLoadingAndPutTheTrendOnTheJob(@TempDir final Path buildDir) {
        var action = action("evaluation-1", mock(Run.class));
        var loaded = runIn(buildDir);

        action.onLoad(loaded);

        assertThat(action.getRun()).isSameAs(loaded);
        assertThat(action.getProjectActions()).singleElement().isInstanceOf(MetricTrendAction.class);
    }

    private static EvaluationAction action(final String id, final Run<?, ?> run) {
        var summary = new EvaluationSummary(Status.FAILED, "1 of 6 gates failed.", "binary", 2000,
                java.util.Map.of(), List.of(), List.of("accuracy_score"), "mlops-reports/evaluate-model", null);
        return new EvaluationAction(id, "eval/candidate.csv", summary, run);
    }

    static Run<?, ?> runIn(final Path buildDir) {
        Run<?, ?> run = mock(Run.class);
        when(run.getRootDir()).thenReturn(buildDir.toFile());
        return run;
    }
}
