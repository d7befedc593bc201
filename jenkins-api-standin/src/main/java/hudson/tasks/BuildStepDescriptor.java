package hudson.tasks;

import hudson.model.AbstractProject;
import hudson.model.Describable;
import hudson.model.Descriptor;

/** Stand-in for {@code core/src/main/java/hudson/tasks/BuildStepDescriptor.java}. */
public abstract class BuildStepDescriptor<T extends BuildStep & Describable<T>> extends Descriptor<T> {
    protected BuildStepDescriptor() {
        super();
    }

    /** Whether the step is offered for the given kind of project. */
    public abstract boolean isApplicable(Class<? extends AbstractProject> jobType);
}
