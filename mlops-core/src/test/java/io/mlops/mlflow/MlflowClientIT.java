package io.mlops.mlflow;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The client against a real MLflow tracking server (see {@link LocalMlflowServer}), started once for the class.
 */
class MlflowClientIT {
    @RegisterExtension
    static final MlflowServerExtension MLFLOW = new MlflowServerExtension();

    private MlflowClient client;

    @BeforeEach
    void connect() {
        client = MlflowClient.connect(MlflowConnection.of(MLFLOW.server().uri(), MlflowCredentials.NONE));
    }

    @Test
    void shouldReportTheServerVersion() {
        var version = client.serverVersion();

        assertThat(version.major()).as(version.text()).isGreaterThanOrEqualTo(2);
        assertThat(version.text()).matches("\\d+\\.\\d+.*");
    }

    @Test
    void shouldCreateARunAndLogABatchLargerThanOneCall() {
        var experimentId = client.experimentId("it-runs");
        assertThat(client.experimentId("it-runs")).isEqualTo(experimentId);
        var run = client.createRun(experimentId, "train", 1_000L, List.of(new Tag("jenkins.build.url", "b/1")));
        var runId = run.info().runId();
        var metrics = IntStream.range(0, 1500).mapToObj(i -> new Metric("m" + i, i / 10.0, 2_000L, 0)).toList();

        int calls = client.logBatch(runId, metrics, List.of(new Tag("lr", "0.1")), List.of(new Tag("stage", "it")));
        client.logInputs(runId, List.of(DatasetInput.of(new Dataset("train.csv", "0123abcd", "local",
                "{\"uri\": \"file:///data/train.csv\"}", null, null), "training")));
        var finished = client.updateRun(runId, "FINISHED", 3_000L);

        assertThat(calls).isEqualTo(2);
        assertThat(finished.status()).isEqualTo("FINISHED");
        var stored = client.getRun(runId);
        assertThat(stored.data().metrics()).hasSize(1500);
        assertThat(stored.metric("m1499")).contains(149.9);
        assertThat(stored.param("lr")).contains("0.1");
        assertThat(stored.tag("stage")).contains("it");
        assertThat(stored.tag("jenkins.build.url")).contains("b/1");
        assertThat(stored.inputs().datasetInputs()).singleElement().satisfies(input -> {
            assertThat(input.dataset().digest()).isEqualTo("0123abcd");
            assertThat(input.tags()).contains(new Tag(DatasetInput.CONTEXT_TAG, "training"));
        });
        var found = client.searchRuns(List.of(experimentId), "tags.`jenkins.build.url` = 'b/1'", 10, null);
        assertThat(found.items()).extracting(r -> r.info().runId()).containsExactly(runId);
    }

    @Test
    void shouldRegisterVersionsAndMoveAnAlias() {
        var run = client.createRun(client.experimentId("it-registry"), "train", 1_000L, List.of());
        var source = run.info().artifactUri() + "/model";
        client.createRegisteredModel("churn", "churn model", List.of(new Tag("team", "ml")));

        var first = client.createModelVersion(NewModelVersion.of("churn", source, run.info().runId(),
                List.of(new Tag("git.commit", "abc123"))));
        var second = client.createModelVersion(NewModelVersion.of("churn", source, run.info().runId(), List.of()));
        client.setAlias("churn", "champion", first.version());
        var before = client.findVersionByAlias("churn", "champion");
        client.setAlias("churn", "champion", second.version());
        client.setModelVersionTag("churn", second.version(), "evaluation", "passed");

        assertThat(List.of(first.version(), second.version())).containsExactly("1", "2");
        assertThat(before).get().extracting(ModelVersion::version).isEqualTo("1");
        assertThat(client.findVersionByAlias("churn", "champion")).get().satisfies(version -> {
            assertThat(version.version()).isEqualTo("2");
            assertThat(version.aliases()).containsExactly("champion");
            assertThat(version.tag("evaluation")).contains("passed");
        });
        assertThat(client.getModelVersion("churn", "1").tag("git.commit")).contains("abc123");
        assertThat(client.findRegisteredModel("churn")).get().satisfies(model -> {
            assertThat(model.versionOf("champion")).contains("2");
            assertThat(model.tags()).contains(new Tag("team", "ml"));
        });
        assertThat(client.searchModelVersions("name = 'churn'", 10, null).items()).hasSize(2);
        assertThat(client.searchRegisteredModels("name = 'churn'", 10, null).items())
                .extracting(RegisteredModel::name).containsExactly("churn");

        client.deleteAlias("churn", "champion");

        assertThat(client.findVersionByAlias("churn", "champion")).isEmpty();
        assertThat(client.findRegisteredModel("no-such-model")).isEmpty();
    }

    @Test
    void shouldRoundTripAnArtifactThroughTheProxy(@TempDir final Path work) throws Exception {
        var run = client.createRun(client.experimentId("it-artifacts"), "train", 1_000L, List.of());
        var file = work.resolve("weights.bin");
        var bytes = new byte[300_000];
        new java.util.Random(7).nextBytes(bytes);
        Files.write(file, bytes);

        client.uploadArtifact(run.info().artifactUri(), "model/my weights.bin", file);
        var copy = work.resolve("download/weights.bin");
        client.downloadArtifact(run.info().artifactUri(), "model/my weights.bin", copy);

        assertThat(copy).hasBinaryContent(bytes);
    }

    @Test
    void shouldRideOutTwoServerErrorsBeforeTheRealServerAnswers() throws Exception {
        try (var proxy = new FaultInjectingProxy(MLFLOW.server().uri(), 2)) {
            var flaky = MlflowClient.connect(MlflowConnection.of(proxy.uri(), MlflowCredentials.NONE)
                    .withRetryPolicy(new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(50))));

            var model = flaky.createRegisteredModel("flaky", null, List.of());

            assertThat(model.name()).isEqualTo("flaky");
            assertThat(proxy.requests()).isEqualTo(3);
            assertThat(client.searchRegisteredModels("name = 'flaky'", 10, null).items()).hasSize(1);
        }
    }

    @Test
    void shouldExplainAMissingRun() {
        var error = catchThrowableOfType(MlflowException.class, () -> client.getRun("0000nosuchrun"));

        assertThat(error.getStatus()).isEqualTo(404);
        assertThat(error).hasMessageStartingWith("MLflow GET /api/2.0/mlflow/runs/get failed: HTTP 404 "
                + "RESOURCE_DOES_NOT_EXIST: ");
    }
}
