package io.jenkins.plugins.mlops.util;

import hudson.model.Result;
import hudson.model.Run;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.junit.jupiter.api.Test;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

class ResultHandlerTest {
    @Test
    void shouldSetTheResultOnTheRunInFreestyleBuilds() {
        Run<?, ?> run = mock(Run.class);
        ResultHandler handler = new RunResultHandler(run);

        handler.setResult(Result.UNSTABLE);

        verify(run).setResult(Result.UNSTABLE);
    }

    @Test
    void shouldSetTheResultThroughTheStepContextInPipelines() {
        var context = mock(StepContext.class);
        ResultHandler handler = new PipelineResultHandler(context);

        handler.setResult(Result.UNSTABLE);

        verify(context).setResult(Result.UNSTABLE);
    }
}
