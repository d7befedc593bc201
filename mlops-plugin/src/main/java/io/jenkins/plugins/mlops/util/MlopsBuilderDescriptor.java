package io.jenkins.plugins.mlops.util;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.AbstractProject;
import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.Builder;
import org.jenkinsci.plugins.workflow.steps.Step;

/**
 * What the descriptors of the mlops freestyle build steps share: each offers its step in every kind of project,
 * under the name of its Pipeline step, whose form and help it shows (the step's {@code help.html} describes the
 * build step too; no second copy). A concrete descriptor is nested in its builder and carries the builder's
 * {@code @Symbol}.
 */
public abstract class MlopsBuilderDescriptor extends BuildStepDescriptor<Builder> {
    private final String displayName;

    /**
     * Creates the descriptor of a build step.
     *
     * @param step        the Pipeline step that the builder wraps
     * @param displayName the step's display name
     */
    protected MlopsBuilderDescriptor(final Class<? extends Step> step, final String displayName) {
        super();
        this.displayName = displayName;
        addHelpFileRedirect(null, step, null);
    }

    @Override
    @SuppressWarnings("rawtypes") // the signature of BuildStepDescriptor.isApplicable
    public boolean isApplicable(final Class<? extends AbstractProject> jobType) {
        return true;
    }

    @NonNull
    @Override
    public String getDisplayName() {
        return displayName;
    }
}
