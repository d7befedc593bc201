package io.jenkins.plugins.mlops.training;

import hudson.AbortException;
import io.jenkins.plugins.mlops.util.ResultHandler;
import io.jenkins.plugins.mlops.util.StatusGate;

import java.io.PrintStream;

/**
 * Turns the outcome of a training into the build result ({@link StatusGate}): a training that succeeded leaves the
 * build alone; one that failed (the command, its memory, its time) or could not run fails the step with the
 * engine's one sentence, which says what happened and what to change.
 */
final class TrainingGate {
    private static final StatusGate GATE = new StatusGate(TrainModelStep.FUNCTION, false);

    private TrainingGate() {
    }

    /**
     * Applies the outcome.
     *
     * @param summary the outcome of the training
     * @param result  sets the build (or Pipeline) result
     * @param log     the build log
     * @throws AbortException when the build must fail
     */
    static void apply(final TrainingSummary summary, final ResultHandler result, final PrintStream log)
            throws AbortException {
        GATE.apply(summary.status(), summary.summary(), TrainModelStep.FUNCTION + ": " + summary.summary(), result,
                log);
    }
}
