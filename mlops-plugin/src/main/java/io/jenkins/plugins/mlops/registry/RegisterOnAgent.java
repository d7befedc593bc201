package io.jenkins.plugins.mlops.registry;

import hudson.AbortException;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.mlops.lineage.WorkspaceLineage;
import io.jenkins.plugins.mlops.util.WorkspacePaths;
import io.mlops.registry.RegisterModel;
import io.mlops.util.InputException;
import jenkins.agents.ControllerToAgentFileCallable;

import java.io.File;
import java.io.IOException;

/**
 * The engine call, run where the workspace is (on the agent), since the model's files are there and MLflow must be
 * reachable from there: it resolves the parameters inside the workspace, opens the registry (the MLflow server, or
 * the embedded local one), registers, writes the reports into the workspace and sends back only the small
 * {@link RegistrationSummary}. A record, so it captures no enclosing instance; its {@code toString()} shows no
 * secret ({@link RegistryTarget}).
 *
 * @param parameters what to register
 * @param context    what the build adds
 * @param registry   where to register: the MLflow server with its secret, or the local registry
 */
record RegisterOnAgent(RegistrationParameters parameters, RegistrationContext context, RegistryTarget registry)
        implements ControllerToAgentFileCallable<RegistrationSummary> {
    private static final long serialVersionUID = 2L;

    /**
     * Registers from inside the workspace.
     *
     * @throws AbortException for bad input, a refusing or unreachable registry and unreadable model files, with the
     *                        engine's one-line message
     */
    @Override
    public RegistrationSummary invoke(final File workspace, final VirtualChannel channel) throws IOException {
        var root = workspace.toPath();
        var paths = new WorkspacePaths(root);
        try {
            var request = parameters.toRequest(root, context);
            var report = RegisterModel.run(request, registry.open(root));
            return RegistrationSummary.of(report, paths.relativize(request.reportDir()),
                    request.evaluation() == null ? null : paths.relativize(request.evaluation()),
                    WorkspaceLineage.relative(report.lineage(), paths));
        } catch (InputException e) {
            // an exception type from core crosses the channel without dragging engine classes along
            throw new AbortException(RegisterModelStep.FUNCTION + ": " + e.getMessage());
        } catch (IOException e) {
            // as the engine's ERROR report says it
            throw new AbortException(RegisterModelStep.FUNCTION + ": cannot read the model: " + e.getMessage());
        }
    }
}
