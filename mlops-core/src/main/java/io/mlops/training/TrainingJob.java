package io.mlops.training;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * The handle of one training attempt: small and serializable, so that a resumable Pipeline step can persist it and
 * a new {@link TrainingRunner} can find the attempt again by name after a controller restart.
 *
 * @param runner      the runner's kind, {@code local} or {@code kubernetes}
 * @param namespace   the Kubernetes namespace, or {@code null} for a local process
 * @param name        the Job's (or process's) name: the spec's name, {@code -r1}, {@code -r2}... for retries
 * @param attempt     0 for the first attempt, then 1, 2...
 * @param submittedAt when the attempt was submitted
 * @param log         how far its log has been read
 */
public record TrainingJob(String runner, String namespace, String name, int attempt, Instant submittedAt,
        LogCursor log) implements Serializable {
    private static final long serialVersionUID = 1L;

    public TrainingJob {
        Objects.requireNonNull(runner, "runner");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(submittedAt, "submittedAt");
        log = log == null ? LogCursor.START : log;
    }

    /** The name of an attempt: the spec's name for the first, {@code NAME-rN} for the N-th retry. */
    public static String nameOf(final TrainingSpec spec, final int attempt) {
        return attempt == 0 ? spec.name() : spec.name() + "-r" + attempt;
    }

    /** The same attempt with the log read further. */
    public TrainingJob withLog(final LogCursor cursor) {
        return new TrainingJob(runner, namespace, name, attempt, submittedAt, cursor);
    }

    /** {@code namespace/name}, or the name of a local process. */
    public String describe() {
        return namespace == null ? name : namespace + "/" + name;
    }
}
