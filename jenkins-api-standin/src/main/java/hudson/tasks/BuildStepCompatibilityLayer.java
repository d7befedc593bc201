package hudson.tasks;

import hudson.Launcher;
import hudson.model.AbstractBuild;
import hudson.model.AbstractProject;
import hudson.model.Action;
import hudson.model.BuildListener;

import java.io.IOException;
import java.util.Collection;

/** Stand-in for {@code core/src/main/java/hudson/tasks/BuildStepCompatibilityLayer.java}. */
@Deprecated
public abstract class BuildStepCompatibilityLayer implements BuildStep {
    @Override
    public boolean prebuild(final AbstractBuild<?, ?> build, final BuildListener listener) {
        throw new UnsupportedOperationException("stand-in");
    }

    @Override
    public boolean perform(final AbstractBuild<?, ?> build, final Launcher launcher, final BuildListener listener)
            throws InterruptedException, IOException {
        throw new UnsupportedOperationException("stand-in");
    }

    @Override
    public Action getProjectAction(final AbstractProject<?, ?> project) {
        throw new UnsupportedOperationException("stand-in");
    }

    @Override
    public Collection<? extends Action> getProjectActions(final AbstractProject<?, ?> project) {
        throw new UnsupportedOperationException("stand-in");
    }
}
