package io.jenkins.plugins.mlops.training;

import hudson.AbortException;
import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.mlops.registry.RegistryTarget;
import io.jenkins.plugins.mlops.util.WorkspacePaths;
import io.mlops.mlflow.MlflowException;
import io.mlops.registry.BuildInfo;
import io.mlops.training.TrainModel;
import io.mlops.training.TrainingLoop;
import io.mlops.training.TrainingRequest;
import io.mlops.training.TrainingSpec;
import io.mlops.training.local.LocalRunner;
import io.mlops.util.InputException;
import jenkins.agents.ControllerToAgentFileCallable;

import java.io.File;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * A training with the {@code local} runner, run where the workspace is (on the agent): the command as a process in
 * the workspace with the build's environment and the secret values, its output streamed to the build log while it
 * runs, the MLflow run tracked from there, and the reports written into the workspace. Only the small
 * {@link TrainingSummary} comes back. The thread that runs it blocks until the training ends; interrupting it (an
 * aborted build) kills the process tree. A record, so it captures no enclosing instance; its {@link #toString()}
 * shows no secret.
 *
 * @param spec        what to train
 * @param build       the build and its commit, for the run's tags and the lineage
 * @param reportDir   where the reports go, relative to the workspace
 * @param registry    the MLflow server or the local registry its run is made in (when the spec has an experiment)
 * @param secrets     the secret variables' values, by name (in memory only)
 * @param environment the build's environment, which the process starts with
 * @param listener    the build log
 */
record TrainOnAgent(TrainingSpec spec, BuildInfo build, String reportDir, RegistryTarget registry,
        Map<String, String> secrets, Map<String, String> environment, TaskListener listener)
        implements ControllerToAgentFileCallable<TrainingSummary> {
    private static final long serialVersionUID = 1L;

    TrainOnAgent {
        secrets = new HashMap<>(secrets);
        environment = new HashMap<>(environment);
    }

    /**
     * Trains in the workspace.
     *
     * @throws AbortException when the training cannot start, with the engine's one-line message
     */
    @Override
    public TrainingSummary invoke(final File workspace, final VirtualChannel channel) throws IOException {
        var root = workspace.toPath();
        var paths = new WorkspacePaths(root);
        try {
            var reports = paths.resolve("reportDir", reportDir);
            var processEnvironment = new HashMap<>(environment);
            processEnvironment.putAll(secrets);
            var runner = new LocalRunner(root, processEnvironment);
            // the local registry is opened (and its directory made) only for a run
            var runs = spec.experiment() == null ? null : registry.open(root);
            var log = listener.getLogger();
            var report = TrainModel.run(new TrainingRequest(spec, null, build, reports), runs,
                    new TrainingLoop(runner, log::println));
            return TrainingSummary.of(report, paths.relativize(reports));
        } catch (InputException | MlflowException e) {
            // an exception type from core crosses the channel without dragging engine classes along
            throw new AbortException(TrainModelStep.FUNCTION + ": " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "training " + spec.name() + " in the workspace, with runs in " + registry + ", with "
                + secrets.size() + " secret variables";
    }
}
