package io.jenkins.plugins.mlops.validation;

import hudson.AbortException;
import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.mlops.lineage.WorkspaceLineage;
import io.jenkins.plugins.mlops.util.WorkspacePaths;
import io.mlops.util.InputException;
import io.mlops.validation.DataValidator;
import io.mlops.validation.ValidationSummary;
import jenkins.agents.ControllerToAgentFileCallable;

import java.io.File;
import java.io.IOException;

/**
 * The engine call, run where the workspace is (on the agent): it resolves the parameters inside the workspace,
 * validates, writes the reports into the workspace and sends back only the small {@link ValidationSummary} with
 * the validation's lineage event.
 *
 * <p>It is a record implementing {@link ControllerToAgentFileCallable} (the interface behind
 * {@code MasterToSlaveFileCallable} since Jenkins 2.485, which core recommends for records), so it captures no
 * enclosing instance. The build listener travels with it: a {@link TaskListener} is remotable, so progress lines
 * reach the build log while a large file streams, where a log collected on the agent would arrive only at the end.
 *
 * @param parameters what to validate
 * @param listener   the build log
 */
record ValidateOnAgent(ValidationParameters parameters, TaskListener listener)
        implements ControllerToAgentFileCallable<ValidationSummary> {
    private static final long serialVersionUID = 1L;

    /**
     * Validates inside the workspace.
     *
     * @throws AbortException for bad input, with the engine's one-line message naming file, line and column
     */
    @Override
    public ValidationSummary invoke(final File workspace, final VirtualChannel channel) throws IOException {
        var root = workspace.toPath();
        try {
            var request = parameters.toRequest(root);
            var report = new DataValidator().validate(request, new ProgressLog(listener.getLogger()));
            var paths = new WorkspacePaths(root);
            return ValidationSummary.of(report, paths.relativize(request.reportDir()),
                    WorkspaceLineage.relative(report.lineageEvent(), paths));
        } catch (InputException e) {
            // an exception type from core crosses the channel without dragging engine classes along
            throw new AbortException("validateData: " + e.getMessage());
        }
    }
}
