package io.mlops.mlflow;

import io.mlops.mlflow.FakeMlflowServer.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class MlflowClientTest {
    private static final String TOKEN = "s3cr3t-token-value";
    private static final RetryPolicy FAST = new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(5));
    private static final String RUN_JSON = "{\"run\": {\"info\": {\"run_id\": \"r1\", \"experiment_id\": \"7\", "
            + "\"status\": \"RUNNING\", \"start_time\": 5, \"artifact_uri\": \"mlflow-artifacts:/7/r1/artifacts\", "
            + "\"a_field_from_a_newer_server\": true}, \"data\": {\"params\": [{\"key\": \"lr\", \"value\": \"0.1\"}]}}}";

    private FakeMlflowServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = new FakeMlflowServer();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private MlflowClient client(final MlflowCredentials credentials) {
        return MlflowClient.connect(MlflowConnection.of(server.uri(), credentials).withRetryPolicy(FAST));
    }

    @Test
    void shouldRetryTwoServerErrorsAndThenSucceed() {
        server.then(Response.json(500, "{\"error_code\": \"INTERNAL_ERROR\", \"message\": \"db locked\"}"),
                Response.json(503, "unavailable"), Response.json(200, RUN_JSON));

        var run = client(MlflowCredentials.bearer(TOKEN)).getRun("r1");

        assertThat(run.info().runId()).isEqualTo("r1");
        assertThat(run.param("lr")).contains("0.1");
        assertThat(server.requests()).hasSize(3).allSatisfy(request -> {
            assertThat(request.path()).isEqualTo("/api/2.0/mlflow/runs/get");
            assertThat(request.query()).isEqualTo("run_id=r1");
            assertThat(request.header("Authorization")).isEqualTo("Bearer " + TOKEN);
        });
    }

    @Test
    void shouldGiveUpAfterTheLastAttemptAndSayHowOftenItTried() {
        server.byDefault(Response.json(500, "{\"error_code\": \"INTERNAL_ERROR\", \"message\": \"db locked\"}"));

        var error = catchThrowableOfType(MlflowException.class, () -> client(MlflowCredentials.NONE).getRun("r1"));

        assertThat(error).hasMessage("MLflow GET /api/2.0/mlflow/runs/get failed: HTTP 500 INTERNAL_ERROR: "
                + "db locked (after 3 attempts)");
        assertThat(server.requests()).hasSize(3);
    }

    @Test
    void shouldHonourRetryAfterOn429CappedAtTheMaximumDelay() {
        server.then(new Response(429, "slow down", Map.of("Retry-After", "1")), Response.json(200, RUN_JSON));
        var policy = new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(200));
        var client = MlflowClient.connect(MlflowConnection.of(server.uri(), MlflowCredentials.NONE)
                .withRetryPolicy(policy));

        long start = System.nanoTime();
        client.getRun("r1");
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(server.requests()).hasSize(2);
        assertThat(elapsedMillis).isBetween(200L, 900L);
    }

    @Test
    void shouldNotRetryAClientError() {
        server.byDefault(Response.json(400, "{\"error_code\": \"INVALID_PARAMETER_VALUE\", "
                + "\"message\": \"Missing value for required parameter 'name'\"}"));

        assertThatThrownBy(() -> client(MlflowCredentials.NONE).createExperiment(""))
                .isInstanceOf(MlflowException.class)
                .hasMessage("MLflow POST /api/2.0/mlflow/experiments/create failed: HTTP 400 "
                        + "INVALID_PARAMETER_VALUE: Missing value for required parameter 'name'");
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void shouldReportAnUnreachableServerAfterRetrying() throws IOException {
        URI closed;
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
        var client = MlflowClient.connect(MlflowConnection.of(closed, MlflowCredentials.bearer(TOKEN))
                .withRetryPolicy(FAST).withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5)));

        var error = catchThrowableOfType(MlflowException.class, () -> client.getRun("r1"));

        assertThat(error.getStatus()).isEqualTo(MlflowException.NO_RESPONSE);
        assertThat(error.getMessage()).startsWith("MLflow GET /api/2.0/mlflow/runs/get failed: cannot reach "
                + closed + " after 3 attempt(s): connection refused").doesNotContain(TOKEN);
    }

    @Test
    void shouldExplainAWrongTokenWithoutShowingIt() {
        server.byDefault(Response.json(401, "{\"error_code\": \"UNAUTHENTICATED\", "
                + "\"message\": \"You are not authenticated.\"}"));
        var client = client(MlflowCredentials.bearer(TOKEN));

        var error = catchThrowableOfType(MlflowException.class, () -> client.findExperimentByName("e"));

        assertThat(error.getStatus()).isEqualTo(401);
        assertThat(error).hasMessageContaining("HTTP 401 UNAUTHENTICATED: You are not authenticated.")
                .hasMessageContaining("the server did not accept the credentials");
        assertThat(server.requests()).hasSize(1);
        assertThat(List.of(error.getMessage(), error.toString(), client.connection().toString(),
                client.connection().credentials().toString())).noneMatch(text -> text.contains(TOKEN));
    }

    @Test
    void shouldNeverShowABasicAuthPassword() {
        server.byDefault(new Response(403, "<html><body><h1>Forbidden</h1></body></html>", Map.of()));
        var client = client(MlflowCredentials.basic("ci", TOKEN));

        var error = catchThrowableOfType(MlflowException.class, () -> client.getRun("r1"));

        assertThat(error).hasMessage("MLflow GET /api/2.0/mlflow/runs/get failed: HTTP 403: Forbidden "
                + "(the credentials are valid but lack the permission for this call)");
        assertThat(server.requests().get(0).header("Authorization")).startsWith("Basic ");
        assertThat(client.connection().toString()).contains("ci").doesNotContain(TOKEN);
    }

    @Test
    void shouldTreatNotFoundAsAbsent() {
        server.then(Response.json(404, "{\"error_code\": \"RESOURCE_DOES_NOT_EXIST\", "
                + "\"message\": \"Registered Model with name=churn not found\"}"));

        assertThat(client(MlflowCredentials.NONE).findRegisteredModel("churn")).isEmpty();
    }

    @Test
    void shouldSplitFifteenHundredMetricsIntoTwoCalls() {
        var metrics = IntStream.range(0, 1500).mapToObj(i -> new Metric("m" + i, i, 1000L, i)).toList();

        int calls = client(MlflowCredentials.NONE).logBatch("r1", metrics, List.of(), List.of());

        assertThat(calls).isEqualTo(2);
        var requests = server.requests();
        assertThat(requests).extracting(FakeMlflowServer.Request::path)
                .containsOnly("/api/2.0/mlflow/runs/log-batch");
        assertThat(count(requests.get(0).body(), "\"key\"")).isEqualTo(1000);
        assertThat(count(requests.get(1).body(), "\"key\"")).isEqualTo(500);
        assertThat(requests.get(0).body()).startsWith("{\"run_id\":\"r1\",\"metrics\":[{\"key\":\"m0\","
                + "\"value\":0.0,\"timestamp\":1000,\"step\":0}");
    }

    @Test
    void shouldSplitARequestLargerThanOneMegabyte() {
        var big = "x".repeat(5000);
        var params = IntStream.range(0, 100).mapToObj(i -> new Tag("p" + i, big)).toList();
        var tags = IntStream.range(0, 100).mapToObj(i -> new Tag("t" + i, big)).toList();

        int calls = client(MlflowCredentials.NONE).logBatch("r1", List.of(), params, tags);

        assertThat(calls).isEqualTo(2);
        var sizes = new ArrayList<Integer>();
        int values = 0;
        for (var request : server.requests()) {
            sizes.add(request.body().getBytes(StandardCharsets.UTF_8).length);
            values += count(request.body(), "\"key\"");
        }
        assertThat(sizes).allMatch(size -> size <= LogBatch.MAX_REQUEST_BYTES);
        assertThat(values).isEqualTo(200);
    }

    @Test
    void shouldSplitParamsAndTagsAtOneHundredPerCall() {
        var params = IntStream.range(0, 250).mapToObj(i -> new Tag("p" + i, "v")).toList();

        var batches = LogBatch.split("r1", List.of(), params, List.of());

        assertThat(batches).extracting(batch -> batch.params().size()).containsExactly(100, 100, 50);
    }

    @Test
    void shouldNotSendAModelIdToAnMlflow2Server() {
        server.then(new Response(200, "2.22.1", Map.of()));
        var client = client(MlflowCredentials.NONE);

        assertThatThrownBy(() -> client.createModelVersion(new NewModelVersion("churn", "models:/m-1", null, null,
                null, List.of(), "m-1")))
                .isInstanceOf(MlflowException.class)
                .hasMessageContaining("needs an MLflow 3 server, but the server reports version 2.22.1");
        assertThat(server.requests()).extracting(FakeMlflowServer.Request::path).containsExactly("/version");
    }

    @Test
    void shouldSendTheAliasDeletionAsAJsonBody() {
        client(MlflowCredentials.NONE).deleteAlias("churn model", "champion");

        var request = server.requests().get(0);
        assertThat(request.method()).isEqualTo("DELETE");
        assertThat(request.path()).isEqualTo("/api/2.0/mlflow/registered-models/alias");
        assertThat(request.body()).isEqualTo("{\"name\":\"churn model\",\"alias\":\"champion\"}");
    }

    @Test
    void shouldEncodeQueryParameters() {
        server.then(Response.json(200, "{\"model_version\": {\"name\": \"a b&c\", \"version\": \"2\", "
                + "\"aliases\": [\"champion\"]}}"));

        var version = client(MlflowCredentials.NONE).findVersionByAlias("a b&c", "champion");

        assertThat(version).get().extracting(ModelVersion::version).isEqualTo("2");
        assertThat(server.requests().get(0).query()).isEqualTo("name=a%20b%26c&alias=champion");
    }

    @Test
    void shouldMapArtifactUrisToProxyPaths() {
        assertThat(MlflowClient.artifactPath("mlflow-artifacts:/1/abc/artifacts", "model/my model.onnx"))
                .isEqualTo("/api/2.0/mlflow-artifacts/artifacts/1/abc/artifacts/model/my%20model.onnx");
        assertThat(MlflowClient.artifactPath("mlflow-artifacts://host:5000/1/abc/artifacts", "a.txt"))
                .isEqualTo("/api/2.0/mlflow-artifacts/artifacts/1/abc/artifacts/a.txt");
        assertThatThrownBy(() -> MlflowClient.artifactPath("mlflow-artifacts:/1/abc/artifacts", "../../x"))
                .hasMessageContaining("must stay inside the run's artifacts");
        assertThatThrownBy(() -> MlflowClient.artifactPath("s3://bucket/1/abc/artifacts", "x"))
                .hasMessageContaining("is not served by the MLflow server");
    }

    private static int count(final String text, final String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}
