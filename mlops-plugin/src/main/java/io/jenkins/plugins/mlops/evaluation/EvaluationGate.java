package io.jenkins.plugins.mlops.evaluation;

import hudson.AbortException;
import io.jenkins.plugins.mlops.util.ResultHandler;
import io.jenkins.plugins.mlops.util.StatusGate;

import java.io.PrintStream;

/** Turns the outcome of an evaluation into the build result ({@link StatusGate}), naming the failed gates. */
final class EvaluationGate {
    private final StatusGate gate;

    EvaluationGate(final boolean unstableOnFailure) {
        this.gate = new StatusGate(EvaluateModelStep.FUNCTION, unstableOnFailure);
    }

    /**
     * Applies the outcome.
     *
     * @param summary the outcome of the evaluation
     * @param result  sets the build (or Pipeline) result
     * @param log     the build log
     * @throws AbortException when the build must fail
     */
    void apply(final EvaluationSummary summary, final ResultHandler result, final PrintStream log)
            throws AbortException {
        gate.apply(summary.status(), summary.summary(), failureMessage(summary), result, log);
    }

    /** Names the failed gates in one line: {@code evaluateModel: 2 gates failed: roc_auc, f1_score [region=EU]}. */
    static String failureMessage(final EvaluationSummary summary) {
        return StatusGate.failureMessage(EvaluateModelStep.FUNCTION, summary.failedGates().size(), "gate",
                summary.failedGates(), summary.summary());
    }
}
