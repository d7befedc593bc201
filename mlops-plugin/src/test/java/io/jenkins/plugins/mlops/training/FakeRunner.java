package io.jenkins.plugins.mlops.training;

import io.mlops.training.LogCursor;
import io.mlops.training.RunnerUnavailableException;
import io.mlops.training.TrainingJob;
import io.mlops.training.TrainingOutcome;
import io.mlops.training.TrainingPhase;
import io.mlops.training.TrainingRunner;
import io.mlops.training.TrainingSpec;
import io.mlops.training.TrainingStatus;
import io.mlops.training.TrainingTracking;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A cluster as a test scripts it: one Job per attempt, whose log the test writes and whose end it decides. Like the
 * real runner, it keeps nothing per handle: a poll reads the log from the handle's cursor on, so a new runner (after
 * a "restart") goes on where the handle says.
 */
final class FakeRunner implements TrainingRunner {
    static final String NAMESPACE = "ml";
    static final String NODE = "gpu-node-7";
    static final String DIGEST = "sha256:4f2c0a1b9d";

    private final Clock clock;
    final List<String> log = new ArrayList<>();
    final List<TrainingSpec> started = new ArrayList<>();
    final List<TrainingJob> polled = new ArrayList<>();
    final List<String> stopped = new ArrayList<>();
    private Integer exitCode;
    private boolean unavailable;

    FakeRunner(final Clock clock) {
        this.clock = clock;
    }

    /** The training writes lines. */
    void write(final String... lines) {
        log.addAll(List.of(lines));
    }

    /** The training command exits. */
    void exit(final int code) {
        exitCode = code;
    }

    /** The API server stops (or starts again) answering. */
    void unavailable(final boolean down) {
        unavailable = down;
    }

    @Override
    public String kind() {
        return "kubernetes";
    }

    @Override
    public Duration pollInterval() {
        return Duration.ofSeconds(2);
    }

    @Override
    public TrainingJob start(final TrainingSpec spec, final TrainingTracking tracking, final int attempt,
            final Duration timeLeft) {
        started.add(spec);
        return new TrainingJob(kind(), NAMESPACE, TrainingJob.nameOf(spec, attempt), attempt, clock.instant(),
                LogCursor.START);
    }

    @Override
    public TrainingStatus poll(final TrainingJob job, final Consumer<String> lines) {
        if (unavailable) {
            throw new RunnerUnavailableException("the Kubernetes API did not answer", null);
        }
        polled.add(job);
        var cursor = job.log();
        for (long line = cursor.lines(); line < log.size(); line++) {
            lines.accept(log.get((int) line));
            cursor = cursor.next(null);
        }
        var moved = job.withLog(cursor);
        if (exitCode == null) {
            return TrainingStatus.going(moved, TrainingPhase.RUNNING, null);
        }
        var phase = exitCode == 0 ? TrainingPhase.SUCCEEDED : TrainingPhase.FAILED;
        return TrainingStatus.ended(moved, outcome(job, phase, exitCode, exitCode == 0 ? "exited with 0"
                : "the training command exited with " + exitCode));
    }

    @Override
    public TrainingOutcome stop(final TrainingJob job, final TrainingPhase phase, final String explanation) {
        stopped.add(job.name());
        return outcome(job, phase, null, explanation);
    }

    private TrainingOutcome outcome(final TrainingJob job, final TrainingPhase phase, final Integer code,
            final String explanation) {
        Instant started = job.submittedAt().plusSeconds(30);
        return new TrainingOutcome(job.name(), phase, code, explanation, NODE, "trainer:1.4", DIGEST,
                "NVIDIA-A100-SXM4-80GB", 2, started, clock.instant());
    }
}
