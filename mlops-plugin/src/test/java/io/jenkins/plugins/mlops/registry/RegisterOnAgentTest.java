package io.jenkins.plugins.mlops.registry;

import hudson.AbortException;
import io.mlops.lineage.Lineage;
import io.mlops.lineage.LineageEvent;
import io.mlops.registry.BuildInfo;
import io.mlops.registry.LocalRegistry;
import io.mlops.registry.ModelRegistry;
import io.mlops.registry.RegistrationReport;
import io.mlops.registry.RegistryVersion;
import io.mlops.report.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

/**
 * The agent side of {@code registerModel}: parameters to the engine request, the engine's report to the summary
 * and the script's map. The registry is the engine's embedded local registry in the workspace, read back to see
 * what was stored; its MLflow counterpart is tested in mlops-core.
 */
class RegisterOnAgentTest {
    private static final BuildInfo BUILD = BuildInfo.fromEnvironment(Map.of("BUILD_URL",
            "https://ci.example.com/job/churn/7/", "GIT_COMMIT", "4f2c9e1"));
    private static final Lineage LINEAGE = new Lineage(List.of(new LineageEvent("validateData", Instant.EPOCH,
            "PASSED", Map.of(LineageEvent.DATASET_PATH, "data/train.csv", LineageEvent.DATASET_SHA256, "ab"),
            Map.of())));

    @Test
    void shouldRegisterTheModelAndSendBackTheSummaryAndTheScriptsMap(@TempDir final Path workspace)
            throws Exception {
        write(workspace.resolve("model/model.onnx"), "onnx");
        var evaluation = write(workspace.resolve("mlops-reports/evaluate-model/report.json"),
                "{\"kind\": \"model-evaluation\", \"status\": \"PASSED\", \"metrics\": {\"roc_auc\": 0.91}}");
        var context = new RegistrationContext(BUILD, LINEAGE, new EvaluationReference(
                "mlops-reports/evaluate-model/report.json", EvaluationReference.sha256(evaluation)));
        var parameters = new RegistrationParameters("churn", "model", null, null, null, "champion", null,
                "team=fraud", null, null, "registry", null);

        var summary = new RegisterOnAgent(parameters, context, new RegistryTarget(null, "registry", null))
                .invoke(workspace.toFile(), null);

        var registry = new LocalRegistry(workspace.resolve("registry"));
        var version = registry.versionByAlias("churn", "champion").orElseThrow();
        assertThat(version.version()).isEqualTo("1");
        assertThat(version.tags()).contains(entry("mlops.build.id", "https://ci.example.com/job/churn/7/"),
                entry("git.commit", "4f2c9e1"), entry("mlops.dataset.1", "sha256:ab data/train.csv"),
                entry("mlops.evaluation.status", "PASSED"), entry("mlops.metric.roc_auc", "0.91"),
                entry("team", "fraud"));
        var uploaded = workspace.resolve("downloaded.onnx");
        registry.download(version.runId(), "model/model.onnx", uploaded);
        assertThat(uploaded).hasContent("onnx");
        assertThat(RegisterModelExecution.toResult(summary)).containsExactly(entry("name", "churn"),
                entry("version", "1"), entry("alias", "champion"), entry("uri", "models:/churn/1"),
                entry("created", true), entry("summary", summary.summary()),
                entry("reportDir", "mlops-reports/register-model"));
        assertThat(workspace.resolve("mlops-reports/register-model/report.json")).isRegularFile();
        assertThat(summary.lineage().fact(LineageEvent.MODEL_ALIAS)).isEqualTo("champion");
        assertThat(summary.evaluation()).isEqualTo("mlops-reports/evaluate-model/report.json");
    }

    @Test
    void shouldCarryTheRegistrysLinksIntoTheSummary() {
        var version = new RegistryVersion("churn", "1", "runs:/r1/model", "r1", null, Map.of(), List.of(), 0);
        var lineage = new LineageEvent("registerModel", Instant.EPOCH, "PASSED", Map.of(), Map.of());
        var links = new ModelRegistry.Links("http://mlflow/#/experiments/0", "http://mlflow/#/experiments/0/runs/r1",
                "http://mlflow/#/models/churn/versions/1");

        var linked = RegistrationSummary.of(report(version, links, lineage), "reports", null, lineage);
        var unlinked = RegistrationSummary.of(report(version, null, lineage), "reports", null, lineage);

        assertThat(linked.experimentUrl()).isEqualTo("http://mlflow/#/experiments/0");
        assertThat(linked.runUrl()).isEqualTo("http://mlflow/#/experiments/0/runs/r1");
        assertThat(linked.versionUrl()).isEqualTo("http://mlflow/#/models/churn/versions/1");
        assertThat(unlinked.experimentUrl()).isNull();
        assertThat(unlinked.runUrl()).isNull();
        assertThat(unlinked.versionUrl()).isNull();
    }

    @Test
    void shouldTurnBadInputIntoAOneLineAbort(@TempDir final Path workspace) {
        assertThat(abort(workspace, new RegistrationParameters(null, "model", null, null, null, null, null, null,
                null, null, null, null))).isEqualTo("registerModel: name: no model name given: expected the "
                + "registered model's name, such as churn-classifier");
        assertThat(abort(workspace, new RegistrationParameters("churn", "../model", null, null, null, null, null,
                null, null, null, null, null))).startsWith("registerModel: modelPath: '../model' is outside the "
                + "workspace");
        assertThat(abort(workspace, new RegistrationParameters("churn", "model", null, null, null, null, null,
                "team", null, null, null, null))).startsWith("registerModel: tags: 'team' is not a tag");
        assertThat(abort(workspace, new RegistrationParameters("churn", null, null, null, null, null, null, null,
                null, null, "registry", null))).startsWith("registerModel: give either a model directory");
    }

    @Test
    void shouldRejectAServerUrlThatIsNoTrackingServerBeforeConnecting(@TempDir final Path workspace) {
        var callable = new RegisterOnAgent(new RegistrationParameters("churn", "model", null, null, null, null, null,
                null, null, "production", null, null), new RegistrationContext(BUILD, LINEAGE, null),
                new RegistryTarget(MlflowLogin.bearer("file:///var/mlruns", "s3cr3t"), null, null));

        assertThatThrownBy(() -> callable.invoke(workspace.toFile(), null)).isInstanceOf(AbortException.class)
                .hasMessageStartingWith("registerModel: the MLflow tracking URI must be an http or https URL")
                .hasMessageNotContaining("s3cr3t");
    }

    private static String abort(final Path workspace, final RegistrationParameters parameters) {
        var callable = new RegisterOnAgent(parameters, new RegistrationContext(BUILD, LINEAGE, null),
                new RegistryTarget(null, "registry", null));
        var thrown = org.assertj.core.api.Assertions.catchThrowableOfType(AbortException.class,
                () -> callable.invoke(workspace.toFile(), null));
        assertThat(thrown).as("no abort").isNotNull();
        assertThat(thrown.getMessage()).doesNotContain("\n");
        return thrown.getMessage();
    }

    private static Path write(final Path file, final String text) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    private static RegistrationReport report(final RegistryVersion version, final ModelRegistry.Links links,
            final LineageEvent lineage) {
        return new RegistrationReport(Status.PASSED, "PASSED: registered models:/churn/1.", Instant.EPOCH, 0,
                "MLflow at http://mlflow", version, true, null, "0", links, lineage);
    }
}
