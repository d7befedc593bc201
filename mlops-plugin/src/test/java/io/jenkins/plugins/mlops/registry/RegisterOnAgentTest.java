package io.jenkins.plugins.mlops.registry;

import hudson.AbortException;
import io.mlops.lineage.Lineage;
import io.mlops.lineage.LineageEvent;
import io.mlops.registry.BuildInfo;
import io.mlops.registry.ModelRegistry;
import io.mlops.registry.ModelUri;
import io.mlops.registry.RegisterModel;
import io.mlops.registry.RegistryRun;
import io.mlops.registry.RegistryVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

/**
 * The agent side of {@code registerModel}: parameters to the engine request, the engine's report to the summary
 * and the script's map. The registry is a fake implementing the engine's interface; the real local and MLflow
 * registries are tested in mlops-core.
 */
class RegisterOnAgentTest {
    private static final BuildInfo BUILD = BuildInfo.fromEnvironment(Map.of("BUILD_URL",
            "https://ci.example.com/job/churn/7/", "GIT_COMMIT", "4f2c9e1"));
    private static final Lineage LINEAGE = new Lineage(List.of(new LineageEvent("validateData", Instant.EPOCH,
            "PASSED", Map.of(LineageEvent.DATASET_PATH, "data/train.csv", LineageEvent.DATASET_SHA256, "ab"),
            Map.of())));

    @Test
    void shouldTranslateTheEnginesReportIntoTheSummaryAndTheScriptsMap(@TempDir final Path workspace)
            throws IOException {
        write(workspace.resolve("model/model.onnx"), "onnx");
        var evaluation = write(workspace.resolve("mlops-reports/evaluate-model/report.json"),
                "{\"kind\": \"model-evaluation\", \"status\": \"PASSED\", \"metrics\": {\"roc_auc\": 0.91}}");
        var context = new RegistrationContext(BUILD, LINEAGE, new EvaluationReference(
                "mlops-reports/evaluate-model/report.json", EvaluationReference.sha256(evaluation)));
        var parameters = new RegistrationParameters("churn", "model", null, null, null, "champion", null,
                "team=fraud", null, null, null, null);
        var registry = new FakeRegistry();

        // no report files: writing them is the engine's part, tested in mlops-core
        var request = parameters.toRequest(workspace, context).withReportDir(null);
        var report = RegisterModel.run(request, registry);
        var summary = RegistrationSummary.of(report, "mlops-reports/register-model",
                "mlops-reports/evaluate-model/report.json", report.lineage());

        assertThat(registry.tags).contains(entry("mlops.build.id", "https://ci.example.com/job/churn/7/"),
                entry("git.commit", "4f2c9e1"), entry("mlops.dataset.1", "sha256:ab data/train.csv"),
                entry("mlops.evaluation.status", "PASSED"), entry("mlops.metric.roc_auc", "0.91"),
                entry("team", "fraud"));
        assertThat(registry.uploaded).containsExactly("model/model.onnx");
        assertThat(RegisterModelExecution.toResult(summary)).containsExactly(entry("name", "churn"),
                entry("version", "1"), entry("alias", "champion"), entry("uri", "models:/churn/1"),
                entry("created", true), entry("summary", summary.summary()),
                entry("reportDir", "mlops-reports/register-model"));
        assertThat(summary.experimentUrl()).isEqualTo("http://fake/#/experiments/0");
        assertThat(summary.versionUrl()).isEqualTo("http://fake/#/models/churn/versions/1");
        assertThat(summary.lineage().fact(LineageEvent.MODEL_ALIAS)).isEqualTo("champion");
        assertThat(summary.evaluation()).isEqualTo("mlops-reports/evaluate-model/report.json");
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

    /** A registry in memory: one experiment, one run, versions numbered from 1. */
    private static final class FakeRegistry implements ModelRegistry {
        private final List<String> uploaded = new ArrayList<>();
        private final Map<String, String> tags = new LinkedHashMap<>();
        private RegistryVersion version;

        @Override
        public String describe() {
            return "the fake registry";
        }

        @Override
        public RegistryRun run(final String runId) {
            return new RegistryRun(runId, "0", "fake:/" + runId);
        }

        @Override
        public RegistryRun runFor(final String experiment, final String runName, final Map<String, String> runTags) {
            return run("r1");
        }

        @Override
        public void upload(final RegistryRun run, final Path file, final String artifactPath) {
            uploaded.add(artifactPath);
        }

        @Override
        public void download(final String runId, final String artifactPath, final Path target) {
            throw new UnsupportedOperationException("not used by registration");
        }

        @Override
        public void logMetrics(final String runId, final Map<String, Double> metrics) {
            throw new UnsupportedOperationException("not used by registration");
        }

        @Override
        public Map<String, Double> runMetrics(final String runId) {
            throw new UnsupportedOperationException("not used by registration");
        }

        @Override
        public void logDatasets(final String runId, final Map<String, String> sha256ByPath) {
            // the datasets of the lineage; this test looks at the version's tags instead
        }

        @Override
        public Map<String, String> runDatasets(final String runId) {
            return Map.of();
        }

        @Override
        public String sourceOf(final ModelUri runReference) {
            return "fake:/r1/model";
        }

        @Override
        public Optional<RegistryVersion> version(final String name, final String number) {
            return Optional.ofNullable(version);
        }

        @Override
        public Optional<RegistryVersion> versionByAlias(final String name, final String alias) {
            return Optional.ofNullable(version);
        }

        @Override
        public Registered register(final String name, final String source, final String runId,
                final String description, final Map<String, String> versionTags) {
            tags.putAll(versionTags);
            version = new RegistryVersion(name, "1", source, runId, null, versionTags, List.of(), 0);
            return new Registered(version, true);
        }

        @Override
        public void setAlias(final String name, final String alias, final String number) {
            version = new RegistryVersion(name, number, version.source(), version.runId(), null, version.tags(),
                    List.of(alias), version.created());
        }

        @Override
        public Links links(final String experimentId, final String runId, final String name, final String number) {
            return new Links("http://fake/#/experiments/" + experimentId, null,
                    "http://fake/#/models/" + name + "/versions/" + number);
        }
    }
}
