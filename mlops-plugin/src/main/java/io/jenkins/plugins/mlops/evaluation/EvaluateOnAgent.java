package io.jenkins.plugins.mlops.evaluation;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.mlops.lineage.WorkspaceLineage;
import io.jenkins.plugins.mlops.registry.RegistryTarget;
import io.jenkins.plugins.mlops.util.WorkspacePaths;
import io.mlops.evaluation.EvaluateModel;
import io.mlops.registry.RegistryBaseline;
import io.mlops.util.InputException;
import jenkins.agents.ControllerToAgentFileCallable;

import java.io.File;
import java.io.IOException;
import java.util.Objects;

/**
 * The engine call, run where the workspace is (on the agent): it resolves the parameters inside the workspace,
 * fetches a registered baseline from the registry into the report directory, evaluates, writes the reports into the
 * workspace and sends back only the small {@link EvaluationSummary}. A record, so it captures no enclosing instance
 * (as {@code ValidateOnAgent}); its {@code toString()} shows no secret ({@link RegistryTarget}). Evaluation reads its
 * files in seconds, so unlike validation it sends no progress lines.
 *
 * @param parameters what to evaluate
 * @param registry   the registry that holds {@code baseline}; {@code null} when no {@code baseline} is given
 */
record EvaluateOnAgent(EvaluationParameters parameters, @CheckForNull RegistryTarget registry)
        implements ControllerToAgentFileCallable<EvaluationSummary> {
    private static final long serialVersionUID = 2L;

    /**
     * Evaluates inside the workspace.
     *
     * @throws AbortException for bad input and a registered baseline that cannot be fetched, with the engine's
     *                        one-line message naming file, line and column
     */
    @Override
    public EvaluationSummary invoke(final File workspace, final VirtualChannel channel)
            throws IOException, InterruptedException {
        var root = workspace.toPath();
        try {
            var reference = parameters.baselineReference();
            var request = parameters.toRequest(root);
            // fetched inside the engine's run, so that a registry that fails leaves an ERROR report
            var report = EvaluateModel.run(request, unresolved -> reference == null ? unresolved
                    : RegistryBaseline.fetchInto(unresolved, Objects.requireNonNull(registry, "the baseline's registry")
                            .open(root), reference));
            var paths = new WorkspacePaths(root);
            return EvaluationSummary.of(report, paths.relativize(request.reportDir()),
                    WorkspaceLineage.relative(report.lineageEvent(), paths));
        } catch (InputException e) {
            // an exception type from core crosses the channel without dragging engine classes along
            throw new AbortException(EvaluateModelStep.FUNCTION + ": " + e.getMessage());
        }
    }
}
