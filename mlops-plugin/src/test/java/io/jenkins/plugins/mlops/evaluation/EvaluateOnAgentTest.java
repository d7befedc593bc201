package io.jenkins.plugins.mlops.evaluation;

import hudson.AbortException;
import io.mlops.evaluation.EvaluationReport;
import io.mlops.lineage.LineageEvent;
import io.mlops.report.ReportJson;
import io.mlops.report.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The engine call on a real workspace with the golden predictions of mlops-core (copied into the test resources). */
class EvaluateOnAgentTest {
    /** scikit-learn's roc_auc_score on binary.csv (mlops-core's golden expected.json). */
    private static final double ROC_AUC = 0.7795639737442449;

    @Test
    void shouldSummariseTheGoldenPredictionsAgainstTheBaseline(@TempDir final Path workspace)
            throws IOException, InterruptedException {
        copy("binary.csv", workspace.resolve("eval/candidate.csv"));
        copy("binary_baseline.csv", workspace.resolve("eval/production.csv"));
        copy("gates.yaml", workspace.resolve("gates.yaml"));
        var parameters = new EvaluationParameters("eval/candidate.csv", "binary", "gates.yaml", "eval/production.csv",
                null, null, null, "segment", "gender", 100, 200, 42, null, null);

        var summary = new EvaluateOnAgent(parameters).invoke(workspace.toFile(), null);

        assertThat(summary.status()).isEqualTo(Status.FAILED);
        assertThat(summary.task()).isEqualTo("binary");
        assertThat(summary.rows()).isEqualTo(2000);
        assertThat(summary.metrics().get("roc_auc")).isCloseTo(ROC_AUC, within(1e-9));
        assertThat(summary.failedGates()).containsExactly("accuracy_score");
        assertThat(summary.comparisons()).filteredOn(c -> c.metric().equals("roc_auc")).singleElement()
                .satisfies(c -> {
                    assertThat(c.test()).isEqualTo("delong");
                    assertThat(c.ci()).hasSize(2);
                });
        assertThat(summary.reportDir()).isEqualTo("mlops-reports/evaluate-model");
        var written = ReportJson.read(workspace.resolve("mlops-reports/evaluate-model/report.json"),
                EvaluationReport.class);
        assertThat(written.slices()).as("what the build action reads back").containsKey("segment");
        assertThat(workspace.resolve("mlops-reports/evaluate-model")).isDirectoryContaining("glob:**/junit.xml");
        assertThat(summary.lineage().facts()).containsEntry(LineageEvent.EVALUATION_STATUS, "FAILED")
                .containsEntry(LineageEvent.PREDICTIONS_PATH, "eval/candidate.csv")
                .containsEntry(LineageEvent.BASELINE, "eval/production.csv")
                .containsEntry(LineageEvent.PREDICTIONS_SHA256, written.predictions().sha256())
                .containsKey("metric.roc_auc");
    }

    @Test
    void shouldTurnBadInputIntoAOneLineAbortAfterWritingAnErrorReport(@TempDir final Path workspace)
            throws IOException {
        Files.writeString(workspace.resolve("preds.csv"), "truth,prediction\n1,1\n");
        var parameters = new EvaluationParameters("preds.csv", "binary", null, null, null, null, null, null, null,
                100, 0, 42, null, "out");
        var callable = new EvaluateOnAgent(parameters);

        assertThatThrownBy(() -> callable.invoke(workspace.toFile(), null))
                .isInstanceOf(AbortException.class)
                .hasMessageStartingWith("evaluateModel: ").hasMessageContaining("no label column 'label'")
                .hasMessageNotContaining("\n");
        assertThat(Files.readString(workspace.resolve("out/report.json"))).contains("\"status\": \"ERROR\"");
    }

    @Test
    void shouldRejectPathsOutsideTheWorkspace(@TempDir final Path workspace) {
        var parameters = new EvaluationParameters("../preds.csv", "binary", null, null, null, null, null, null, null,
                100, 0, 42, null, null);

        assertThatThrownBy(() -> new EvaluateOnAgent(parameters).invoke(workspace.toFile(), null))
                .isInstanceOf(AbortException.class)
                .hasMessage("evaluateModel: predictions: '../preds.csv' is outside the workspace: "
                        + "expected a path relative to the workspace that stays inside it");
    }

    private static void copy(final String resource, final Path file) throws IOException {
        Files.createDirectories(file.getParent());
        try (InputStream in = EvaluateOnAgentTest.class.getResourceAsStream(resource)) {
            Files.copy(in, file);
        }
    }
}
