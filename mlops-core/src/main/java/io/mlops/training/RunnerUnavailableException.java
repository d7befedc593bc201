package io.mlops.training;

/**
 * The runner could not find out how the training is doing, for a reason that may pass (the Kubernetes API did not
 * answer, answered 5xx or 429). The training itself is unaffected; {@link TrainingState} polls again and gives up
 * only when the runner stays unavailable.
 */
public final class RunnerUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RunnerUnavailableException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
