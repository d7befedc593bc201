package org.jenkinsci.plugins.workflow.steps;

import edu.umd.cs.findbugs.annotations.NonNull;

import java.io.Serializable;

/** Stand-in for {@code workflow-step-api: .../workflow/steps/StepExecution.java}. */
public abstract class StepExecution implements Serializable {
    private static final long serialVersionUID = 1L;

    protected StepExecution(@NonNull final StepContext context) {
        // stand-in: the real constructor keeps the context for getContext()
    }

    public @NonNull StepContext getContext() {
        throw new UnsupportedOperationException("stand-in");
    }

    /** Starts the execution; returns true when it already completed. */
    public abstract boolean start() throws Exception;
}
