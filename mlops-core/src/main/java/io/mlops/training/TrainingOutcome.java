package io.mlops.training;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How one training attempt ended, with what lineage needs to know about where it ran.
 *
 * @param job         the attempt's name
 * @param phase       how it ended
 * @param exitCode    the training command's exit code, or {@code null} when it never ran to an exit
 * @param explanation one line for people: what happened and, for a failure, what to change
 * @param node        the node (or host) it ran on, or {@code null}
 * @param image       the container image, or {@code null} for a local process
 * @param imageDigest the image's digest ({@code sha256:...}) as the node pulled it, or {@code null}
 * @param gpuType     the GPU product, or {@code null} when unknown or none
 * @param gpus        GPUs allocated to it
 * @param startedAt   when the training command started, or {@code null} when it never did
 * @param finishedAt  when it ended, or {@code null} when it never started
 */
public record TrainingOutcome(String job, TrainingPhase phase, Integer exitCode, String explanation, String node,
        String image, String imageDigest, String gpuType, int gpus, Instant startedAt, Instant finishedAt)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    public TrainingOutcome {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(phase, "phase");
        explanation = explanation == null ? "" : explanation;
    }

    /** An attempt that ended without a running command to report on (it never started, or it was stopped). */
    public static TrainingOutcome without(final TrainingJob job, final TrainingPhase phase, final String explanation) {
        return new TrainingOutcome(job.name(), phase, null, explanation, null, null, null, null, 0, null, null);
    }

    /** The same outcome in another phase, with another explanation (e.g. stopped at the timeout). */
    public TrainingOutcome as(final TrainingPhase newPhase, final String newExplanation) {
        return new TrainingOutcome(job, newPhase, exitCode, newExplanation, node, image, imageDigest, gpuType, gpus,
                startedAt, finishedAt);
    }

    /** How long the training command ran; zero when it never started. */
    public Duration wallTime() {
        if (startedAt == null || finishedAt == null || finishedAt.isBefore(startedAt)) {
            return Duration.ZERO;
        }
        return Duration.between(startedAt, finishedAt);
    }

    /** GPUs × wall hours: what the attempt cost in GPU time. */
    public double gpuHours() {
        return gpus * wallTime().toMillis() / 3_600_000.0;
    }
}
