package io.mlops.training;

import io.mlops.report.Status;

/** Where a training attempt is: still going, or how it ended. */
public enum TrainingPhase {
    /** Submitted, not running yet: waiting for a node, pulling the image, cloning the code. */
    PENDING,
    /** The training command runs. */
    RUNNING,
    /** The training command exited with 0. */
    SUCCEEDED,
    /** The training command failed: a non-zero exit code, or it ran out of memory. Never retried. */
    FAILED,
    /** The training took longer than its timeout and was stopped. */
    TIMED_OUT,
    /** The infrastructure took the training away (eviction, preemption, node loss): retried as a new attempt. */
    INTERRUPTED,
    /** The training could not run: the image cannot be pulled, no node fits, a Secret is missing. */
    ERROR,
    /** Stopped on request (build aborted, Ctrl-C). */
    ABORTED;

    /** Whether the attempt has ended. */
    public boolean isFinished() {
        return this != PENDING && this != RUNNING;
    }

    /**
     * The step's status for a training that ended in this phase: PASSED when the command succeeded, FAILED when
     * the command failed or ran too long (the team's code is at fault), ERROR when it could not run to its end
     * for any other reason.
     */
    public Status status() {
        return switch (this) {
            case SUCCEEDED -> Status.PASSED;
            case FAILED, TIMED_OUT -> Status.FAILED;
            case PENDING, RUNNING, INTERRUPTED, ERROR, ABORTED -> Status.ERROR;
        };
    }
}
