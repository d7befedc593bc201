package org.jenkinsci.plugins.workflow.steps;

import hudson.model.Result;

import java.io.IOException;
import java.io.Serializable;

/**
 * Stand-in for {@code workflow-step-api: .../workflow/steps/StepContext.java}. The real class implements Guava's
 * {@code FutureCallback<Object>}, which declares {@link #onFailure}; it is declared here directly.
 */
public abstract class StepContext implements Serializable {
    private static final long serialVersionUID = 1L;

    /** A context object such as {@code Run}, {@code FilePath} or {@code TaskListener}. */
    public abstract <T> T get(Class<T> key) throws IOException, InterruptedException;

    public abstract void onSuccess(Object result);

    public abstract void onFailure(Throwable t);

    /** Sets the overall result of the flow; it can only get worse. */
    public abstract void setResult(Result r);
}
