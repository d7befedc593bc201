package io.mlops.evaluation;

import io.mlops.lineage.LineageEvent;
import io.mlops.report.ReportJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static io.mlops.evaluation.PredictionsReaderTest.golden;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class EvaluationLineageTest {
    @TempDir
    private Path dir;

    @Test
    void shouldRecordTheVerdictThePredictionsTheMetricsAndTheBaseline() throws Exception {
        var baseline = golden("binary_baseline.csv");
        var report = EvaluateModel.run(EvaluationRequest.of(golden("binary.csv"), Task.BINARY)
                .withBaselinePredictions(baseline).withReportDir(dir));

        var event = report.lineageEvent();

        assertThat(event.step()).isEqualTo("evaluateModel");
        assertThat(event.status()).isEqualTo("PASSED");
        assertThat(event.at()).isEqualTo(report.startedAt().plusMillis(report.durationMs()));
        assertThat(event.facts().entrySet()).startsWith(entry(LineageEvent.EVALUATION_STATUS, "PASSED"),
                entry(LineageEvent.PREDICTIONS_SHA256, report.predictions().sha256()),
                entry(LineageEvent.PREDICTIONS_PATH, report.predictions().path()));
        assertThat(event.fact(LineageEvent.PREDICTIONS_SHA256)).hasSize(64);
        assertThat(event.fact(LineageEvent.METRIC_PREFIX + "roc_auc"))
                .isEqualTo(report.metrics().get("roc_auc").toString());
        assertThat(event.fact(LineageEvent.METRIC_PREFIX + "example_count")).isEqualTo("2000");
        assertThat(event.facts().keySet()).filteredOn(key -> key.startsWith(LineageEvent.METRIC_PREFIX))
                .hasSize(report.metrics().size());
        assertThat(event.fact(LineageEvent.BASELINE)).isEqualTo(report.baseline().source());
        assertThat(ReportJson.toJson(report)).doesNotContain("lineage");
    }

    @Test
    void shouldHaveNoBaselineFactWithoutABaseline() throws Exception {
        var report = EvaluateModel.run(EvaluationRequest.of(golden("binary.csv"), Task.BINARY).withReportDir(dir));

        assertThat(report.lineageEvent().facts()).doesNotContainKey(LineageEvent.BASELINE);
    }
}
