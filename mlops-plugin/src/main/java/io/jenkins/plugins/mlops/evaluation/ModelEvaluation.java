package io.jenkins.plugins.mlops.evaluation;

import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.mlops.lineage.LineageAction;
import io.jenkins.plugins.mlops.util.BuildReports;
import io.jenkins.plugins.mlops.util.ControllerWarning;

import java.io.IOException;
import java.util.Map;

/**
 * One {@code evaluateModel} call as seen from the controller, shared by the Pipeline step and the freestyle
 * builder: the engine runs on the node that holds the workspace, then the full report is copied into the build
 * directory, an {@link EvaluationAction} is added to the build and the verdict and metrics to its
 * {@link LineageAction}. Setting the build result is left to the caller.
 */
final class ModelEvaluation {
    private final Run<?, ?> run;
    private final FilePath workspace;
    private final Map<String, String> env;
    private final TaskListener listener;

    ModelEvaluation(final Run<?, ?> run, final FilePath workspace, final Map<String, String> env,
            final TaskListener listener) {
        this.run = run;
        this.workspace = workspace;
        this.env = env;
        this.listener = listener;
    }

    /**
     * Evaluates and records the outcome on the build.
     *
     * @param parameters what to evaluate
     * @return the summary of the outcome
     * @throws hudson.AbortException for bad input, with a one-line message
     * @throws IOException           when the agent or the build directory cannot be reached
     * @throws InterruptedException  when the build is aborted
     */
    EvaluationSummary evaluate(final EvaluationParameters parameters) throws IOException, InterruptedException {
        var log = listener.getLogger();
        log.println("evaluateModel: evaluating " + parameters.describe());
        ControllerWarning.warnIfBuiltIn(workspace, log, "evaluateModel");
        var summary = workspace.act(new EvaluateOnAgent(parameters));
        var reports = new BuildReports(run.getRootDir(), EvaluationAction.KIND);
        var id = reports.newId();
        if (!reports.copyFrom(workspace, summary.reportDir(), id)) {
            log.println("evaluateModel: no " + BuildReports.REPORT_JSON + " in " + summary.reportDir()
                    + ", so the build page shows the summary only");
        }
        var action = new EvaluationAction(id, parameters.predictions(), summary, run);
        run.addAction(action);
        LineageAction.record(run, env, summary.lineage());
        log.println("evaluateModel: " + summary.status() + ": " + summary.summary());
        log.println("evaluateModel: reports in " + summary.reportDir() + "; see '" + action.getDisplayName()
                + "' on the build page");
        return summary;
    }
}
