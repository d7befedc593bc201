package io.jenkins.plugins.mlops.registry;

import hudson.AbortException;
import io.jenkins.plugins.mlops.util.ResultHandler;
import io.jenkins.plugins.mlops.util.StatusGate;

import java.io.PrintStream;

/**
 * Turns the outcome of a registration into the build result ({@link StatusGate}). Registration has no gates and no
 * {@code unstableOnFailure}: the engine registers (PASSED) or reports an ERROR, which the agent already turned into a
 * one-line failure; anything else the engine may report one day fails the step with its summary.
 */
final class RegistrationGate {
    private static final StatusGate GATE = new StatusGate(RegisterModelStep.FUNCTION, false);

    private RegistrationGate() {
    }

    /**
     * Applies the outcome.
     *
     * @param summary the outcome of the registration
     * @param result  sets the build (or Pipeline) result
     * @param log     the build log
     * @throws AbortException when the build must fail
     */
    static void apply(final RegistrationSummary summary, final ResultHandler result, final PrintStream log)
            throws AbortException {
        GATE.apply(summary.status(), summary.summary(), RegisterModelStep.FUNCTION + ": " + summary.summary(), result,
                log);
    }
}
