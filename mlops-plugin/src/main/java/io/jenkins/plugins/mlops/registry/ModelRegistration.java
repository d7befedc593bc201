package io.jenkins.plugins.mlops.registry;

import hudson.AbortException;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.mlops.lineage.LineageAction;
import io.jenkins.plugins.mlops.util.BuildReports;
import io.jenkins.plugins.mlops.util.JenkinsFacade;
import io.jenkins.plugins.mlops.util.WebLink;
import io.mlops.util.InputException;

import java.io.IOException;
import java.util.Map;

/**
 * One {@code registerModel} call as seen from the controller, shared by the Pipeline step and the freestyle builder:
 * it looks up the registry for the build ({@link RegistryTarget}), runs the engine on the node that holds the
 * workspace, copies the full report into the build directory, adds a {@link RegistrationAction} to the build and the
 * model version to its {@link LineageAction}.
 */
final class ModelRegistration {
    private final Run<?, ?> run;
    private final FilePath workspace;
    private final Map<String, String> env;
    private final TaskListener listener;
    private final JenkinsFacade jenkins;

    ModelRegistration(final Run<?, ?> run, final FilePath workspace, final Map<String, String> env,
            final TaskListener listener, final JenkinsFacade jenkins) {
        this.run = run;
        this.workspace = workspace;
        this.env = env;
        this.listener = listener;
        this.jenkins = jenkins;
    }

    /**
     * Registers and records the outcome on the build.
     *
     * @param parameters what to register
     * @return the summary of the outcome
     * @throws AbortException       for bad input or configuration and registry errors, with a one-line message
     * @throws IOException          when the agent or the build directory cannot be reached
     * @throws InterruptedException when the build is aborted
     */
    RegistrationSummary register(final RegistrationParameters parameters) throws IOException, InterruptedException {
        var log = listener.getLogger();
        log.println("registerModel: registering " + parameters.describe());
        var registry = registry(parameters);
        var context = RegistrationContext.of(run, env, parameters.evaluation());
        var summary = workspace.act(new RegisterOnAgent(parameters, context, registry));
        var reports = new BuildReports(run.getRootDir(), RegistrationAction.KIND);
        var id = reports.newId();
        reports.copyFrom(workspace, summary.reportDir(), id, log, RegisterModelStep.FUNCTION);
        var action = new RegistrationAction(id, summary, run);
        run.addAction(action);
        LineageAction.record(run, env, summary.lineage());
        log.println("registerModel: " + summary.summary());
        if (summary.evaluation() != null) {
            log.println("registerModel: tagged with the evaluation in " + summary.evaluation());
        }
        for (WebLink link : action.getLinks()) {
            log.println("registerModel: " + link.title() + ": " + link.url());
        }
        log.println("registerModel: reports in " + summary.reportDir() + "; see '" + action.getDisplayName()
                + "' on the build page");
        return summary;
    }

    private RegistryTarget registry(final RegistrationParameters parameters) throws AbortException {
        try {
            return RegistryTarget.of(parameters.server(), parameters.localRegistry(), run, env, jenkins);
        } catch (InputException e) {
            throw new AbortException(RegisterModelStep.FUNCTION + ": " + e.getMessage());
        }
    }
}
