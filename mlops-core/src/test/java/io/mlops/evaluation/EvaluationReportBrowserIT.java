package io.mlops.evaluation;

import io.mlops.report.BrowserTestBase;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.List;

import static io.mlops.evaluation.PredictionsReaderTest.golden;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Opens the evaluation's report.html in headless Chromium: it renders the gates, the metric diff and the three
 * curve charts, user text with markup in it (a slice value, a gate's metric name) stays text, and the browser logs
 * nothing (no script errors, no Content-Security-Policy violations).
 */
class EvaluationReportBrowserIT extends BrowserTestBase {
    @Test
    void shouldRenderTheMetricDiffCurvesAndHostileValuesAsText() throws Exception {
        // given: a slice value with markup in it
        var rows = new StringBuilder("id,label,prediction,score,region\n");
        var candidate = Files.readAllLines(golden("binary.csv"));
        for (int i = 1; i < candidate.size(); i++) {
            var f = candidate.get(i).split(",");
            rows.append(String.join(",", f[0], f[1], f[2], f[3], i % 2 == 0 ? "<img src=x onerror=alert(1)>" : "EU"))
                    .append('\n');
        }
        var predictions = Files.writeString(temp.resolve("candidate.csv"), rows);
        var gates = Files.writeString(temp.resolve("gates.yaml"),
                "roc_auc: {min_absolute_change: 0.001, greater_is_better: true, confidence: 0.95}\n");
        var reports = temp.resolve("reports");
        EvaluateModel.run(EvaluationRequest.of(predictions, Task.BINARY).withGates(gates)
                .withBaselinePredictions(golden("binary_baseline.csv")).withGroups(List.of("region"), List.of())
                .withReportDir(reports));

        // when
        var page = chromium.render(reports.resolve("report.html"), temp);

        // then
        var dom = page.quietDom();
        assertThat(dom).doesNotContain("<img").contains("&lt;img src=x onerror=alert(1)&gt;");
        assertThat(dom).contains("<table class=\"gates\">", "<table class=\"metrics\">", "<table class=\"slices\">");
        assertThat(dom.split("<svg class=\"chart\"", -1)).hasSize(4);
    }
}
