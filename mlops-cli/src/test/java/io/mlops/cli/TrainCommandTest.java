package io.mlops.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code mlops train}: the Job manifest of --dry-run, local runs and their exit codes, and an unreachable cluster. */
class TrainCommandTest extends LocalRegistryCommandTestBase {
    @Test
    void shouldPrintTheJobManifestWithoutACluster() {
        int code = run("train", "--runner", "kubernetes", "--image", "ghcr.io/acme/churn-train:1.4", "--gpus", "2",
                "--gpu-type", "NVIDIA-A100-SXM4-80GB", "--memory", "32Gi", "--memory-limit", "32Gi", "--secret-env",
                "HF_TOKEN=hugging-face:token", "--experiment", "churn", "--mlflow-token-secret", "mlflow:token",
                "--git-url", "https://github.com/acme/churn.git", "--git-commit", "9fceb02", "--name", "churn-7",
                "--namespace", "ml", "--timeout", "2h", "--dry-run", "--", "python", "train.py", "--epochs", "3");

        assertThat(code).as(err.toString()).isZero();
        var yaml = out.toString();
        assertThat(yaml).startsWith("# MLFLOW_TRACKING_URI, MLFLOW_EXPERIMENT_ID and MLFLOW_RUN_ID are added")
                .contains("\n---\napiVersion: \"batch/v1\"\nkind: \"Job\"\n")
                .contains("name: \"churn-7\"").contains("namespace: \"ml\"")
                .contains("nvidia.com/gpu: \"2\"").contains("nvidia.com/gpu.product: \"NVIDIA-A100-SXM4-80GB\"")
                .contains("activeDeadlineSeconds: 7200").contains("backoffLimit: 0")
                .contains("restartPolicy: \"Never\"").contains("name: \"MLFLOW_TRACKING_TOKEN\"")
                .contains("name: \"mlflow\"").contains("GIT_COMMIT").contains("\"9fceb02\"")
                .contains("- \"--epochs\"");
        assertThat(dir.resolve("mlops-reports")).doesNotExist();
    }

    @Test
    void shouldRefuseADryRunOfTheLocalRunner() {
        int code = run("train", "--dry-run", "--command", "python train.py");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("train: error: dry-run: --dry-run prints the Kubernetes Job; add "
                + "--runner kubernetes");
    }

    @Test
    void shouldReadTimeoutsAsTheStepDoesAndRefuseOthersInOneLine() {
        assertThat(run("train", "--runner", "kubernetes", "--image", "trainer:1", "--timeout", "90", "--dry-run",
                "--", "python", "train.py")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("activeDeadlineSeconds: 5400");

        int code = run("train", "--timeout", "soon", "--", "python", "train.py");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("Invalid value for option '--timeout': 'soon' is not a duration: "
                + "expected hours, minutes and seconds such as 6h, 90m or 1h30m, or a number of minutes")
                .doesNotContain("Exception");
    }

    @Test
    void shouldReadTolerationsAndVolumeClaimsAsTheStepDoes() {
        assertThat(run("train", "--runner", "kubernetes", "--image", "trainer:1", "--toleration",
                "dedicated=ml:NoSchedule", "--toleration", "spot", "--volume-claim", "code", "--dry-run", "--",
                "python", "train.py")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("key: \"dedicated\"").contains("operator: \"Equal\"")
                .contains("key: \"spot\"").contains("claimName: \"code\"").contains("mountPath: \"/workspace\"");

        assertThat(run("train", "--runner", "kubernetes", "--image", "trainer:1", "--toleration",
                "dedicated=ml:Sometimes", "--dry-run", "--", "python", "train.py")).isEqualTo(2);
        assertThat(err.toString()).contains("toleration: 'dedicated=ml:Sometimes' is not a taint: expected "
                + "key=value:Effect, key:Effect or key, with Effect NoSchedule, PreferNoSchedule or NoExecute");
    }

    @Test
    void shouldTrainLocallyIntoARunAndExitZero() throws IOException {
        int code = run("train", "--command", "sh -c 'echo epoch 1; echo saved'", "--name", "churn-local",
                "--experiment", "churn", "--registry", dir.resolve("registry").toString(), "--report-dir",
                dir.resolve("reports").toString(), "--lineage", dir.resolve("lineage.json").toString());

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("epoch 1\nsaved\n").contains("PASSED: Training churn-local succeeded")
                .containsPattern("MLflow run [0-9a-f]{32}");
        assertThat(Files.readString(dir.resolve("reports/report.json"))).contains("\"kind\": \"training\"")
                .contains("\"status\": \"PASSED\"");
        assertThat(Files.readString(dir.resolve("lineage.json"))).contains("\"step\" : \"trainModel\"")
                .contains("\"training.run\"");
    }

    @Test
    void shouldExitOneWhenTheTrainingCommandFails() {
        int code = run("train", "--name", "broken", "--report-dir", dir.resolve("reports").toString(), "--", "sh",
                "-c", "echo Traceback; exit 7");

        assertThat(code).isEqualTo(1);
        assertThat(out.toString()).contains("Traceback").contains("FAILED: Training broken failed: the training "
                + "command exited with code 7.");
    }

    @Test
    void shouldExitTwoForABadQuantity() {
        int code = run("train", "--memory", "16GB", "--command", "python train.py");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("memory: '16GB' is not a Kubernetes quantity: expected e.g. 16Gi");
    }

    @Test
    void shouldExitTwoWhenTheClusterCannotBeReached() throws IOException {
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        var kubeconfig = Files.writeString(dir.resolve("kubeconfig"), String.join("\n",
                "apiVersion: v1", "kind: Config", "current-context: gone",
                "clusters: [{name: gone, cluster: {server: 'http://127.0.0.1:" + port + "'}}]",
                "contexts: [{name: gone, context: {cluster: gone, user: nobody, namespace: ml}}]",
                "users: [{name: nobody, user: {}}]", ""));
        var previous = System.getProperty("kubeconfig");
        System.setProperty("kubeconfig", kubeconfig.toString());
        try {
            int code = run("train", "--runner", "kubernetes", "--image", "trainer:1", "--name", "offline",
                    "--report-dir", dir.resolve("reports").toString(), "--command", "python train.py");

            assertThat(code).isEqualTo(2);
            assertThat(err.toString()).contains("train: error: cannot reach the Kubernetes API at http://127.0.0.1:"
                    + port + "/: connection refused");
            assertThat(Files.readString(dir.resolve("reports/report.json"))).contains("\"status\": \"ERROR\"");
        }
        finally {
            if (previous == null) {
                System.clearProperty("kubeconfig");
            }
            else {
                System.setProperty("kubeconfig", previous);
            }
        }
    }

}
