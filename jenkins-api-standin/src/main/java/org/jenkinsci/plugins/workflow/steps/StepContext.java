// Checked against jenkinsci/workflow-step-api-plugin at commit 0773c3c6 (2025-11-17; the step API files are unchanged
// since the version bom-2.541.x pins): src/main/java/org/jenkinsci/plugins/workflow/steps/StepContext.java
package org.jenkinsci.plugins.workflow.steps;

import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.ListenableFuture;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Result;

import java.io.IOException;
import java.io.Serializable;

/**
 * Stand-in for {@code workflow-step-api: .../workflow/steps/StepContext.java}: what a running step can reach, and
 * how an asynchronous execution completes ({@link #onSuccess}, {@link #onFailure}, inherited from Guava's
 * {@link FutureCallback}).
 */
public abstract class StepContext implements FutureCallback<Object>, Serializable {
    private static final long serialVersionUID = 1L;

    /** A context object such as {@code Run}, {@code FilePath} or {@code TaskListener}. */
    public abstract <T> T get(Class<T> key) throws IOException, InterruptedException;

    /** Completes the step with a value, returned to the script. */
    @Override
    public abstract void onSuccess(@CheckForNull Object result);

    /** Asks for the execution's state (its non-transient fields) to be written to disk now. */
    public abstract ListenableFuture<Void> saveState();

    /** Sets the overall result of the flow; it can only get worse. */
    public abstract void setResult(Result r);
}
