package io.jenkins.plugins.mlops.validation;

import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.mlops.lineage.LineageAction;
import io.jenkins.plugins.mlops.util.BuildReports;
import io.jenkins.plugins.mlops.util.ControllerWarning;
import io.mlops.validation.ValidationSummary;

import java.io.IOException;
import java.util.Map;

/**
 * One {@code validateData} call as seen from the controller, shared by the Pipeline step and the freestyle
 * builder: the engine runs on the node that holds the workspace, then the full report is copied into the build
 * directory, a {@link ValidationAction} is added to the build and the data's digests to its {@link LineageAction}.
 * Setting the build result is left to the caller, which knows whether it runs in a Pipeline.
 */
final class DatasetValidation {
    private final Run<?, ?> run;
    private final FilePath workspace;
    private final Map<String, String> env;
    private final TaskListener listener;

    DatasetValidation(final Run<?, ?> run, final FilePath workspace, final Map<String, String> env,
            final TaskListener listener) {
        this.run = run;
        this.workspace = workspace;
        this.env = env;
        this.listener = listener;
    }

    /**
     * Validates and records the outcome on the build.
     *
     * @param parameters what to validate
     * @return the summary of the outcome
     * @throws hudson.AbortException for bad input, with a one-line message
     * @throws IOException           when the agent or the build directory cannot be reached
     * @throws InterruptedException  when the build is aborted
     */
    ValidationSummary validate(final ValidationParameters parameters) throws IOException, InterruptedException {
        var log = listener.getLogger();
        log.println("validateData: validating " + parameters.describe());
        ControllerWarning.warnIfBuiltIn(workspace, log, "validateData");
        var summary = workspace.act(new ValidateOnAgent(parameters, listener));
        var action = record(parameters.data(), summary);
        LineageAction.record(run, env, summary.lineage());
        log.println("validateData: " + summary.status() + ": " + summary.summary());
        log.println("validateData: reports in " + summary.reportDir() + "; see '" + action.getDisplayName()
                + "' on the build page");
        return summary;
    }

    private ValidationAction record(final String dataset, final ValidationSummary summary)
            throws IOException, InterruptedException {
        var reports = new BuildReports(run.getRootDir(), ValidationAction.KIND);
        var id = reports.newId();
        reports.copyFrom(workspace, summary.reportDir(), id, listener.getLogger(), ValidateDataStep.FUNCTION);
        var action = new ValidationAction(id, dataset, summary, run);
        run.addAction(action);
        return action;
    }
}
