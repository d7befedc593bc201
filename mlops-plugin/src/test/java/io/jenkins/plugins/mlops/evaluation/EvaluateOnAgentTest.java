package io.jenkins.plugins.mlops.evaluation;

import hudson.AbortException;
import hudson.model.Run;
import io.jenkins.plugins.mlops.registry.RegistryTarget;
import io.jenkins.plugins.mlops.util.JenkinsFacade;
import io.mlops.evaluation.EvaluateModel;
import io.mlops.evaluation.EvaluationReport;
import io.mlops.evaluation.EvaluationRequest;
import io.mlops.evaluation.Task;
import io.mlops.lineage.LineageEvent;
import io.mlops.registry.LocalRegistry;
import io.mlops.registry.RegisterModel;
import io.mlops.registry.RegistrationRequest;
import io.mlops.report.ReportJson;
import io.mlops.report.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.mockito.Mockito.mock;

/**
 * The engine call on a real workspace with the golden predictions of mlops-core (copied into the test resources), and
 * with the production model registered in a local registry in the workspace, as {@code registerModel} would.
 */
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
                null, null, null, null, null, null, "segment", "gender", 100, 200, 42, null, null);

        var summary = new EvaluateOnAgent(parameters, null).invoke(workspace.toFile(), null);

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
                null, null, null, 100, 0, 42, null, "out");
        var callable = new EvaluateOnAgent(parameters, null);

        assertThatThrownBy(() -> callable.invoke(workspace.toFile(), null))
                .isInstanceOf(AbortException.class)
                .hasMessageStartingWith("evaluateModel: ").hasMessageContaining("no label column 'label'")
                .hasMessageNotContaining("\n");
        assertThat(Files.readString(workspace.resolve("out/report.json"))).contains("\"status\": \"ERROR\"");
    }

    @Test
    void shouldRejectPathsOutsideTheWorkspace(@TempDir final Path workspace) {
        var parameters = new EvaluationParameters("../preds.csv", "binary", null, null, null, null, null, null, null,
                null, null, null, 100, 0, 42, null, null);

        assertThatThrownBy(() -> new EvaluateOnAgent(parameters, null).invoke(workspace.toFile(), null))
                .isInstanceOf(AbortException.class)
                .hasMessage("evaluateModel: predictions: '../preds.csv' is outside the workspace: "
                        + "expected a path relative to the workspace that stays inside it");
    }

    @Test
    void shouldCompareWithTheRegisteredChampionPairwise(@TempDir final Path workspace)
            throws IOException, InterruptedException {
        copy("binary.csv", workspace.resolve("eval/candidate.csv"));
        registerChampion(workspace);

        var summary = new EvaluateOnAgent(registered("eval/candidate.csv", "models:/churn@champion"),
                localRegistry()).invoke(workspace.toFile(), null);

        assertThat(summary.comparisons()).filteredOn(c -> c.metric().equals("roc_auc")).singleElement()
                .satisfies(c -> {
                    assertThat(c.test()).isEqualTo("delong");
                    assertThat(c.ci()).hasSize(2);
                });
        assertThat(summary.lineage().facts()).containsEntry(LineageEvent.BASELINE, "models:/churn/1 (@champion)");
        var written = ReportJson.read(workspace.resolve("mlops-reports/evaluate-model/report.json"),
                EvaluationReport.class);
        assertThat(written.baseline().source()).isEqualTo("models:/churn/1 (@champion)");
        assertThat(workspace.resolve("mlops-reports/evaluate-model/baseline"))
                .isDirectoryContaining("glob:**/baseline-metrics.json")
                .isDirectoryContaining("glob:**/baseline-predictions.csv");
    }

    @Test
    void shouldFallBackToTheRegisteredMetricsWhenThePredictionsCoverOtherRows(@TempDir final Path workspace)
            throws IOException, InterruptedException {
        Files.writeString(workspace.resolve("other.csv"), "id,label,prediction,score\n1,1,1,0.9\n2,0,0,0.2\n"
                + "3,1,1,0.8\n4,0,1,0.6\n");
        registerChampion(workspace);

        var summary = new EvaluateOnAgent(registered("other.csv", "models:/churn/1"), localRegistry())
                .invoke(workspace.toFile(), null);

        assertThat(summary.comparisons()).isNotEmpty().allSatisfy(c -> assertThat(c.test()).isEqualTo("point"));
        assertThat(summary.lineage().fact(LineageEvent.BASELINE)).startsWith("models:/churn/1 (its predictions "
                + "could not be paired");
    }

    @Test
    void shouldFailInOneLineWhenTheRegisteredModelDoesNotExist(@TempDir final Path workspace) throws IOException {
        copy("binary.csv", workspace.resolve("eval/candidate.csv"));
        var callable = new EvaluateOnAgent(registered("eval/candidate.csv", "models:/nothing@champion"),
                localRegistry());

        assertThatThrownBy(() -> callable.invoke(workspace.toFile(), null)).isInstanceOf(AbortException.class)
                .hasMessageStartingWith("evaluateModel: models:/nothing@champion does not exist")
                .hasMessageNotContaining("\n");
    }

    /** Evaluates the production model's predictions and registers it as {@code churn@champion}, as a build would. */
    private static void registerChampion(final Path workspace) throws IOException, InterruptedException {
        var production = workspace.resolve("prod/production.csv");
        copy("binary_baseline.csv", production);
        var model = Files.createDirectories(workspace.resolve("prod/model"));
        Files.writeString(model.resolve("model.json"), "{\"weights\": \"production\"}");
        EvaluateModel.run(EvaluationRequest.of(production, Task.BINARY).withReportDir(workspace.resolve("prod/eval")));
        RegisterModel.run(RegistrationRequest.ofDirectory("churn", model)
                .withEvaluation(workspace.resolve("prod/eval/report.json")).withAlias("champion"),
                new LocalRegistry(workspace.resolve("registry")));
    }

    private static EvaluationParameters registered(final String predictions, final String baseline) {
        return new EvaluationParameters(predictions, "binary", null, null, null, baseline, null, "registry", null,
                null, null, null, 100, 200, 42, null, null);
    }

    /** The registry as the controller sends it for {@code localRegistry: 'registry'}. */
    private static RegistryTarget localRegistry() {
        return RegistryTarget.of(null, "registry", mock(Run.class), Map.of(), mock(JenkinsFacade.class));
    }

    private static void copy(final String resource, final Path file) throws IOException {
        Files.createDirectories(file.getParent());
        try (InputStream in = EvaluateOnAgentTest.class.getResourceAsStream(resource)) {
            Files.copy(in, file);
        }
    }
}
