package io.mlops.training;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs training attempts somewhere: a local process ({@code local}) or a Kubernetes Job ({@code kubernetes}). Built
 * for a step that survives restarts: {@link #start} returns a small serializable handle, {@link #poll} never blocks
 * for long and needs nothing but that handle, so a new runner in a restarted controller goes on where the old one
 * stopped. {@link TrainingState} adds the timeout and the retries; {@link TrainingLoop} is the blocking loop.
 */
public interface TrainingRunner {
    /** {@code local} or {@code kubernetes}, as in {@code mlops train --runner}. */
    String kind();

    /**
     * Submits one attempt.
     *
     * @param spec     what to run
     * @param tracking the MLflow run the training logs into
     * @param attempt  0 for the first attempt, N for the N-th retry (named {@code NAME-rN})
     * @param timeLeft how long the attempt may take at most
     * @throws io.mlops.util.InputException when it cannot be submitted (bad spec, no permission, name taken)
     */
    TrainingJob start(TrainingSpec spec, TrainingTracking tracking, int attempt, Duration timeLeft);

    /**
     * Hands the log lines written since the job's cursor to {@code log}, one call per line, and says where the
     * attempt is. Does not wait for the training.
     *
     * @throws RunnerUnavailableException when the state cannot be read right now, and may be later
     */
    TrainingStatus poll(TrainingJob job, Consumer<String> log);

    /**
     * Stops the attempt and removes what it left: the Job and its pods, or the whole process tree. Idempotent.
     *
     * @param phase       why: {@code ABORTED}, {@code TIMED_OUT}, or the phase of an attempt that ended on its own
     * @param explanation one line saying why
     * @return the attempt's outcome in that phase, with what was known about it (node, image, start) at the end
     * @throws RunnerUnavailableException when the runner cannot be reached to stop it
     */
    TrainingOutcome stop(TrainingJob job, TrainingPhase phase, String explanation);

    /**
     * What of the spec this runner records but does not carry out, one line each, for the log before the first
     * attempt (e.g. the local runner reserves no GPUs and enforces no memory limit).
     */
    default List<String> ignored(final TrainingSpec spec) {
        return List.of();
    }

    /** How often polling makes sense for this runner. */
    Duration pollInterval();
}
