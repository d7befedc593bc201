package org.jenkinsci.plugins.workflow.steps;

import hudson.model.Result;

import java.io.IOException;
import java.io.Serializable;

/**
 * Stand-in for {@code workflow-step-api: .../workflow/steps/StepContext.java}: what a running step can reach. The
 * real class also implements Guava's {@code FutureCallback<Object>}, through which executions complete; the plugin
 * leaves that to {@link SynchronousNonBlockingStepExecution}.
 */
public abstract class StepContext implements Serializable {
    private static final long serialVersionUID = 1L;

    /** A context object such as {@code Run}, {@code FilePath} or {@code TaskListener}. */
    public abstract <T> T get(Class<T> key) throws IOException, InterruptedException;

    /** Sets the overall result of the flow; it can only get worse. */
    public abstract void setResult(Result r);
}
