package io.mlops.training;

import java.util.Objects;

/**
 * What one {@link TrainingRunner#poll poll} found.
 *
 * @param job     the attempt's handle with the log cursor moved past the lines just delivered: keep this one
 * @param phase   where the attempt is
 * @param message for an unfinished attempt, what it waits for (e.g. "waiting for a node: 0/4 nodes are available:
 *                4 Insufficient nvidia.com/gpu"), else {@code null}
 * @param outcome for a finished attempt, how it ended, else {@code null}
 */
public record TrainingStatus(TrainingJob job, TrainingPhase phase, String message, TrainingOutcome outcome) {
    public TrainingStatus {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(phase, "phase");
        if (phase.isFinished() != (outcome != null)) {
            throw new IllegalArgumentException("a finished attempt has an outcome, an unfinished one none: " + phase);
        }
    }

    /** An attempt that is still going. */
    public static TrainingStatus going(final TrainingJob job, final TrainingPhase phase, final String message) {
        return new TrainingStatus(job, phase, message, null);
    }

    /** An attempt that ended. */
    public static TrainingStatus ended(final TrainingJob job, final TrainingOutcome outcome) {
        return new TrainingStatus(job, outcome.phase(), null, outcome);
    }
}
