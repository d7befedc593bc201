package io.jenkins.plugins.mlops.registry;

import hudson.AbortException;
import io.jenkins.plugins.mlops.lineage.LineageAction;
import io.jenkins.plugins.mlops.util.JenkinsFacade;
import io.jenkins.plugins.mlops.util.StepCall;
import io.jenkins.plugins.mlops.util.WebLink;
import io.mlops.util.InputException;

import java.io.IOException;

/**
 * One {@code registerModel} call as seen from the controller, shared by the Pipeline step and the freestyle builder:
 * it looks up the registry for the build ({@link RegistryTarget}), runs the engine on the node that holds the
 * workspace, copies the full report into the build directory, adds a {@link RegistrationAction} to the build and the
 * model version to its {@link LineageAction}.
 */
final class ModelRegistration {
    private final StepCall call;
    private final JenkinsFacade jenkins;

    ModelRegistration(final StepCall call, final JenkinsFacade jenkins) {
        this.call = call;
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
        var log = call.log();
        log.println("registerModel: registering " + parameters.describe());
        var registry = registry(parameters);
        var context = RegistrationContext.of(call.run(), call.env(), parameters.evaluation());
        var summary = call.workspace().act(new RegisterOnAgent(parameters, context, registry));
        var id = call.keepReports(RegistrationAction.KIND, summary.reportDir(), RegisterModelStep.FUNCTION);
        var action = new RegistrationAction(id, summary, call.run());
        call.run().addAction(action);
        LineageAction.record(call.run(), call.env(), summary.lineage());
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
            return RegistryTarget.of(parameters.server(), parameters.localRegistry(), call.run(), call.env(),
                    jenkins);
        } catch (InputException e) {
            throw new AbortException(RegisterModelStep.FUNCTION + ": " + e.getMessage());
        }
    }
}
