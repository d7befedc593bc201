package io.jenkins.plugins.mlops.registry;

import io.mlops.lineage.Lineage;
import io.mlops.lineage.LineageEvent;
import io.mlops.registry.BuildInfo;
import io.mlops.registry.RegistrationRequest;
import io.mlops.util.InputException;
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

class RegistrationParametersTest {
    private static final BuildInfo BUILD = BuildInfo.fromEnvironment(Map.of("BUILD_URL",
            "https://ci.example.com/job/churn/7/", "JOB_NAME", "churn", "GIT_COMMIT", "4f2c9e1"));
    private static final Lineage LINEAGE = new Lineage(List.of(new LineageEvent("validateData", Instant.EPOCH,
            "PASSED", Map.of(LineageEvent.DATASET_PATH, "data/train.csv", LineageEvent.DATASET_SHA256, "ab"),
            Map.of())));
    private static final RegistrationContext CONTEXT = new RegistrationContext(BUILD, LINEAGE, null);

    @Test
    void shouldTranslateEveryParameterIntoTheEngineRequest(@TempDir final Path workspace) {
        var parameters = Steps.everyParameterSet().toParameters();

        var request = parameters.toRequest(workspace, CONTEXT);

        assertThat(request).isEqualTo(new RegistrationRequest("churn-classifier", workspace.resolve("build/model"),
                "runs:/abc123/model", "abc123", "churn", "candidate", "Gradient boosting, June data",
                Map.of("team", "fraud", "ticket", "ML-123"),
                workspace.resolve("mlops-reports/evaluate-model/report.json"), LINEAGE, BUILD,
                workspace.resolve("reports/register")));
    }

    @Test
    void shouldLeaveUnsetParametersToTheEngineAndReportIntoTheDefaultDirectory(@TempDir final Path workspace) {
        var parameters = new RegistrationParameters(" churn ", null, " models:/churn@candidate ", " ", null, "",
                null, " , ", null, null, null, " ");

        var request = parameters.toRequest(workspace, CONTEXT);

        assertThat(request).isEqualTo(RegistrationRequest.ofSource("churn", "models:/churn@candidate")
                .withLineage(LINEAGE).withBuild(BUILD)
                .withReportDir(workspace.resolve("mlops-reports/register-model")));
    }

    @Test
    void shouldParseTagsOnePerLineOrCommaSeparated(@TempDir final Path workspace) {
        var parameters = parameters("model", "team = fraud, stage=shadow\r\nnote=a=b");

        assertThat(parameters.toRequest(workspace, CONTEXT).tags()).containsOnly(entry("team", "fraud"),
                entry("stage", "shadow"), entry("note", "a=b"));
        assertThatThrownBy(() -> parameters("model", "team").toRequest(workspace, CONTEXT))
                .isInstanceOf(InputException.class).hasMessageStartingWith("tags: 'team' is not a tag");
    }

    @Test
    void shouldRequireAName(@TempDir final Path workspace) {
        assertThatThrownBy(() -> new RegistrationParameters(" ", "model", null, null, null, null, null, null, null,
                null, null, null).toRequest(workspace, CONTEXT)).isInstanceOf(InputException.class)
                .hasMessage("name: no model name given: expected the registered model's name, such as "
                        + "churn-classifier");
    }

    @Test
    void shouldRejectEveryPathParameterThatLeavesTheWorkspace(@TempDir final Path workspace) {
        assertThatThrownBy(() -> parameters("../model", null).toRequest(workspace, CONTEXT))
                .hasMessageStartingWith("modelPath: '../model' is outside the workspace");
        assertThatThrownBy(() -> new RegistrationParameters("churn", "model", null, null, null, null, null, null,
                "/etc/report.json", null, null, null).toRequest(workspace, CONTEXT))
                .hasMessageStartingWith("evaluation: '/etc/report.json' is outside the workspace");
        assertThatThrownBy(() -> new RegistrationParameters("churn", "model", null, null, null, null, null, null,
                null, null, null, "../reports").toRequest(workspace, CONTEXT))
                .hasMessageStartingWith("reportDir: '../reports' is outside the workspace");
    }

    @Test
    void shouldUseTheBuildsLatestEvaluationWhenTheWorkspaceHoldsThatVeryReport(@TempDir final Path workspace)
            throws IOException {
        var report = write(workspace.resolve("mlops-reports/evaluate-model/report.json"), "{\"kind\": 1}");
        var same = new EvaluationReference("mlops-reports/evaluate-model/report.json",
                EvaluationReference.sha256(report));
        var other = new EvaluationReference("mlops-reports/evaluate-model/report.json", "00".repeat(32));
        var elsewhere = new EvaluationReference("reports/missing.json", "00".repeat(32));

        assertThat(parameters("model", null).toRequest(workspace, context(same)).evaluation()).isEqualTo(report);
        assertThat(parameters("model", null).toRequest(workspace, context(other)).evaluation())
                .as("another build's report in a shared workspace").isNull();
        assertThat(parameters("model", null).toRequest(workspace, context(elsewhere)).evaluation()).isNull();
        var given = new RegistrationParameters("churn", "model", null, null, null, null, null, null,
                "eval/report.json", null, null, null);
        assertThat(given.toRequest(workspace, context(same)).evaluation()).as("the parameter wins")
                .isEqualTo(workspace.resolve("eval/report.json"));
    }

    @Test
    void shouldExpandBuildVariablesInEveryTextParameter() {
        var parameters = new RegistrationParameters("$A", "$A", "$A", "$A", "$A", "$A", "$A", "$A", "$A", "$A", "$A",
                "$A");

        assertThat(parameters.expand(text -> text.replace("$A", "x"))).isEqualTo(new RegistrationParameters("x",
                "x", "x", "x", "x", "x", "x", "x", "x", "x", "x", "x"));
    }

    @Test
    void shouldDescribeWhatIsRegisteredWhere() {
        assertThat(Steps.everyParameterSet().toParameters().describe())
                .isEqualTo("churn-classifier from build/model as @candidate in MLflow server 'production'");
        assertThat(new RegistrationParameters("churn", null, "runs:/r1/model", null, null, null, null, null, null,
                null, null, null).describe()).isEqualTo("churn from runs:/r1/model in the embedded local registry");
    }

    private static RegistrationParameters parameters(final String modelPath, final String tags) {
        return new RegistrationParameters("churn", modelPath, null, null, null, null, null, tags, null, null, null,
                null);
    }

    private static RegistrationContext context(final EvaluationReference evaluation) {
        return new RegistrationContext(BUILD, LINEAGE, evaluation);
    }

    private static Path write(final Path file, final String text) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }
}
