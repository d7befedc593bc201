package io.mlops.training;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

class TrainingStateTest {
    private static final Instant T0 = Instant.parse("2025-06-01T10:00:00Z");

    private final List<String> log = new ArrayList<>();
    private final ScriptedRunner runner = new ScriptedRunner();
    private final TrainingSpec spec = new TrainingSpec("fine-tune", "trainer:1", List.of("python", "train.py"), null,
            Map.of(), Map.of(), new TrainingSpec.Resources(2, "NVIDIA-A100", null, null, null, null), null, null,
            Duration.ofHours(2), 2, Map.of(), null);

    @Test
    void shouldRetryAnEvictedAttemptAsANewJobAndSucceed() {
        runner.then(TrainingPhase.RUNNING).thenEnd(TrainingPhase.INTERRUPTED, "the pod was evicted: node low on memory")
                .then(TrainingPhase.RUNNING).thenEnd(TrainingPhase.SUCCEEDED, "exited with 0");

        var state = runToEnd(TrainingState.start(runner, spec, TrainingTracking.NONE, log::add, T0));

        assertThat(runner.started).containsExactly("fine-tune", "fine-tune-r1");
        assertThat(state.outcome().phase()).isEqualTo(TrainingPhase.SUCCEEDED);
        assertThat(state.ended()).extracting(TrainingOutcome::job).containsExactly("fine-tune", "fine-tune-r1");
        assertThat(runner.stopped).containsExactly("fine-tune");
        assertThat(log).contains("[mlops] attempt 1 was interrupted (the pod was evicted: node low on memory): not "
                + "the training's fault, retrying as Job ns/fine-tune-r1");
        assertThat(state.gpuHours()).isEqualTo(2 * 2 * 0.5);
    }

    @Test
    void shouldNeverRetryAFailingTrainingScript() {
        runner.then(TrainingPhase.RUNNING).thenEnd(TrainingPhase.FAILED, "the training command exited with code 1");

        var state = runToEnd(TrainingState.start(runner, spec, TrainingTracking.NONE, log::add, T0));

        assertThat(runner.started).containsExactly("fine-tune");
        assertThat(runner.stopped).isEmpty();
        assertThat(state.outcome().phase()).isEqualTo(TrainingPhase.FAILED);
        assertThat(state.outcome().phase().status().exitCode()).isEqualTo(1);
    }

    @Test
    void shouldGiveUpAfterTheRetriesAndSaySo() {
        for (int i = 0; i < 3; i++) {
            runner.thenEnd(TrainingPhase.INTERRUPTED, "preempted by a higher-priority pod");
        }

        var state = runToEnd(TrainingState.start(runner, spec, TrainingTracking.NONE, log::add, T0));

        assertThat(runner.started).containsExactly("fine-tune", "fine-tune-r1", "fine-tune-r2");
        assertThat(state.outcome().phase()).isEqualTo(TrainingPhase.INTERRUPTED);
        assertThat(state.outcome().explanation()).isEqualTo("preempted by a higher-priority pod; gave up after 2 "
                + "retries");
        assertThat(state.outcome().phase().status().exitCode()).isEqualTo(2);
    }

    @Test
    void shouldStopTheAttemptAtTheDeadline() {
        runner.then(TrainingPhase.RUNNING).then(TrainingPhase.RUNNING);
        var state = TrainingState.start(runner, spec, TrainingTracking.NONE, log::add, T0);

        state = state.advance(runner, log::add, T0.plusSeconds(60));
        state = state.advance(runner, log::add, T0.plus(Duration.ofHours(2)));

        assertThat(state.isFinished()).isTrue();
        assertThat(state.outcome().phase()).isEqualTo(TrainingPhase.TIMED_OUT);
        assertThat(state.outcome().explanation()).startsWith("timed out after 2 h 00 min: stopped");
        assertThat(runner.stopped).containsExactly("fine-tune");
    }

    @Test
    void shouldKeepASuccessThatCameJustBeforeTheDeadline() {
        runner.thenEnd(TrainingPhase.SUCCEEDED, "the training command exited with 0");
        var state = TrainingState.start(runner, spec, TrainingTracking.NONE, log::add, T0);

        state = state.advance(runner, log::add, T0.plus(Duration.ofHours(3)));

        assertThat(state.outcome().phase()).isEqualTo(TrainingPhase.SUCCEEDED);
        assertThat(runner.stopped).isEmpty();
    }

    @Test
    void shouldRemoveAnAttemptThatCannotRun() {
        runner.thenEnd(TrainingPhase.ERROR, "cannot pull image trainer:1: not found");

        var state = runToEnd(TrainingState.start(runner, spec, TrainingTracking.NONE, log::add, T0));

        assertThat(state.outcome().phase()).isEqualTo(TrainingPhase.ERROR);
        assertThat(runner.stopped).containsExactly("fine-tune");
        assertThat(runner.started).hasSize(1);
    }

