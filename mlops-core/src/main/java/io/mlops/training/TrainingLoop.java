package io.mlops.training;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The blocking way to follow a training to its end, for the command line and the freestyle build step: polls
 * {@link TrainingState#advance} at the runner's interval. Another thread may {@link #abort} it (Ctrl-C, an aborted
 * build); the attempt is then stopped and {@link #run} returns.
 */
public final class TrainingLoop {
    private final TrainingRunner runner;
    private final Consumer<String> log;
    private final Pause pause;
    private final Clock clock;
    private final Object lock = new Object();
    private TrainingState state;
    private String abortReason;

    /** Waits between two polls. Tests move a scripted cluster on here. */
    @FunctionalInterface
    public interface Pause {
        void sleep(Duration duration) throws InterruptedException;
    }

    public TrainingLoop(final TrainingRunner runner, final Consumer<String> log, final Pause pause, final Clock clock) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.log = Objects.requireNonNull(log, "log");
        this.pause = Objects.requireNonNull(pause, "pause");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A loop that sleeps for real. */
    public TrainingLoop(final TrainingRunner runner, final Consumer<String> log) {
        this(runner, log, duration -> Thread.sleep(duration.toMillis()), Clock.systemUTC());
    }

    /** The runner polled. */
    public TrainingRunner runner() {
        return runner;
    }

    /** Where the training's log lines go. */
    public Consumer<String> log() {
        return log;
    }

    /** The loop's clock. */
    public Clock clock() {
        return clock;
    }

    /** Follows a started training until it is over, and returns its final state. */
    public TrainingState run(final TrainingState started) {
        synchronized (lock) {
            state = started;
        }
        while (true) {
            synchronized (lock) {
                if (abortReason != null && !state.isFinished()) {
                    state = state.abort(runner, log, abortReason);
                }
                if (!state.isFinished()) {
                    state = state.advance(runner, log, clock.instant());
                }
                if (state.isFinished()) {
                    return state;
                }
            }
            try {
                pause.sleep(runner.pollInterval());
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                abort("interrupted");
            }
        }
    }

    /**
     * Stops the training from another thread and waits until its attempt is stopped; {@link #run} then returns
     * the {@link TrainingPhase#ABORTED} state. Does nothing once the training is over.
     */
    public void abort(final String reason) {
        synchronized (lock) {
            abortReason = reason;
            if (state != null && !state.isFinished()) {
                state = state.abort(runner, log, reason);
            }
        }
    }
}
