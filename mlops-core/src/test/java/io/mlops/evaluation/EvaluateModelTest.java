package io.mlops.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlops.report.ReportJson;
import io.mlops.report.Status;
import io.mlops.util.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.mlops.evaluation.PredictionsReaderTest.golden;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The step end to end on the golden files: reading, pairing by id, comparing, gating, writing reports. */
class EvaluateModelTest {
    @TempDir
    private Path dir;

    @Test
    void shouldCompareWithTheBaselinePairedByIdAsTheGoldenValues() throws Exception {
        // given
        var request = EvaluationRequest.of(golden("binary.csv"), Task.BINARY)
                .withBaselinePredictions(golden("binary_baseline.csv")).withReportDir(dir);

        // when
        var report = EvaluateModel.run(request);

        // then
        var expected = expected().get("comparison");
        for (EvaluationReport.Comparison c : report.comparisons()) {
            assertThat(c.delta()).as(c.metric())
                    .isCloseTo(expected.get("deltas").get(c.metric()).asDouble(), within(1e-9));
        }
        var auc = comparison(report, "roc_auc");
        assertThat(auc.test()).isEqualTo("delong");
        assertThat(auc.pValue()).isCloseTo(expected.get("delong").get("pValue").asDouble(), within(1e-9));
        assertThat(auc.ci()[0]).isPositive();
        var accuracy = comparison(report, "accuracy_score");
        assertThat(accuracy.test()).isEqualTo("mcnemar");
        assertThat(accuracy.pValue()).isCloseTo(expected.get("mcnemar").get("pValueExact").asDouble(), within(1e-9));
        assertThat(comparison(report, "f1_score").test()).isEqualTo("bootstrap");
        assertThat(report.status()).isEqualTo(Status.PASSED);
        assertThat(report.curves()).containsKeys("roc", "precision_recall", "calibration");
    }

    @Test
    void shouldPassFailAndStayInconclusiveByTheGates() throws Exception {
        // given: AUC clearly better (DeLong p 0.004); accuracy only 0.004 better, not at 95%
        var gates = Files.writeString(dir.resolve("gates.yaml"), """
                roc_auc: {threshold: 0.7, min_absolute_change: 0.001, greater_is_better: true, confidence: 0.95}
                accuracy_score: {min_absolute_change: 0.001, greater_is_better: true, confidence: 0.95}
                log_loss: {threshold: 0.3, greater_is_better: false}
                slices:
                  segment: {accuracy_score: {threshold: 0.5, greater_is_better: true}}
                fairness:
                  gender: {disparate_impact: {threshold: 0.8, greater_is_better: true}}
                """);
        var request = EvaluationRequest.of(golden("binary.csv"), Task.BINARY).withGates(gates)
                .withBaselinePredictions(golden("binary_baseline.csv")).withGroups(List.of("segment"), List.of("gender"))
                .withReportDir(dir.resolve("reports"));

        // when
        var report = EvaluateModel.run(request);

        // then
        assertThat(report.gates()).extracting(GateResult::metric, GateResult::scope, GateResult::status).startsWith(
                org.assertj.core.groups.Tuple.tuple("roc_auc", null, Status.PASSED),
                org.assertj.core.groups.Tuple.tuple("accuracy_score", null, Status.INCONCLUSIVE),
                org.assertj.core.groups.Tuple.tuple("log_loss", null, Status.FAILED));
        // the small 'islands' slice (44 rows) is reported but not gated
        assertThat(report.slices().get("segment").get("islands").gated()).isFalse();
        assertThat(report.gates()).noneMatch(g -> "segment=islands".equals(g.scope()));
        assertThat(report.gates()).anyMatch(g -> "gender".equals(g.scope()) && g.status() == Status.PASSED);
        assertThat(report.status()).isEqualTo(Status.FAILED);
        assertThat(report.summary()).startsWith("FAILED: ").contains("log_loss");
        var reports = dir.resolve("reports");
        assertThat(reports.resolve("report.html")).content().contains("<svg").contains("Fairness across gender");
        assertThat(reports.resolve("report.md")).content().contains("| roc\\_auc |");
        assertThat(reports.resolve("junit.xml")).content().contains("failures=\"1\"");
        var read = ReportJson.read(reports.resolve("report.json"), EvaluationReport.class);
        assertThat(read.gates()).isEqualTo(report.gates());
        assertThat(read.kind()).isEqualTo("model-evaluation");
    }

    @Test
    void shouldMakeAGateOnAnUnknownMetricAnErrorListingTheMetricsThatExist() throws Exception {
        // given
        var gates = Files.writeString(dir.resolve("gates.yaml"), "auc: {threshold: 0.7, greater_is_better: true}\n");
        var request = EvaluationRequest.of(golden("binary.csv"), Task.BINARY).withGates(gates)
                .withReportDir(dir.resolve("reports"));

        // then
        assertThatThrownBy(() -> EvaluateModel.run(request)).isInstanceOf(InputException.class)
                .hasMessageContaining("the metric 'auc'").hasMessageContaining("available: accuracy_score, brier_score");
        var error = ReportJson.read(dir.resolve("reports/report.json"), io.mlops.report.ErrorReport.class);
        assertThat(error.status()).isEqualTo(Status.ERROR);
    }

