package io.jenkins.plugins.mlops.util;

import hudson.model.Result;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * Sets the result of a Pipeline through its {@link StepContext}, which the flow owns, rather than on the run
 * behind its back.
 */
public final class PipelineResultHandler implements ResultHandler {
    private final StepContext context;

    public PipelineResultHandler(final StepContext context) {
        this.context = context;
    }

    @Override
    public void setResult(final Result result) {
        context.setResult(result);
    }
}
