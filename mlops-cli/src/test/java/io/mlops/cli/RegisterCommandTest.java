package io.mlops.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static io.mlops.cli.PredictionsFixture.predictions;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code mlops register} and {@code mlops evaluate --baseline models:/...} on the local registry, and against an
 * MLflow server that is not there (in a child JVM, whose environment the test sets).
 */
class RegisterCommandTest extends LocalRegistryCommandTestBase {
    @Test
    void shouldRegisterAModelDirectoryInTheLocalRegistryAndSetTheAlias() throws IOException {
        var model = model("m1");

        int code = run("register", "--name", "churn", "--model-path", model.toString(), "--alias", "staging",
                "--tag", "team=growth", "--registry", dir.resolve("registry").toString(), "--report-dir",
                dir.resolve("reports").toString(), "--lineage", dir.resolve("lineage.json").toString());

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).startsWith("PASSED: registered models:/churn/1 (@staging) in local registry ");
        assertThat(Files.readString(dir.resolve("reports/report.json"))).contains("\"version\": \"1\"")
                .contains("\"team\": \"growth\"");
        assertThat(Files.readString(dir.resolve("lineage.json"))).contains("\"model.version\" : \"1\"")
                .contains("\"step\" : \"registerModel\"");
    }

    @Test
    void shouldCompareWithTheRegisteredChampionPairwise() throws IOException {
        var production = file("production.csv", predictions(0.6, 0.4, 0.7, 0.5, 0.2, 0.6));
        var candidate = file("candidate.csv", predictions(0.9, 0.8, 0.7, 0.3, 0.2, 0.6));
        var registry = dir.resolve("registry").toString();
        assertThat(run("evaluate", "--predictions", production.toString(), "--task", "binary", "--report-dir",
                dir.resolve("prod-eval").toString())).isZero();
        assertThat(run("register", "--name", "churn", "--model-path", model("prod").toString(), "--alias",
                "champion", "--evaluation", dir.resolve("prod-eval/report.json").toString(), "--registry", registry,
                "--report-dir", dir.resolve("prod-reg").toString())).as(err.toString()).isZero();

        int code = run("evaluate", "--predictions", candidate.toString(), "--task", "binary", "--baseline",
                "models:/churn@champion", "--registry", registry, "--report-dir", dir.resolve("eval").toString());

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("production").contains("(delong)");
        assertThat(Files.readString(dir.resolve("eval/report.json"))).contains("models:/churn/1 (@champion)");
    }

    @Test
    void shouldExitWithTwoForAMissingAlias() throws IOException {
        var candidate = file("candidate.csv", predictions(0.9, 0.8, 0.7, 0.3, 0.2, 0.6));

        int code = run("evaluate", "--predictions", candidate.toString(), "--task", "binary", "--baseline",
                "models:/nothing@champion", "--registry", dir.resolve("registry").toString(), "--report-dir",
                dir.resolve("eval").toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString().lines().toList()).hasSize(1);
        assertThat(err.toString()).startsWith("evaluate: error: models:/nothing@champion does not exist");
        assertThat(dir.resolve("eval/report.json")).content().contains("\"status\": \"ERROR\"");
    }

    @Test
    void shouldExitWithTwoAndOneLineWhenTheMlflowServerIsDown() throws Exception {
        int port;
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "register", "--name", "churn", "--model-path", model("down").toString(), "--report-dir",
                dir.resolve("down").toString()).redirectErrorStream(false);
        builder.environment().put("MLFLOW_TRACKING_URI", "http://127.0.0.1:" + port);
        builder.environment().put("MLFLOW_TRACKING_TOKEN", "s3cret-token");
        var process = builder.start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        var stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.exitValue()).as(stderr).isEqualTo(2);
        assertThat(stderr.lines().toList()).as(stderr).hasSize(1);
        assertThat(stderr).startsWith("register: error: MLflow GET /api/2.0/mlflow/")
                .contains("cannot reach http://127.0.0.1:" + port).contains("connection refused")
                .doesNotContain("s3cret-token");
        assertThat(Files.readString(dir.resolve("down/report.json"))).contains("\"status\": \"ERROR\"");
    }

    @Test
    void shouldExitWithTwoWhenNeitherAModelPathNorASourceIsGiven() {
        int code = run("register", "--name", "churn", "--registry", dir.resolve("registry").toString(),
                "--report-dir", dir.resolve("reports").toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).startsWith("register: error: give either a model directory (--model-path)");
    }

    private Path model(final String content) throws IOException {
        var model = Files.createDirectories(dir.resolve("model-" + content));
        Files.writeString(model.resolve("model.json"), "{\"weights\": \"" + content + "\"}");
        return model;
    }


}
