// Checked against jenkinsci/workflow-step-api-plugin at commit 0773c3c6 (2025-11-17; the step API files are unchanged
// since the version bom-2.541.x pins): src/main/java/org/jenkinsci/plugins/workflow/steps/StepExecution.java
package org.jenkinsci.plugins.workflow.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;

import java.io.Serializable;

/**
 * Stand-in for {@code workflow-step-api: .../workflow/steps/StepExecution.java}: one running step, persisted with the
 * Pipeline program whenever it runs asynchronously.
 */
public abstract class StepExecution implements Serializable {
    private static final long serialVersionUID = 1L;

    protected StepExecution(@NonNull final StepContext context) {
        // stand-in: the real constructor keeps the context for getContext()
    }

    public @NonNull StepContext getContext() {
        throw new UnsupportedOperationException("stand-in");
    }

    /**
     * Starts the execution, in the CPS VM thread (no blocking, no I/O); returns true when it already completed,
     * false when it will call {@code getContext().onSuccess/onFailure} later.
     */
    public abstract boolean start() throws Exception;

    /** Asks a running step to stop; the default fails the context with the cause at once. */
    public void stop(@NonNull final Throwable cause) throws Exception {
        throw new UnsupportedOperationException("stand-in");
    }

    /** Called when the execution is loaded again after a controller restart; the default does nothing. */
    public void onResume() {
        throw new UnsupportedOperationException("stand-in");
    }

    /** What the step is doing, for diagnostics (a short lower-case phrase), or {@code null}. */
    public @CheckForNull String getStatus() {
        throw new UnsupportedOperationException("stand-in");
    }
}
