package io.mlops.training;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlops.lineage.LineageEvent;
import io.mlops.registry.BuildInfo;
import io.mlops.registry.LocalRegistry;
import io.mlops.registry.ModelRegistry;
import io.mlops.report.ReportJson;
import io.mlops.training.TrainingSpec.SecretRef;
import io.mlops.training.local.LocalRunner;
import io.mlops.util.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrainModelTest {
    private static final BuildInfo BUILD = new BuildInfo("https://ci.example.com/job/churn/7/",
            "https://ci.example.com/job/churn/7/", "churn", "9fceb02d0ae598e95dc970b74767f19372d61af8", "main",
            "https://git.example.com/churn.git");

    @TempDir
    Path workspace;

    private final List<String> log = Collections.synchronizedList(new ArrayList<>());

    @Test
    void shouldTrainIntoARunOfTheExperimentAndRecordTheLineage() throws IOException {
        var registry = new LocalRegistry(workspace.resolve("registry"));
        var request = request(List.of("sh", "-c", "echo training; echo done"), Map.of("HF_TOKEN",
                new SecretRef("hugging-face", "token")));

        var report = TrainModel.run(request, registry, loop(Map.of("HF_TOKEN", "hf_s3cr3t")));

        assertThat(report.status().name()).isEqualTo("PASSED");
        assertThat(report.summary()).startsWith("Training churn-7 succeeded in ");
        assertThat(log).contains("training", "done");
        var runId = report.tracking().runId();
        assertThat(runId).matches("[0-9a-f]{32}");
        assertThat(report.tracking().trackingUri()).as("no MLflow variables for the local registry").isNull();
        assertThat(report.lineage().step()).isEqualTo("trainModel");
        assertThat(report.lineage().facts()).containsEntry(LineageEvent.TRAINING_RUN, runId)
                .containsEntry(LineageEvent.GIT_COMMIT, BUILD.gitCommit())
                .containsEntry(LineageEvent.TRAINING_RUNNER, "local")
                .containsEntry(LineageEvent.TRAINING_EXIT_CODE, "0")
                .containsEntry(LineageEvent.TRAINING_COMMAND, "sh -c 'echo training; echo done'")
                .containsKeys(LineageEvent.TRAINING_NODE, LineageEvent.TRAINING_STARTED,
                        LineageEvent.TRAINING_FINISHED);
        var runFile = Files.readString(workspace.resolve("registry/runs/" + runId + "/run.json"));
        assertThat(runFile).contains("\"mlops.training.exit_code\" : \"0\"")
                .contains("\"mlflow.source.git.commit\" : \"" + BUILD.gitCommit() + "\"")
                .contains("\"" + ModelRegistry.BUILD_ID_TAG + "\" : \"" + BUILD.buildId() + "\"");
    }

    @Test
    void shouldReuseTheRunOfThisBuildWhenTheStepIsRetried() throws IOException {
        var registry = new LocalRegistry(workspace.resolve("registry"));
        var request = request(List.of("true"), Map.of());

        var first = TrainModel.run(request, registry, loop(Map.of()));
        var second = TrainModel.run(request, registry, loop(Map.of()));

        assertThat(second.tracking().runId()).isEqualTo(first.tracking().runId());
    }

    @Test
    void shouldWriteAReportWithoutSecretValues() throws IOException {
        var registry = new LocalRegistry(workspace.resolve("registry"));
        var request = request(List.of("sh", "-c", "echo loss is NaN; exit 3"), Map.of("HF_TOKEN",
                new SecretRef("hugging-face", "token")));

        var report = TrainModel.run(request, registry, loop(Map.of("HF_TOKEN", "hf_s3cr3t")));

        assertThat(report.status().exitCode()).isEqualTo(1);
        var dir = workspace.resolve("reports");
        var json = ReportJson.newMapper().readTree(dir.resolve("report.json").toFile());
        assertThat(json.path("kind").asText()).isEqualTo("training");
        assertThat(json.path("status").asText()).isEqualTo("FAILED");
        assertThat(json.path("summary").asText()).isEqualTo("Training churn-7 failed: the training command exited "
                + "with code 3.");
        assertThat(json.path("outcome").path("exitCode").asInt()).isEqualTo(3);
        assertThat(json.path("attempts")).hasSize(1);
        assertThat(json.path("spec").path("env")).extracting(JsonNode::asText).containsExactly("EPOCHS");
        assertThat(json.path("spec").path("secretEnv").path("HF_TOKEN").asText()).isEqualTo("hugging-face:token");
        assertThat(json.path("mlflow").path("runId").asText()).isEqualTo(report.tracking().runId());
        assertThat(json.path("lineage").path("training.exit_code").asText()).isEqualTo("3");
        for (var file : List.of("report.json", "report.md", "report.html", "junit.xml")) {
            assertThat(Files.readString(dir.resolve(file))).as(file).doesNotContain("hf_s3cr3t")
                    .doesNotContain("secret-epochs");
        }
        assertThat(Files.readString(dir.resolve("junit.xml"))).contains("<failure");
        assertThat(Files.readString(dir.resolve("report.md"))).contains("| Exit code | 3 |");
    }

    @Test
    void shouldWriteAnErrorReportWhenTheTrainingCannotStart() {
        var registry = new LocalRegistry(workspace.resolve("registry"));
        var request = request(List.of("no-such-trainer"), Map.of());

        assertThatThrownBy(() -> TrainModel.run(request, registry, loop(Map.of())))
                .isInstanceOf(InputException.class).hasMessageStartingWith("command: cannot run 'no-such-trainer'");
        assertThat(workspace.resolve("reports/report.json")).content().contains("\"status\": \"ERROR\"")
                .contains("\"kind\": \"training\"");
    }

    @Test
    void shouldTrainWithoutARunWhenNoExperimentIsGiven() throws IOException {
        var spec = new TrainingSpec("churn-7", null, List.of("true"), null, Map.of(), Map.of(), null, null, null,
                Duration.ofMinutes(1), 0, Map.of(), null);

        var report = TrainModel.run(new TrainingRequest(spec, null, BUILD, null), null, loop(Map.of()));

        assertThat(report.status().name()).isEqualTo("PASSED");
        assertThat(report.tracking()).isEqualTo(TrainingTracking.NONE);
        assertThat(report.lineage().facts()).doesNotContainKey(LineageEvent.TRAINING_RUN);
    }

    private TrainingRequest request(final List<String> command, final Map<String, SecretRef> secrets) {
        var spec = new TrainingSpec("churn-7", null, command, null, Map.of("EPOCHS", "secret-epochs"), secrets, null,
                null, null, Duration.ofMinutes(1), 1, Map.of(), "churn");
        return new TrainingRequest(spec, null, BUILD, workspace.resolve("reports"));
    }

    private TrainingLoop loop(final Map<String, String> extraEnv) {
        var env = new java.util.HashMap<>(System.getenv());
        env.putAll(extraEnv);
        return new TrainingLoop(new LocalRunner(workspace, env), log::add);
    }
}
