package io.mlops.mlflow;

import io.mlops.util.InputException;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * How often and how long the client retries a call that failed with HTTP 429, a 5xx status or a connection
 * error: exponential backoff with "full jitter" (a uniformly random delay up to the capped exponential bound,
 * as in the AWS Architecture Blog's "Exponential Backoff And Jitter"), so many builds hitting one server at
 * once do not retry in lock-step.
 *
 * @param maxAttempts  how many times a call is sent at most, the first included (1 = no retry)
 * @param initialDelay the bound of the first delay; each later bound doubles
 * @param maxDelay     the largest delay, also the cap of a server's {@code Retry-After}
 */
public record RetryPolicy(int maxAttempts, Duration initialDelay, Duration maxDelay) {
    /** Five attempts, 0.5 s doubling up to 10 s: rides out a server restart of about 20 s. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(5, Duration.ofMillis(500), Duration.ofSeconds(10));

    /** Validates the policy. */
    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new InputException("MLflow retries: the number of attempts must be at least 1, got " + maxAttempts);
        }
        if (initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0) {
            throw new InputException("MLflow retries: expected 0 <= initial delay <= maximum delay, got "
                    + initialDelay + " and " + maxDelay);
        }
    }

    /**
     * The delay before the next attempt.
     *
     * @param failedAttempts how many attempts have failed so far (1 after the first)
     * @param random         the source of jitter
     */
    public Duration delayAfter(final int failedAttempts, final RandomGenerator random) {
        long bound = initialDelay.toMillis() << Math.min(failedAttempts - 1, 30);
        long capped = Math.min(Math.max(bound, 0), maxDelay.toMillis());
        return Duration.ofMillis(capped == 0 ? 0 : random.nextLong(capped + 1));
    }

    /** A server's {@code Retry-After} delay, capped at {@link #maxDelay()}. */
    public Duration capped(final Duration retryAfter) {
        return retryAfter.compareTo(maxDelay) > 0 ? maxDelay : retryAfter;
    }
}
