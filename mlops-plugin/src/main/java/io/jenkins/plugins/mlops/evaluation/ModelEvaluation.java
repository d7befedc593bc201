package io.jenkins.plugins.mlops.evaluation;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.mlops.lineage.LineageAction;
import io.jenkins.plugins.mlops.registry.RegistryTarget;
import io.jenkins.plugins.mlops.util.BuildReports;
import io.jenkins.plugins.mlops.util.ControllerWarning;
import io.jenkins.plugins.mlops.util.JenkinsFacade;
import io.mlops.util.InputException;

import java.io.IOException;
import java.util.Map;

/**
 * One {@code evaluateModel} call as seen from the controller, shared by the Pipeline step and the freestyle
 * builder: a registered baseline's reference is checked and its registry looked up for the build
 * ({@link RegistryTarget}), the engine runs on the node that holds the workspace, then the full report is copied into
 * the build directory, an {@link EvaluationAction} is added to the build and the verdict and metrics to its
 * {@link LineageAction}. Setting the build result is left to the caller.
 */
final class ModelEvaluation {
    private final Run<?, ?> run;
    private final FilePath workspace;
    private final Map<String, String> env;
    private final TaskListener listener;
    private final JenkinsFacade jenkins;

    ModelEvaluation(final Run<?, ?> run, final FilePath workspace, final Map<String, String> env,
            final TaskListener listener, final JenkinsFacade jenkins) {
        this.run = run;
        this.workspace = workspace;
        this.env = env;
        this.listener = listener;
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
        var log = listener.getLogger();
        log.println("evaluateModel: evaluating " + parameters.describe());
        var registry = baselineRegistry(parameters);
        ControllerWarning.warnIfBuiltIn(workspace, log, "evaluateModel");
        var summary = workspace.act(new EvaluateOnAgent(parameters, registry));
        var reports = new BuildReports(run.getRootDir(), EvaluationAction.KIND);
        var id = reports.newId();
        reports.copyFrom(workspace, summary.reportDir(), id, log, EvaluateModelStep.FUNCTION);
        var action = new EvaluationAction(id, parameters.predictions(), summary, run);
        run.addAction(action);
        LineageAction.record(run, env, summary.lineage());
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
                return RegistryTarget.of(parameters.server(), parameters.localRegistry(), run, env, jenkins);
            }
        } catch (InputException e) {
            throw new AbortException(EvaluateModelStep.FUNCTION + ": " + e.getMessage());
        }
        if (parameters.server() != null || parameters.localRegistry() != null) {
            listener.getLogger().println("evaluateModel: no baseline given, so server and localRegistry are not "
                    + "used");
        }
        return null;
    }
}