    @Test
    void shouldKeepPollingWhileTheRunnerIsUnavailable() {
        runner.thenUnavailable().thenUnavailable().then(TrainingPhase.RUNNING)
                .thenEnd(TrainingPhase.SUCCEEDED, "exited with 0");

        var state = runToEnd(TrainingState.start(runner, spec, TrainingTracking.NONE, log::add, T0));

        assertThat(state.outcome().phase()).isEqualTo(TrainingPhase.SUCCEEDED);
        assertThat(log).containsSubsequence("[mlops] cannot reach the API; asking again until the timeout",
                "[mlops] the kubernetes runner answers again").filteredOn(line -> line.contains("cannot reach"))
                .hasSize(1);
    }

    @Test
    void shouldLogEachWaitingMessageOnce() {
        runner.then(TrainingPhase.PENDING, "waiting for a node").then(TrainingPhase.PENDING, "waiting for a node")
                .then(TrainingPhase.PENDING, "pulling image").thenEnd(TrainingPhase.SUCCEEDED, "exited with 0");

        runToEnd(TrainingState.start(runner, spec, TrainingTracking.NONE, log::add, T0));

        assertThat(log).containsExactly("[mlops] submitted Job ns/fine-tune", "[mlops] waiting for a node",
                "[mlops] pulling image");
    }

    @Test
    void shouldSurviveSerialisationAsAStepWouldPersistIt() throws Exception {
        var spec = new TrainingSpec("fine-tune", "trainer:1", List.of("python", "train.py"), "src",
                Map.of("EPOCHS", "3"), Map.of("HF_TOKEN", new TrainingSpec.SecretRef("hf", "token")),
                new TrainingSpec.Resources(1, null, "4", null, "16Gi", "16Gi"), new TrainingSpec.Placement("ml",
                Map.of("pool", "gpu"), List.of(TrainingSpec.Toleration.GPU), "trainer"),
                new TrainingSpec.CodeSource.GitClone("https://example.com/r.git", "abc123"), null, 1, Map.of(), "exp");
        runner.then(TrainingPhase.RUNNING);
        var state = TrainingState.start(runner, spec, new TrainingTracking("http://mlflow", "1", "r", null),
                log::add, T0).advance(runner, log::add, T0.plusSeconds(5));

        var bytes = new ByteArrayOutputStream();
        try (var out = new ObjectOutputStream(bytes)) {
            out.writeObject(state);
        }
        TrainingState copy;
        try (var in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (TrainingState) in.readObject();
        }

        assertThat(copy).isEqualTo(state);
    }

    private TrainingState runToEnd(final TrainingState started) {
        var state = started;
        var now = T0;
        while (!state.isFinished()) {
            now = now.plus(Duration.ofMinutes(15));
            state = state.advance(runner, log::add, now);
        }
        return state;
    }

    /** Plays back statuses; each attempt that ends ran for 30 minutes. */
    private static final class ScriptedRunner implements TrainingRunner {
        private final Deque<Object> script = new ArrayDeque<>();
        final List<String> started = new ArrayList<>();
        final List<String> stopped = new ArrayList<>();

        ScriptedRunner then(final TrainingPhase phase) {
            return then(phase, null);
        }

        ScriptedRunner then(final TrainingPhase phase, final String message) {
            script.add(new Object[] {phase, message});
            return this;
        }

        ScriptedRunner thenEnd(final TrainingPhase phase, final String explanation) {
            script.add(new Object[] {phase, explanation});
            return this;
        }

        ScriptedRunner thenUnavailable() {
            script.add("unavailable");
            return this;
        }

        @Override
        public String kind() {
            return "kubernetes";
        }

        @Override
        public TrainingJob start(final TrainingSpec spec, final TrainingTracking tracking, final int attempt,
                final Duration timeLeft) {
            var name = TrainingJob.nameOf(spec, attempt);
            started.add(name);
            return new TrainingJob(kind(), "ns", name, attempt, T0, LogCursor.START);
        }

        @Override
        public TrainingStatus poll(final TrainingJob job, final Consumer<String> log) {
            var next = script.poll();
            if ("unavailable".equals(next)) {
                throw new RunnerUnavailableException("cannot reach the API", null);
            }
            var step = (Object[]) next;
            var phase = (TrainingPhase) step[0];
            if (!phase.isFinished()) {
                return TrainingStatus.going(job, phase, (String) step[1]);
            }
            return TrainingStatus.ended(job, new TrainingOutcome(job.name(), phase, 0, (String) step[1], "node-1",
                    "trainer:1", "sha256:ab", "NVIDIA-A100", 2, T0, T0.plus(Duration.ofMinutes(30))));
        }

        @Override
        public TrainingOutcome stop(final TrainingJob job, final TrainingPhase phase, final String explanation) {
            stopped.add(job.name());
            return TrainingOutcome.without(job, phase, explanation);
        }

        @Override
        public Duration pollInterval() {
            return Duration.ofSeconds(1);
        }
    }
}