    @Test
    void shouldReportAnInterruptedReadAsInterruptedNotAsBadInput() throws Exception {
        // given: an aborted build interrupts the thread, so the predictions file cannot be opened
        var request = EvaluationRequest.of(golden("binary.csv"), Task.BINARY).withReportDir(dir.resolve("reports"));

        // when
        Thread.currentThread().interrupt();
        try {
            // then: no input problem (no InputException, no "cannot read"), and the interrupt status is kept
            assertThatThrownBy(() -> EvaluateModel.run(request)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("interrupted");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        }
        finally {
            Thread.interrupted();
        }
        var error = ReportJson.read(dir.resolve("reports/report.json"), io.mlops.report.ErrorReport.class);
        assertThat(error.status()).isEqualTo(Status.ERROR);
        assertThat(error.summary()).isEqualTo("evaluateModel was interrupted and stopped before a result");
    }

    @Test
    void shouldCompareWithBaselineMetricsAsPointsWithoutIntervals() throws Exception {
        // given
        var metrics = Files.writeString(dir.resolve("production.json"), "{\"roc_auc\": 0.75, \"accuracy_score\": 0.72}");
        var gates = Files.writeString(dir.resolve("gates.yaml"),
                "roc_auc: {min_absolute_change: 0.01, greater_is_better: true, confidence: 0.95}\n"
                        + "accuracy_score: {min_absolute_change: 0.01, greater_is_better: true}\n");
        var request = EvaluationRequest.of(golden("binary.csv"), Task.BINARY).withGates(gates)
                .withBaselineMetrics(metrics);

        // when
        var report = EvaluateModel.run(request);

        // then: a confidence gate cannot be decided from points; a point gate can
        assertThat(report.baseline().kind()).isEqualTo("metrics");
        assertThat(comparison(report, "roc_auc").ci()).isNull();
        assertThat(comparison(report, "roc_auc").test()).isEqualTo("point");
        assertThat(report.gates()).extracting(GateResult::status)
                .containsExactly(Status.INCONCLUSIVE, Status.FAILED);
        assertThat(report.status()).isEqualTo(Status.FAILED);
    }

    @Test
    void shouldReadBaselineMetricsAsMlflowsRunsGetReturnsThem() throws Exception {
        // given: the REST response of runs/get, metrics as {key, value, timestamp, step}; the later step wins
        var exported = Files.writeString(dir.resolve("run.json"), """
                {"run": {"info": {"run_id": "abc"}, "data": {"metrics": [
                  {"key": "roc_auc", "value": 0.70, "timestamp": 1, "step": 0},
                  {"key": "roc_auc", "value": 0.75, "timestamp": 2, "step": 1},
                  {"key": "accuracy_score", "value": 0.72, "timestamp": 2, "step": 0}],
                  "params": [{"key": "C", "value": "1.0"}]}}}
                """);

        // when
        var metrics = EvaluateModel.BaselineMetrics.read(exported);

        // then
        assertThat(metrics).containsOnlyKeys("roc_auc", "accuracy_score");
        assertThat(metrics.get("roc_auc").doubleValue()).isEqualTo(0.75);
    }

    @Test
    void shouldNameTheFileOfBaselineMetricsWithoutNumbers() throws Exception {
        var empty = Files.writeString(dir.resolve("empty.json"), "{\"metrics\": {\"note\": \"none\"}}");
        assertThatThrownBy(() -> EvaluateModel.BaselineMetrics.read(empty)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(empty + ": no metric values");
    }

    @Test
    void shouldRefuseABaselineThatIsNotOnTheSameRows() throws Exception {
        // given
        var baseline = Files.writeString(dir.resolve("other.csv"), "id,label,prediction,score\n1,1,1,0.9\n2,0,0,0.1\n");

        // then
        assertThatThrownBy(() -> EvaluateModel.run(EvaluationRequest.of(golden("binary.csv"), Task.BINARY)
                .withBaselinePredictions(baseline))).isInstanceOf(InputException.class)
                .hasMessageContaining("has no row in the baseline");
    }

    @Test
    void shouldEvaluateMulticlassAndRegression() throws Exception {
        var multiclass = EvaluateModel.run(EvaluationRequest.of(golden("multiclass.csv"), Task.MULTICLASS));
        assertThat(multiclass.classes()).extracting(ClassMetrics::label).containsExactly("bird", "cat", "dog");
        assertThat(multiclass.metrics().get("roc_auc").doubleValue()).isCloseTo(0.9189324523752912, within(1e-9));
        var regression = EvaluateModel.run(EvaluationRequest.of(golden("regression.csv"), Task.REGRESSION));
        assertThat(regression.metrics().get("r2_score").doubleValue()).isCloseTo(0.9768728110831143, within(1e-9));
        assertThat(regression.confusionMatrix()).isNull();
    }

    private static EvaluationReport.Comparison comparison(final EvaluationReport report, final String metric) {
        return report.comparisons().stream().filter(c -> c.metric().equals(metric)).findFirst().orElseThrow();
    }

    private static JsonNode expected() throws Exception {
        try (InputStream in = EvaluateModelTest.class.getResourceAsStream("/golden/evaluation/expected.json")) {
            return new ObjectMapper().readTree(in);
        }
    }
}
