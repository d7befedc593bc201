package org.jenkinsci.plugins.workflow.steps;

import hudson.model.Descriptor;

import java.util.Set;

/** Stand-in for {@code workflow-step-api: .../workflow/steps/StepDescriptor.java}. */
public abstract class StepDescriptor extends Descriptor<Step> {
    /** The context a step needs; a missing one is reported before the step starts. */
    public abstract Set<? extends Class<?>> getRequiredContext();

    /** The Pipeline function name. */
    public abstract String getFunctionName();
}
