package io.mlops.training;

import io.mlops.lineage.LineageEvent;
import io.mlops.mlflow.LocalMlflowServer;
import io.mlops.mlflow.MlflowClient;
import io.mlops.mlflow.MlflowServerExtension;
import io.mlops.mlflow.MlflowConnection;
import io.mlops.mlflow.MlflowCredentials;
import io.mlops.registry.BuildInfo;
import io.mlops.registry.MlflowRegistry;
import io.mlops.training.local.LocalRunner;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Against a real MLflow tracking server: a Python training script that only calls {@code mlflow.start_run()} logs
 * into the run trainModel created, and the run ends FINISHED with the training's lineage as tags.
 */
class TrainModelIT {
    @TempDir
    Path workspace;

    private final List<String> log = Collections.synchronizedList(new ArrayList<>());

    @RegisterExtension
    static final MlflowServerExtension MLFLOW = new MlflowServerExtension(TrainModelIT::checkPythonHasMlflow);

    private static void checkPythonHasMlflow() throws IOException, InterruptedException {
        var process = new ProcessBuilder("python3", "-c", "import mlflow").redirectErrorStream(true).start();
        var output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            var message = "python3 cannot import mlflow: " + output.strip();
            if (Boolean.getBoolean(LocalMlflowServer.REQUIRE_PROPERTY)) {
                throw new AssertionError(message);
            }
            Assumptions.abort(message);
        }
    }

    @Test
    void shouldLetTheTrainingScriptLogIntoTheRunAndTagItWithTheLineage() throws IOException {
        try (InputStream script = getClass().getResourceAsStream("train_with_mlflow.py")) {
            Files.copy(script, workspace.resolve("train.py"));
        }
        var client = MlflowClient.connect(MlflowConnection.of(MLFLOW.server().uri(), MlflowCredentials.NONE));
        var registry = new MlflowRegistry(client);
        var spec = new TrainingSpec("churn-it", null, List.of("python3", "train.py"), null, Map.of(), Map.of(), null,
                null, null, Duration.ofMinutes(5), 0, Map.of(), "churn-training");
        var build = new BuildInfo("it-build-1", null, null, "9fceb02d0ae598e95dc970b74767f19372d61af8", null, null);
        var env = new HashMap<>(System.getenv());
        env.remove(TrainingTracking.TRACKING_URI);
        var loop = new TrainingLoop(new LocalRunner(workspace, env), log::add);

        var report = TrainModel.run(new TrainingRequest(spec, null, build, workspace.resolve("reports")), registry,
                loop);

        assertThat(report.status().name()).as(String.join("\n", log)).isEqualTo("PASSED");
        var runId = report.tracking().runId();
        assertThat(log).contains("epoch 2 loss 0.333", "logged into run " + runId);
        var run = client.getRun(runId);
        assertThat(run.info().status()).isEqualTo("FINISHED");
        assertThat(run.data().metrics()).anySatisfy(metric -> {
            assertThat(metric.key()).isEqualTo("loss");
            assertThat(metric.value()).isEqualTo(1.0 / 3);
        });
        assertThat(run.tag("mlops." + LineageEvent.TRAINING_EXIT_CODE)).contains("0");
        assertThat(run.tag("mlops." + LineageEvent.TRAINING_RUNNER)).contains("local");
        assertThat(run.tag("mlflow.source.git.commit")).contains(build.gitCommit());
        assertThat(report.links().run()).isEqualTo(MLFLOW.server().uri() + "/#/experiments/" + report.tracking().experimentId()
                + "/runs/" + runId);
    }
}
