package io.jenkins.plugins.mlops.evaluation;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import io.jenkins.plugins.mlops.lineage.LineageAction;
import io.jenkins.plugins.mlops.registry.RegistryTarget;
import io.jenkins.plugins.mlops.util.ControllerWarning;
import io.jenkins.plugins.mlops.util.JenkinsFacade;
import io.jenkins.plugins.mlops.util.StepCall;
import io.mlops.util.InputException;

import java.io.IOException;

/**
 * One {@code evaluateModel} call as seen from the controller, shared by the Pipeline step and the freestyle
 * builder: a registered baseline's reference is checked and its registry looked up for the build
 * ({@link RegistryTarget}), the engine runs on the node that holds the workspace, then the full report is copied into
 * the build directory, an {@link EvaluationAction} is added to the build and the verdict and metrics to its
 * {@link LineageAction}. Setting the build result is left to the caller.
 */
final class ModelEvaluation {
    private final StepCall call;
    private final JenkinsFacade jenkins;

    ModelEvaluation(final StepCall call, final JenkinsFacade jenkins) {
        this.call = call;
        this.jenkins = jenkins;
    }

    /**
     * Evaluates and records the outcome on the build.
     *
     * @param parameters what to evaluate
     * @return the summary of the outcome
     * @throws AbortException       for bad input, an unknown server or unusable credentials, with a one-line message
     * @throws IOException          when the agent or the build directory cannot be reached
     * @throws InterruptedException when the build is aborted
     */
    EvaluationSummary evaluate(final EvaluationParameters parameters) throws IOException, InterruptedException {
        var log = call.log();
        log.println("evaluateModel: evaluating " + parameters.describe());
        var registry = baselineRegistry(parameters);
        ControllerWarning.warnIfBuiltIn(call.workspace(), log, "evaluateModel");
        var summary = call.workspace().act(new EvaluateOnAgent(parameters, registry));
        var id = call.keepReports(EvaluationAction.KIND, summary.reportDir(), EvaluateModelStep.FUNCTION);
        var action = new EvaluationAction(id, parameters.predictions(), summary, call.run());
        call.run().addAction(action);
        LineageAction.record(call.run(), call.env(), summary.lineage());
        log.println("evaluateModel: " + summary.status() + ": " + summary.summary());
        log.println("evaluateModel: reports in " + summary.reportDir() + "; see '" + action.getDisplayName()
                + "' on the build page");
        return summary;
    }

    /** The registry of a registered baseline, looked up before anything runs on the agent; none without one. */
    @CheckForNull
    private RegistryTarget baselineRegistry(final EvaluationParameters parameters) throws AbortException {
        try {
            if (parameters.baselineReference() != null) {
                return RegistryTarget.of(parameters.server(), parameters.localRegistry(), call.run(), call.env(),
                        jenkins);
            }
        } catch (InputException e) {
            throw new AbortException(EvaluateModelStep.FUNCTION + ": " + e.getMessage());
        }
        if (parameters.server() != null || parameters.localRegistry() != null) {
            call.log().println("evaluateModel: no baseline given, so server and localRegistry are not "
                    + "used");
        }
        return null;
    }
}
