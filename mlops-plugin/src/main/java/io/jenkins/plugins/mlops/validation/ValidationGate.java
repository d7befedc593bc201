package io.jenkins.plugins.mlops.validation;

import hudson.AbortException;
import io.jenkins.plugins.mlops.util.ResultHandler;
import io.jenkins.plugins.mlops.util.StatusGate;
import io.mlops.validation.ValidationSummary;

import java.io.PrintStream;

/** Turns the outcome of a validation into the build result ({@link StatusGate}), naming the failed checks. */
final class ValidationGate {
    private final StatusGate gate;

    ValidationGate(final boolean unstableOnFailure) {
        this.gate = new StatusGate(ValidateDataStep.FUNCTION, unstableOnFailure);
    }

    /**
     * Applies the outcome.
     *
     * @param summary the outcome of the validation
     * @param result  sets the build (or Pipeline) result
     * @param log     the build log
     * @throws AbortException when the build must fail
     */
    void apply(final ValidationSummary summary, final ResultHandler result, final PrintStream log)
            throws AbortException {
        gate.apply(summary.status(), summary.summary(), failureMessage(summary), result, log);
    }

    /** Names the failed checks in one line; the engine lists at most 20 of them. */
    static String failureMessage(final ValidationSummary summary) {
        return StatusGate.failureMessage(ValidateDataStep.FUNCTION, summary.failedChecks(), "check",
                summary.failedCheckNames(), summary.summary());
    }
}
