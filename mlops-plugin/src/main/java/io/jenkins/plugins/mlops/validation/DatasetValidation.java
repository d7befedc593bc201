package io.jenkins.plugins.mlops.validation;

import io.jenkins.plugins.mlops.lineage.LineageAction;
import io.jenkins.plugins.mlops.util.ControllerWarning;
import io.jenkins.plugins.mlops.util.StepCall;
import io.mlops.validation.ValidationSummary;

import java.io.IOException;

/**
 * One {@code validateData} call as seen from the controller, shared by the Pipeline step and the freestyle
 * builder: the engine runs on the node that holds the workspace, then the full report is copied into the build
 * directory, a {@link ValidationAction} is added to the build and the data's digests to its {@link LineageAction}.
 * Setting the build result is left to the caller, which knows whether it runs in a Pipeline.
 */
final class DatasetValidation {
    private final StepCall call;

    DatasetValidation(final StepCall call) {
        this.call = call;
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
        var log = call.log();
        log.println("validateData: validating " + parameters.describe());
        ControllerWarning.warnIfBuiltIn(call.workspace(), log, "validateData");
        var summary = call.workspace().act(new ValidateOnAgent(parameters, call.listener()));
        var action = record(parameters.data(), summary);
        LineageAction.record(call.run(), call.env(), summary.lineage());
        log.println("validateData: " + summary.status() + ": " + summary.summary());
        log.println("validateData: reports in " + summary.reportDir() + "; see '" + action.getDisplayName()
                + "' on the build page");
        return summary;
    }

    private ValidationAction record(final String dataset, final ValidationSummary summary)
            throws IOException, InterruptedException {
        var id = call.keepReports(ValidationAction.KIND, summary.reportDir(), ValidateDataStep.FUNCTION);
        var action = new ValidationAction(id, dataset, summary, call.run());
        call.run().addAction(action);
        return action;
    }
}
