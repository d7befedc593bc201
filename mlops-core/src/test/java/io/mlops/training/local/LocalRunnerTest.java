package io.mlops.training.local;

import io.mlops.training.TrainingLoop;
import io.mlops.training.TrainingPhase;
import io.mlops.training.TrainingSpec;
import io.mlops.training.TrainingSpec.SecretRef;
import io.mlops.training.TrainingState;
import io.mlops.training.TrainingTracking;
import io.mlops.util.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalRunnerTest {
    private static final String JAVA = ProcessHandle.current().info().command().orElse("java");

    @TempDir
    Path workspace;

    private final List<String> log = Collections.synchronizedList(new ArrayList<>());

    @Test
    void shouldStreamTheOutputOfARealTrainingScriptAndSucceed() throws IOException {
        copyTrainingScript();
        var spec = spec(List.of(JAVA, "Train.java", "--epochs", "12"));

        var state = follow(spec, new TrainingTracking("http://mlflow:5000", "3", "run-42", null));

        assertThat(state.outcome().phase()).isEqualTo(TrainingPhase.SUCCEEDED);
        assertThat(state.outcome().exitCode()).isZero();
        assertThat(log).contains("run run-42", "saved model.txt", "checkpoint epoch 10");
        assertThat(log.stream().filter(line -> line.startsWith("epoch "))).hasSize(12)
                .first().asString().startsWith("epoch 1 loss 0.6");
        assertThat(workspace.resolve("model.txt")).exists();
        assertThat(state.outcome().startedAt()).isBeforeOrEqualTo(state.outcome().finishedAt());
        assertThat(state.outcome().node()).isNotBlank();
    }

    @Test
    void shouldFailWithTheScriptsExitCodeAndNeverRetry() throws IOException {
        copyTrainingScript();
        var spec = spec(List.of(JAVA, "Train.java", "--fail-at", "4"));

        var state = follow(spec, TrainingTracking.NONE);

        assertThat(state.outcome().phase()).isEqualTo(TrainingPhase.FAILED);
        assertThat(state.outcome().exitCode()).isEqualTo(1);
        assertThat(state.outcome().explanation()).isEqualTo("the training command exited with code 1");
        assertThat(state.ended()).hasSize(1);
        assertThat(log).contains("run none").noneMatch(line -> line.startsWith("epoch 4 "))
                .anySatisfy(line -> assertThat(line).contains("IllegalStateException: loss is NaN at epoch 4"))
                .anySatisfy(line -> assertThat(line).startsWith("epoch 3 loss "));
    }

    @Test
    void shouldRunInTheWorkingDirectoryWithTheEnvironmentAndMlflowVariables() throws IOException {
        Files.createDirectories(workspace.resolve("src"));
        var spec = new TrainingSpec("env", null, List.of("sh", "-c", "pwd; echo $GREETING $MLFLOW_RUN_ID "
                + "$MLFLOW_EXPERIMENT_ID $MLFLOW_TRACKING_URI $FROM_PARENT $TOKEN"), "src", Map.of("GREETING", "hello"),
                Map.of("TOKEN", new SecretRef("mlflow", "token")), null, null, null, Duration.ofMinutes(1), 0,
                Map.of(), null);
        var runner = new LocalRunner(workspace, Map.of("PATH", System.getenv("PATH"), "FROM_PARENT", "inherited",
                "TOKEN", "t0ken"));

        var state = new TrainingLoop(runner, log::add).run(TrainingState.start(runner, spec,
                new TrainingTracking("http://mlflow:5000", "3", "run-42", null), log::add, Instant.now()));

        assertThat(state.outcome().phase()).isEqualTo(TrainingPhase.SUCCEEDED);
        assertThat(log).contains(workspace.resolve("src").toRealPath().toString(),
                "hello run-42 3 http://mlflow:5000 inherited t0ken");
    }

    @Test
    void shouldKillTheWholeProcessTreeAtTheTimeout() throws Exception {
        var pids = workspace.resolve("pids");
        var spec = new TrainingSpec("slow", null, List.of("sh", "-c", "sleep 300 & echo $! > pids; "
                + "sh -c 'sleep 301 & echo $! >> pids; wait' & echo started; wait"), null, Map.of(), Map.of(), null, null,
                null, Duration.ofSeconds(2), 2, Map.of(), null);

        var state = follow(spec, TrainingTracking.NONE);

        assertThat(state.outcome().phase()).isEqualTo(TrainingPhase.TIMED_OUT);
        assertThat(state.outcome().explanation()).startsWith("timed out after 2.0 s: stopped");
        assertThat(state.ended()).hasSize(1);
        assertThat(log).contains("started");
        assertAllDead(pids);
    }

    @Test
    void shouldKillWhatTheCommandLeftRunningWhenItExits() throws Exception {
        var pids = workspace.resolve("pids");
        var spec = spec(List.of("sh", "-c", "sleep 300 > /dev/null 2>&1 & echo $! > pids; echo done"));

        var state = follow(spec, TrainingTracking.NONE);

        assertThat(state.outcome().phase()).isEqualTo(TrainingPhase.SUCCEEDED);
        assertAllDead(pids);
    }

    @Test
    void shouldKillTheProcessTreeWhenAborted() throws Exception {
        var pids = workspace.resolve("pids");
        var spec = spec(List.of("sh", "-c", "sleep 300 & echo $! > pids; echo started; wait"));
        var runner = new LocalRunner(workspace, System.getenv());
        var loop = new TrainingLoop(runner, log::add);
        var started = TrainingState.start(runner, spec, TrainingTracking.NONE, log::add, Instant.now());
        var thread = new Thread(() -> {
            awaitLine("started");
            loop.abort("aborted by the user");
        });
        thread.start();

        var state = loop.run(started);
        thread.join();

        assertThat(state.outcome().phase()).isEqualTo(TrainingPhase.ABORTED);
        assertThat(state.outcome().explanation()).isEqualTo("aborted by the user");
        assertAllDead(pids);
    }

    @Test
    void shouldNameTheCommandThatCannotRun() {
        var runner = new LocalRunner(workspace, System.getenv());

        assertThatThrownBy(() -> runner.start(spec(List.of("no-such-trainer", "--epochs", "3")),
                TrainingTracking.NONE, 0, Duration.ofMinutes(1)))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("command: cannot run 'no-such-trainer': ");
    }

    @Test
    void shouldRefuseAWorkingDirectoryOutsideTheWorkingCopy() {
        var spec = new TrainingSpec("escape", null, List.of("true"), "../..", Map.of(), Map.of(), null, null,
                null, null, 0, Map.of(), null);

        assertThatThrownBy(() -> new LocalRunner(workspace, System.getenv()).start(spec, TrainingTracking.NONE, 0,
                Duration.ofMinutes(1)))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("workingDir: '../..' is outside the working copy");
    }

    @Test
    void shouldRequireSecretVariablesFromTheEnvironment() {
        var spec = new TrainingSpec("secret", null, List.of("true"), null, Map.of(),
                Map.of("HF_TOKEN", new SecretRef("hugging-face", "token")), null, null, null, null, 0, Map.of(), null);

        assertThatThrownBy(() -> new LocalRunner(workspace, Map.of()).start(spec, TrainingTracking.NONE, 0,
                Duration.ofMinutes(1)))
                .isInstanceOf(InputException.class)
                .hasMessage("secretEnv: HF_TOKEN refers to the Kubernetes Secret hugging-face:token, which the local "
                        + "runner cannot read: set HF_TOKEN in the environment, or use the kubernetes runner");
    }

    @Test
    void shouldSayInTheLogWhatOfTheSpecOnlyKubernetesApplies() {
        var spec = new TrainingSpec("gpu", "trainer:1", List.of("true"), null, Map.of(), Map.of(),
                new TrainingSpec.Resources(2, "Tesla-T4", null, null, "16Gi", "16Gi"),
                new TrainingSpec.Placement(null, Map.of("pool", "gpu"), List.of(), "trainer"), null,
                Duration.ofMinutes(1), 0, Map.of(), null);

        var state = follow(spec, TrainingTracking.NONE);

        assertThat(state.outcome().phase()).isEqualTo(TrainingPhase.SUCCEEDED);
        assertThat(log).startsWith("[mlops] the local runner reserves no GPUs: the process sees every GPU of this "
                        + "machine; gpus 2 is recorded for GPU-hours only",
                "[mlops] the local runner ignores what only Kubernetes applies: memory 16Gi, memory limit 16Gi, "
                        + "image trainer:1, gpu type Tesla-T4, service account trainer, node selector");
        assertThat(state.outcome().gpus()).isEqualTo(2);
    }

    @Test
    void shouldNotSayAnythingAboutASpecItCarriesOutWhole() {
        follow(spec(List.of("true")), TrainingTracking.NONE);

        assertThat(log).noneMatch(line -> line.contains("local runner"));
    }

    @Test
    void shouldSayThatALocalTrainingDoesNotSurviveARestart() throws IOException {
        var spec = spec(List.of("sleep", "1"));
        var first = new LocalRunner(workspace, System.getenv());
        var job = first.start(spec, TrainingTracking.NONE, 0, Duration.ofMinutes(1));

        var status = new LocalRunner(workspace, System.getenv()).poll(job, log::add);
        first.stop(job, TrainingPhase.ABORTED, "test over");

        assertThat(status.phase()).isEqualTo(TrainingPhase.ERROR);
        assertThat(status.outcome().explanation()).contains("does not survive a restart");
    }

    private TrainingSpec spec(final List<String> command) {
        return new TrainingSpec("train", null, command, null, Map.of(), Map.of(), null, null, null,
                Duration.ofMinutes(2), 2, Map.of(), null);
    }

    private TrainingState follow(final TrainingSpec spec, final TrainingTracking tracking) {
        var runner = new LocalRunner(workspace, System.getenv());
        return new TrainingLoop(runner, log::add).run(TrainingState.start(runner, spec, tracking, log::add,
                Instant.now()));
    }

    private void copyTrainingScript() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("Train.java")) {
            Files.copy(in, workspace.resolve("Train.java"));
        }
    }

    private void awaitLine(final String line) {
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        try {
            while (!log.contains(line) && System.nanoTime() < until) {
                Thread.sleep(20);
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void assertAllDead(final Path pidFile) throws Exception {
        var pids = Files.readAllLines(pidFile).stream().map(String::trim).map(Long::parseLong).toList();
        assertThat(pids).isNotEmpty();
        for (long pid : pids) {
            var handle = ProcessHandle.of(pid);
            if (handle.isPresent()) {
                handle.get().onExit().get(5, java.util.concurrent.TimeUnit.SECONDS);
            }
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).as("process %d", pid)
                    .isNotEqualTo(java.util.Optional.of(true));
        }
    }
}
