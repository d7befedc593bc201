package io.mlops.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.mlops.lineage.Lineage;
import io.mlops.lineage.LineageEvent;
import io.mlops.util.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

/** The registerModel engine against the embedded local registry: the whole step without a server. */
class RegisterModelTest {
    private static final BuildInfo BUILD = new BuildInfo("https://ci.example.com/job/churn/7/",
            "https://ci.example.com/job/churn/7/", "churn/main", "0123456789abcdef0123456789abcdef01234567", "main",
            "https://user:secret@git.example.com/churn.git");

    @TempDir
    private Path work;

    private LocalRegistry registry() {
        return new LocalRegistry(work.resolve("registry"));
    }

    private Path model(final String weights) throws IOException {
        var dir = Files.createDirectories(work.resolve("model-" + weights));
        Files.writeString(dir.resolve("MLmodel"), "flavors:\n  python_function: {}\n");
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("data/weights.txt"), weights);
        return dir;
    }

    private JsonNode reportJson(final String reportDir) throws IOException {
        return JsonMapper.builder().build().readTree(work.resolve(reportDir).resolve("report.json").toFile());
    }

    @Test
    void shouldReportAnInterruptedRegistrationAsInterruptedNotAsAnUnreadableModel() throws Exception {
        // given: an aborted build interrupts the thread, so the local registry's file lock fails (FileLockInterruption-
        // Exception), which the registry reports as 'cannot write into the local registry'
        var request = RegistrationRequest.ofDirectory("churn", model("w1")).withReportDir(work.resolve("report"));

        // when
        Thread.currentThread().interrupt();
        try {
            // then
            assertThatThrownBy(() -> RegisterModel.run(request, registry())).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("interrupted");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        }
        finally {
            Thread.interrupted();
        }
        assertThat(reportJson("report").get("status").asText()).isEqualTo("ERROR");
        assertThat(reportJson("report").get("summary").asText()).isEqualTo("registerModel was interrupted and stopped before a result");
    }

    @Test
    void shouldUploadEveryFileOfTheModelDirectoryAndPointTheSourceAtIt() throws Exception {
        // given
        var registry = registry();
        var request = RegistrationRequest.ofDirectory("churn", model("w1")).withBuild(BUILD)
                .withReportDir(work.resolve("report"));

        // when
        var report = RegisterModel.run(request, registry);

        // then
        var version = report.version();
        assertThat(report.created()).isTrue();
        assertThat(version.uri()).isEqualTo("models:/churn/1");
        var run = registry.run(version.runId());
        assertThat(Path.of(version.source())).isEqualTo(Path.of(run.artifactRoot(), "model"));
        assertThat(Path.of(version.source()).resolve("MLmodel")).hasContent("flavors:\n  python_function: {}");
        assertThat(Path.of(version.source()).resolve("data/weights.txt")).hasContent("w1");
        assertThat(version.tags()).containsEntry(ModelRegistry.BUILD_ID_TAG, BUILD.buildId())
                .containsEntry("git.commit", BUILD.gitCommit())
                .containsEntry("git.repository", "https://git.example.com/churn.git");
        assertThat(report.summary()).isEqualTo("PASSED: registered models:/churn/1 in " + registry.describe() + ".");
        assertThat(report.lineage().fact(LineageEvent.MODEL_URI)).isEqualTo("models:/churn/1");
        assertThat(report.lineage().links()).isEmpty();
        for (var file : new String[] {"report.json", "report.md", "report.html", "junit.xml"}) {
            assertThat(work.resolve("report").resolve(file)).isRegularFile();
        }
        var json = reportJson("report");
        assertThat(json.path("kind").asText()).isEqualTo("model-registration");
        assertThat(json.path("status").asText()).isEqualTo("PASSED");
        assertThat(json.path("model").path("version").asText()).isEqualTo("1");
        assertThat(json.path("model").path("created").asBoolean()).isTrue();
        assertThat(Files.readString(work.resolve("report/report.json"))).doesNotContain("secret");
    }

    @Test
    void shouldReturnTheSameVersionWhenTheSameBuildRegistersTwice() throws Exception {
        // given
        var registry = registry();
        var request = RegistrationRequest.ofDirectory("churn", model("w1")).withBuild(BUILD);
        var first = RegisterModel.run(request, registry);

        // when
        var retried = RegisterModel.run(request, registry);
        var nextBuild = RegisterModel.run(request.withBuild(new BuildInfo("https://ci.example.com/job/churn/8/",
                null, null, null, null, null)), registry);

        // then
        assertThat(retried.created()).isFalse();
        assertThat(retried.version()).isEqualTo(first.version());
        assertThat(retried.summary()).startsWith("PASSED: already registered by this build: models:/churn/1");
        assertThat(nextBuild.created()).isTrue();
        assertThat(nextBuild.version().version()).isEqualTo("2");
        assertThat(nextBuild.version().runId()).isNotEqualTo(first.version().runId());
    }

    @Test
    void shouldPointTheAliasAtTheNewVersionAndMoveItWithTheNext() throws Exception {
        // given
        var registry = registry();
        var first = RegisterModel.run(RegistrationRequest.ofDirectory("churn", model("w1")).withAlias("champion"),
                registry);

        // when
        var second = RegisterModel.run(RegistrationRequest.ofDirectory("churn", model("w2")).withAlias("champion")
                .withReportDir(work.resolve("report")), registry);

        // then
        assertThat(first.version().aliases()).containsExactly("champion");
        assertThat(second.version().aliases()).containsExactly("champion");
        assertThat(second.alias()).isEqualTo("champion");
        assertThat(registry.version("churn", "1").orElseThrow().aliases()).isEmpty();
        assertThat(registry.versionByAlias("churn", "champion").map(RegistryVersion::version)).contains("2");
        assertThat(reportJson("report").path("model").path("aliases").get(0).asText()).isEqualTo("champion");
        assertThat(second.summary()).contains("models:/churn/2 (@champion)");
    }

    @Test
    void shouldKeepTheFilesOfTwoModelsThatOneBuildRegistersInOneExperiment() throws Exception {
        // given
        var registry = registry();
        var churn = new RegistrationRequest("churn", model("churn-weights"), null, null, "customers", null, null,
                null, null, null, BUILD, null);
        var fraud = new RegistrationRequest("fraud", model("fraud-weights"), null, null, "customers", null, null,
                null, null, null, BUILD, null);

        // when
        var first = RegisterModel.run(churn, registry);
        var second = RegisterModel.run(fraud, registry);
        var retried = RegisterModel.run(churn, registry);

        // then
        assertThat(second.version().runId()).isNotEqualTo(first.version().runId());
        assertThat(second.experimentId()).isEqualTo(first.experimentId());
        assertThat(Path.of(first.version().source()).resolve("data/weights.txt")).hasContent("churn-weights");
        assertThat(Path.of(second.version().source()).resolve("data/weights.txt")).hasContent("fraud-weights");
        assertThat(retried.version()).isEqualTo(first.version());
    }

    @Test
    void shouldRegisterARunReferenceWithTheRunsArtifactAsItsSource() throws Exception {
        // given
        var registry = registry();
        var run = registry.runFor("training", "train", Map.of());
        registry.upload(run, model("w1").resolve("MLmodel"), "model/MLmodel");

        // when
        var report = RegisterModel.run(RegistrationRequest.ofSource("churn", run.uri("model")), registry);

        // then
        assertThat(report.version().runId()).isEqualTo(run.runId());
        assertThat(report.version().source()).isEqualTo(Path.of(run.artifactRoot(), "model").toString());
        assertThat(report.experimentId()).isEqualTo(run.experimentId());
    }

    @Test
    void shouldRegisterAnExistingVersionByNumberOrAliasUnderAnotherName() throws Exception {
        // given
        var registry = registry();
        var original = RegisterModel.run(RegistrationRequest.ofDirectory("churn", model("w1")).withAlias("champion"),
                registry).version();

        // when
        var byNumber = RegisterModel.run(RegistrationRequest.ofSource("churn-prod", "models:/churn/1"), registry);
        var byAlias = RegisterModel.run(RegistrationRequest.ofSource("churn-eu", "models:/churn@champion"),
                registry);

        // then
        for (var report : new RegistrationReport[] {byNumber, byAlias}) {
            assertThat(report.version().version()).isEqualTo("1");
            assertThat(report.version().source()).isEqualTo(original.source());
            assertThat(report.version().runId()).isEqualTo(original.runId());
        }
        assertThat(byNumber.version().name()).isEqualTo("churn-prod");
        assertThat(byAlias.version().name()).isEqualTo("churn-eu");
    }

    @Test
    void shouldTurnTheEvaluationIntoTagsAndKeepItsPredictionsAsTheNextBaseline() throws Exception {
        // given
        var registry = registry();
        var predictions = Files.writeString(work.resolve("predictions.csv"), "label,prediction,score\n1,1,0.9\n");
        var evaluation = Files.writeString(work.resolve("evaluation.json"), """
                {"schemaVersion":1,"kind":"model-evaluation","status":"PASSED","metrics":{"roc_auc":0.9},
                 "predictions":{"path":"%s","sha256":"abc"}}
                """.formatted(predictions.toAbsolutePath().toString().replace("\\", "\\\\")));

        // when
        var report = RegisterModel.run(RegistrationRequest.ofDirectory("churn", model("w1"))
                .withEvaluation(evaluation).withAlias("champion"), registry);
        var baseline = RegistryBaseline.resolve(registry, ModelUri.parse("models:/churn@champion"),
                work.resolve("baseline"));

        // then
        assertThat(report.tags()).containsEntry(RegisterModel.EVALUATION_STATUS_TAG, "PASSED")
                .containsEntry("mlops.metric.roc_auc", "0.9")
                .containsEntry(RegisterModel.PREDICTIONS_TAG, "runs:/" + report.version().runId()
                        + "/mlops/predictions.csv")
                .containsEntry(RegisterModel.PREDICTIONS_SHA256_TAG, "abc");
        assertThat(report.lineage().fact(LineageEvent.EVALUATION_STATUS)).isEqualTo("PASSED");
        var stored = work.resolve("stored.csv");
        registry.download(report.version().runId(), "mlops/predictions.csv", stored);
        assertThat(stored).hasSameTextualContentAs(predictions);
        assertThat(baseline.metrics()).containsEntry("roc_auc", 0.9);
        assertThat(baseline.predictions()).hasValueSatisfying(file -> assertThat(file)
                .hasSameTextualContentAs(predictions));
    }

    @Test
    void shouldKeepTheStoredPredictionsOfTheSourceVersionWhenRegisteringItAgainWithAnotherEvaluation()
            throws Exception {
        // given: version 1 of churn carries its own evaluation's predictions
        var registry = registry();
        var first = Files.writeString(work.resolve("first.csv"), "label,prediction,score\n1,1,0.9\n");
        var second = Files.writeString(work.resolve("second.csv"), "label,prediction,score\n0,0,0.1\n");
        RegisterModel.run(RegistrationRequest.ofDirectory("churn", model("k1"))
                .withEvaluation(evaluationOf(first, "e1.json")).withBuild(buildNamed("b1")), registry);

        // when: the same model is registered under another name with another evaluation
        var copy = RegisterModel.run(RegistrationRequest.ofSource("churn-prod", "models:/churn/1")
                .withEvaluation(evaluationOf(second, "e2.json")).withBuild(buildNamed("b2")), registry);

        // then: version 1's baseline is unchanged, and the copy's points at this build's run
        var original = RegistryBaseline.resolve(registry, ModelUri.parse("models:/churn/1"), work.resolve("b1"));
        var copied = RegistryBaseline.resolve(registry, ModelUri.parse("models:/churn-prod/1"), work.resolve("b2"));
        assertThat(original.predictions().orElseThrow()).hasSameTextualContentAs(first);
        assertThat(copied.predictions().orElseThrow()).hasSameTextualContentAs(second);
        assertThat(copy.tags().get(RegisterModel.PREDICTIONS_TAG)).doesNotContain(copy.version().runId());
    }

    @Test
    void shouldKeepTheDescriptionOnTheVersion() throws Exception {
        var request = new RegistrationRequest("churn", model("d1"), null, null, null, null, "gradient boosting, "
                + "April data", Map.of(), null, null, null, work.resolve("reports"));

        var report = RegisterModel.run(request, registry());

        assertThat(report.version().description()).isEqualTo("gradient boosting, April data");
        assertThat(registry().version("churn", "1").orElseThrow().description())
                .isEqualTo("gradient boosting, April data");
        assertThat(Files.readString(work.resolve("reports/report.json")))
                .contains("\"description\": \"gradient boosting, April data\"");
    }

    private Path evaluationOf(final Path predictions, final String name) throws IOException {
        return Files.writeString(work.resolve(name), """
                {"schemaVersion":1,"kind":"model-evaluation","status":"PASSED","metrics":{"roc_auc":0.9},
                 "predictions":{"path":"%s","sha256":"abc"}}
                """.formatted(predictions.toAbsolutePath().toString().replace("\\", "\\\\")));
    }

    private static BuildInfo buildNamed(final String id) {
        return new BuildInfo(id, null, null, null, null, null);
    }

    @Test
    void shouldTagTheDatasetDigestsOfTheLineage() throws Exception {
        // given
        var lineage = Lineage.EMPTY.with(new LineageEvent("validateData", Instant.now(), "PASSED",
                Map.of(LineageEvent.DATASET_PATH, "data/train.csv", LineageEvent.DATASET_SHA256, "ab12",
                        LineageEvent.REFERENCE_PATH, "data/reference.csv", LineageEvent.REFERENCE_SHA256, "cd34"),
                Map.of()))
                .with(new LineageEvent("trainModel", Instant.now(), "PASSED",
                        Map.of(LineageEvent.TRAINING_RUN, "job/train-7"), Map.of()));

        // when
        var report = RegisterModel.run(RegistrationRequest.ofDirectory("churn", model("w1")).withLineage(lineage),
                registry());

        // then
        assertThat(report.tags()).containsEntry("mlops.dataset.1", "sha256:ab12 data/train.csv")
                .containsEntry("mlops.dataset.2", "sha256:cd34 data/reference.csv")
                .containsEntry("mlops.training.run", "job/train-7");
        assertThat(registry().runDatasets(report.version().runId())).containsExactly(
                entry("data/train.csv", "ab12"), entry("data/reference.csv", "cd34"));
    }

    @Test
    void shouldRefuseNeitherAModelDirectoryNorASource() {
        // given
        var request = new RegistrationRequest("churn", null, null, null, null, null, null, null, null, null, null,
                work.resolve("report"));

        // when / then
        assertRefused(request, "give either a model directory (--model-path) or an existing model "
                + "(--source runs:/... or models:/...), not neither");
    }

    @Test
    void shouldRefuseBothAModelDirectoryAndASource() throws Exception {
        // given
        var request = new RegistrationRequest("churn", model("w1"), "models:/churn/1", null, null, null, null, null,
                null, null, null, work.resolve("report"));

        // when / then
        assertRefused(request, "not both");
    }

    @Test
    void shouldRefuseAnEmptyModelDirectory() throws Exception {
        // given
        var empty = Files.createDirectories(work.resolve("empty"));

        // when / then
        assertRefused(RegistrationRequest.ofDirectory("churn", empty).withReportDir(work.resolve("report")),
                "the model directory is empty");
        assertRefused(RegistrationRequest.ofDirectory("churn", work.resolve("missing"))
                .withReportDir(work.resolve("report")), "no such model directory or file");
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1", "latest", "LATEST", "champion!", ""})
    void shouldRefuseAnAliasThatMlflowRejects(final String alias) throws Exception {
        assertRefused(RegistrationRequest.ofDirectory("churn", model("w1")).withAlias(alias)
                .withReportDir(work.resolve("report")), "alias '" + alias + "' is not usable");
        assertThat(work.resolve("registry")).doesNotExist();
    }

    @Test
    void shouldRefuseAReferenceToAnAliasThatNoVersionHas() throws Exception {
        // given
        RegisterModel.run(RegistrationRequest.ofDirectory("churn", model("w1")), registry());

        // when / then
        assertRefused(RegistrationRequest.ofSource("churn-prod", "models:/churn@champion")
                .withReportDir(work.resolve("report")), "models:/churn@champion does not exist in local registry");
        assertRefused(RegistrationRequest.ofSource("churn-prod", "models:/churn/2")
                .withReportDir(work.resolve("report")), "models:/churn/2 does not exist");
        assertRefused(RegistrationRequest.ofSource("churn-prod", "s3://bucket/model")
                .withReportDir(work.resolve("report")), "is not a model reference");
    }

    @Test
    void shouldRefuseAModelNameThatMlflowCannotAddress() throws Exception {
        assertRefused(RegistrationRequest.ofDirectory("../../etc/x", model("w1"))
                .withReportDir(work.resolve("report")), "model name '../../etc/x' is not usable");
        assertThat(work.resolve("registry")).doesNotExist();
    }

    /** The step throws an InputException with the message and leaves an ERROR report.json that says the same. */
    private void assertRefused(final RegistrationRequest request, final String message) {
        assertThatThrownBy(() -> RegisterModel.run(request, registry())).isInstanceOf(InputException.class)
                .hasMessageContaining(message);
        try {
            var json = reportJson("report");
            assertThat(json.path("kind").asText()).isEqualTo("model-registration");
            assertThat(json.path("status").asText()).isEqualTo("ERROR");
            assertThat(json.path("summary").asText()).contains(message);
        } catch (IOException e) {
            throw new AssertionError("no ERROR report.json", e);
        }
    }
}
