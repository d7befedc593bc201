package io.mlops.registry;

import io.mlops.lineage.Lineage;
import io.mlops.lineage.LineageEvent;
import io.mlops.mlflow.FaultInjectingProxy;
import io.mlops.mlflow.LocalMlflowServer;
import io.mlops.mlflow.MlflowClient;
import io.mlops.mlflow.MlflowServerExtension;
import io.mlops.mlflow.MlflowConnection;
import io.mlops.mlflow.MlflowCredentials;
import io.mlops.mlflow.RetryPolicy;
import io.mlops.util.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * registerModel against a real MLflow tracking server (see {@link LocalMlflowServer}), started once for the
 * class: versions, aliases, idempotent retries, lost answers, a server that is down, artifacts and lineage tags.
 */
class RegisterModelIT {
    @TempDir
    Path work;

    @RegisterExtension
    static final MlflowServerExtension MLFLOW = new MlflowServerExtension();

    private static MlflowRegistry registry(final URI uri) {
        var connection = MlflowConnection.of(uri, MlflowCredentials.NONE)
                .withRetryPolicy(new RetryPolicy(5, Duration.ofMillis(10), Duration.ofMillis(50)));
        return new MlflowRegistry(MlflowClient.connect(connection));
    }

    private Path model(final String content) throws IOException {
        var dir = Files.createDirectories(work.resolve("model-" + content.hashCode()));
        Files.writeString(dir.resolve("MLmodel"), "flavors:\n  python_function: {}\n");
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("data/weights.txt"), content);
        return dir;
    }

    private static BuildInfo build(final String id) {
        return new BuildInfo(id, id, "churn/main", "0123456789abcdef0123456789abcdef01234567", "main",
                "https://user:secret@git.example.com/churn.git");
    }

    @Test
    void shouldRegisterAFirstAndASecondVersionWithLineageTags() throws Exception {
        var registry = registry(MLFLOW.server().uri());
        var lineage = Lineage.EMPTY.with(new LineageEvent("validateData", Instant.now(), "PASSED",
                Map.of(LineageEvent.DATASET_PATH, "data/train.csv", LineageEvent.DATASET_SHA256, "ab12"), Map.of()));

        var first = RegisterModel.run(RegistrationRequest.ofDirectory("churn-first", model("v1"))
                .withBuild(build("https://ci.example.com/job/churn/1/")).withLineage(lineage)
                .withReportDir(work.resolve("r1")), registry);
        var second = RegisterModel.run(RegistrationRequest.ofDirectory("churn-first", model("v2"))
                .withBuild(build("https://ci.example.com/job/churn/2/")), registry);

        assertThat(first.version().version()).isEqualTo("1");
        assertThat(first.created()).isTrue();
        assertThat(second.version().version()).isEqualTo("2");
        assertThat(first.version().source()).startsWith("mlflow-artifacts:/").endsWith("/artifacts/model");
        assertThat(first.tags()).containsEntry("git.commit", "0123456789abcdef0123456789abcdef01234567")
                .containsEntry("git.repository", "https://git.example.com/churn.git")
                .containsEntry("jenkins.build.url", "https://ci.example.com/job/churn/1/")
                .containsEntry("mlops.dataset.1", "sha256:ab12 data/train.csv");
        assertThat(first.links().version()).isEqualTo(MLFLOW.server().uri() + "/#/models/churn-first/versions/1");
        assertThat(Files.readString(work.resolve("r1/report.json"))).contains("\"kind\": \"model-registration\"")
                .doesNotContain("secret");
        assertThat(registry.runDatasets(first.version().runId())).containsEntry("data/train.csv", "ab12");
        var downloaded = work.resolve("down/weights.txt");
        registry.download(first.version().runId(), "model/data/weights.txt", downloaded);
        assertThat(downloaded).hasContent("v1");
    }

    @Test
    void shouldSetAnAliasAndMoveItToALaterVersion() throws Exception {
        var registry = registry(MLFLOW.server().uri());
        RegisterModel.run(RegistrationRequest.ofDirectory("churn-alias", model("a1")).withAlias("staging")
                .withBuild(build("b-alias-1")), registry);
        var second = RegisterModel.run(RegistrationRequest.ofDirectory("churn-alias", model("a2"))
                .withAlias("staging").withBuild(build("b-alias-2")), registry);

        assertThat(second.version().aliases()).containsExactly("staging");
        assertThat(registry.versionByAlias("churn-alias", "staging")).map(RegistryVersion::version)
                .contains("2");
        assertThat(registry.version("churn-alias", "1").orElseThrow().aliases()).isEmpty();
        assertThat(registry.versionByAlias("churn-alias", "champion")).isEmpty();
    }

    @Test
    void shouldReturnTheSameVersionWhenTheBuildRegistersAgain() throws Exception {
        var registry = registry(MLFLOW.server().uri());
        var request = RegistrationRequest.ofDirectory("churn-retry", model("r1")).withBuild(build("b-retry"));

        var first = RegisterModel.run(request, registry);
        var again = RegisterModel.run(request, registry);

        assertThat(again.created()).isFalse();
        assertThat(again.version().version()).isEqualTo(first.version().version());
        assertThat(again.version().runId()).isEqualTo(first.version().runId());
        assertThat(registry.version("churn-retry", "2")).isEmpty();
    }

    @Test
    void shouldRideOutTwoServerErrorsBeforeTheServerAnswers() throws Exception {
        try (var proxy = new FaultInjectingProxy(MLFLOW.server().uri(), 2)) {
            var report = RegisterModel.run(RegistrationRequest.ofDirectory("churn-flaky", model("f1"))
                    .withBuild(build("b-flaky")), registry(proxy.uri()));

            assertThat(report.version().version()).isEqualTo("1");
        }
    }

    @Test
    void shouldNotCreateASecondVersionWhenTheAnswerToTheCreateCallIsLost() throws Exception {
        try (var proxy = FaultInjectingProxy.losingAnswers(MLFLOW.server().uri(), "/model-versions/create", 2)) {
            var report = RegisterModel.run(RegistrationRequest.ofDirectory("churn-lost", model("l1"))
                    .withBuild(build("b-lost")), registry(proxy.uri()));

            assertThat(report.version().version()).isEqualTo("1");
            assertThat(report.created()).isFalse();
        }
        assertThat(registry(MLFLOW.server().uri()).version("churn-lost", "2")).isEmpty();
    }

    @Test
    void shouldExplainInOneLineWhenTheServerIsDown() throws Exception {
        int port;
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        var registry = registry(URI.create("http://127.0.0.1:" + port));
        var report = work.resolve("down-report");

        var error = catchThrowableOfType(() -> RegisterModel.run(RegistrationRequest.ofDirectory("churn-down",
                model("d1")).withReportDir(report), registry), InputException.class);

        assertThat(error.getMessage()).contains("cannot reach http://127.0.0.1:" + port).doesNotContain("\n");
        assertThat(Files.readString(report.resolve("report.json"))).contains("\"status\": \"ERROR\"");
    }

    @Test
    void shouldRegisterFromARunUriAndFromAnotherVersion() throws Exception {
        var registry = registry(MLFLOW.server().uri());
        var original = RegisterModel.run(RegistrationRequest.ofDirectory("churn-src", model("s1"))
                .withBuild(build("b-src")), registry);

        var fromRun = RegisterModel.run(RegistrationRequest.ofSource("churn-src-copy",
                "runs:/" + original.version().runId() + "/model"), registry);
        var fromVersion = RegisterModel.run(RegistrationRequest.ofSource("churn-src-copy", "models:/churn-src/1"),
                registry);

        assertThat(fromRun.version().source()).isEqualTo(original.version().source());
        assertThat(fromVersion.version().source()).isEqualTo(original.version().source());
        assertThat(fromVersion.version().version()).isEqualTo("2");
    }

    @Test
    void shouldStoreTheEvaluationAndResolveItAsTheBaselineByAlias() throws Exception {
        var registry = registry(MLFLOW.server().uri());
        var predictions = Files.writeString(work.resolve("predictions.csv"), "id,label,score\n1,1,0.9\n2,0,0.2\n");
        var evaluation = Files.writeString(work.resolve("report.json"), "{\"schemaVersion\": 1, \"kind\": "
                + "\"model-evaluation\", \"status\": \"PASSED\", \"metrics\": {\"roc_auc\": 0.91, \"accuracy\": 0.8},"
                + " \"predictions\": {\"path\": \"" + predictions + "\", \"sha256\": \"cafe\"}}");
        RegisterModel.run(RegistrationRequest.ofDirectory("churn-base", model("b1")).withAlias("champion")
                .withEvaluation(evaluation).withBuild(build("b-base")), registry);

        var baseline = RegistryBaseline.resolve(registry, ModelUri.parse("models:/churn-base@champion"),
                work.resolve("baseline"));

        assertThat(baseline.metrics()).containsEntry("roc_auc", 0.91).containsEntry("accuracy", 0.8);
        assertThat(baseline.predictions()).isPresent();
        assertThat(baseline.predictions().orElseThrow()).hasSameTextualContentAs(predictions);
        assertThat(baseline.description()).contains("models:/churn-base/1").contains("champion");
    }

    @Test
    void shouldReadTheBaselineMetricsFromTheRunWhenTheVersionHasNoEvaluationTags() throws Exception {
        var registry = registry(MLFLOW.server().uri());
        var report = RegisterModel.run(RegistrationRequest.ofDirectory("churn-runmetrics", model("m1"))
                .withAlias("champion").withBuild(build("b-runmetrics")), registry);
        registry.logMetrics(report.version().runId(), Map.of("roc_auc", 0.77));

        var baseline = RegistryBaseline.resolve(registry, ModelUri.parse("models:/churn-runmetrics@champion"),
                work.resolve("baseline"));

        assertThat(baseline.metrics()).containsEntry("roc_auc", 0.77);
        assertThat(baseline.predictions()).isEqualTo(Optional.empty());
    }

    @Test
    void shouldResolveTheLatestVersionAsMlflowDoes() throws Exception {
        var registry = registry(MLFLOW.server().uri());
        for (int build = 1; build <= 3; build++) {
            RegisterModel.run(RegistrationRequest.ofDirectory("churn-latest", model("l" + build))
                    .withBuild(build("b-latest-" + build)), registry);
        }

        var latest = RegisterModel.resolve(registry, ModelUri.parse("models:/churn-latest/latest"));

        assertThat(latest.version()).isEqualTo("3");
        assertThat(catchThrowableOfType(() -> RegisterModel.resolve(registry,
                ModelUri.parse("models:/no-such-model/latest")), InputException.class))
                .hasMessageContaining("models:/no-such-model/latest does not exist");
    }

    @Test
    void shouldExplainAMissingAlias() throws Exception {
        var registry = registry(MLFLOW.server().uri());
        RegisterModel.run(RegistrationRequest.ofDirectory("churn-noalias", model("n1")), registry);

        var error = catchThrowableOfType(() -> RegistryBaseline.resolve(registry,
                ModelUri.parse("models:/churn-noalias@champion"), work.resolve("b")), InputException.class);

        assertThat(error.getMessage()).contains("models:/churn-noalias@champion does not exist")
                .contains("no version has the alias 'champion'");
    }

    @Test
    void shouldSayWhatIsWrongWithAWrongPassword() throws Exception {
        try (var authServer = LocalMlflowServer.startWithBasicAuth(Files.createDirectories(work.resolve("auth")))) {
            var wrong = new MlflowRegistry(MlflowClient.connect(MlflowConnection.of(authServer.uri(),
                    MlflowCredentials.basic(LocalMlflowServer.ADMIN_USER, "not-the-password"))));
            var right = new MlflowRegistry(MlflowClient.connect(MlflowConnection.of(authServer.uri(),
                    MlflowCredentials.basic(LocalMlflowServer.ADMIN_USER, LocalMlflowServer.ADMIN_PASSWORD))));

            var error = catchThrowableOfType(() -> RegisterModel.run(RegistrationRequest.ofDirectory("churn-auth",
                    model("w1")), wrong), InputException.class);
            var report = RegisterModel.run(RegistrationRequest.ofDirectory("churn-auth", model("w2")), right);

            assertThat(error.getMessage()).contains("HTTP 401").contains("did not accept the credentials")
                    .doesNotContain("not-the-password");
            assertThat(report.version().version()).isEqualTo("1");
        }
    }
}
