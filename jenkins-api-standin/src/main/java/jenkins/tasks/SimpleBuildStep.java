package jenkins.tasks;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Action;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildStep;

import java.io.IOException;
import java.util.Collection;

/** Stand-in for {@code core/src/main/java/jenkins/tasks/SimpleBuildStep.java}: a build step for any job type. */
public interface SimpleBuildStep extends BuildStep {
    /** Runs the step with a workspace (since 2.241). */
    default void perform(@NonNull final Run<?, ?> run, @NonNull final FilePath workspace, @NonNull final EnvVars env,
            @NonNull final Launcher launcher, @NonNull final TaskListener listener)
            throws InterruptedException, IOException {
        throw new UnsupportedOperationException("stand-in");
    }

    default boolean requiresWorkspace() {
        throw new UnsupportedOperationException("stand-in");
    }

    /**
     * A build action that adds project actions while it is on the job's last successful build (core's
     * {@code LastBuildActionFactory}).
     */
    interface LastBuildAction extends Action {
        Collection<? extends Action> getProjectActions();
    }
}
