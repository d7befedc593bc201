package io.jenkins.plugins.mlops.evaluation;

import hudson.AbortException;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.mlops.lineage.WorkspaceLineage;
import io.jenkins.plugins.mlops.util.WorkspacePaths;
import io.mlops.evaluation.EvaluateModel;
import io.mlops.util.InputException;
import jenkins.agents.ControllerToAgentFileCallable;

import java.io.File;
import java.io.IOException;

/**
 * The engine call, run where the workspace is (on the agent): it resolves the parameters inside the workspace,
 * evaluates, writes the reports into the workspace and sends back only the small {@link EvaluationSummary}. A
 * record, so it captures no enclosing instance (as {@code ValidateOnAgent}). Evaluation reads its files in seconds,
 * so unlike validation it sends no progress lines.
 *
 * @param parameters what to evaluate
 */
record EvaluateOnAgent(EvaluationParameters parameters) implements ControllerToAgentFileCallable<EvaluationSummary> {
    private static final long serialVersionUID = 1L;

    /**
     * Evaluates inside the workspace.
     *
     * @throws AbortException for bad input, with the engine's one-line message naming file, line and column
     */
    @Override
    public EvaluationSummary invoke(final File workspace, final VirtualChannel channel)
            throws IOException, InterruptedException {
        var root = workspace.toPath();
        try {
            var request = parameters.toRequest(root);
            var report = EvaluateModel.run(request);
            var paths = new WorkspacePaths(root);
            return EvaluationSummary.of(report, paths.relativize(request.reportDir()),
                    WorkspaceLineage.relative(report.lineageEvent(), paths));
        } catch (InputException e) {
            // an exception type from core crosses the channel without dragging engine classes along
            throw new AbortException(EvaluateModelStep.FUNCTION + ": " + e.getMessage());
        }
    }
}
