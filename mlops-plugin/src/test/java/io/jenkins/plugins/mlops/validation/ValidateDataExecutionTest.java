package io.jenkins.plugins.mlops.validation;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.mlops.report.Status;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class ValidateDataExecutionTest {
    @Test
    void shouldReturnTheOutcomeAsAMap(@TempDir final Path buildDir) throws Exception {
        var fixture = new AgentFixture(buildDir, AgentFixture.summary(Status.PASSED, List.of()));
        var context = contextOf(fixture);

        Map<String, Object> result = execution(context, new ValidateDataStep("data/train.csv")).run();

        assertThat(result).containsExactly(entry("status", "PASSED"), entry("rows", 1000L), entry("failedChecks", 0),
                entry("failedCheckNames", List.of()), entry("driftedColumns", List.of("income")),
                entry("reportDir", "mlops-reports/validate-data"), entry("summary", "A sentence about PASSED."));
        verify(context, never()).setResult(Result.UNSTABLE);
    }

    @Test
    void shouldReturnAFailedOutcomeAndMarkThePipelineUnstableWhenAsked(@TempDir final Path buildDir)
            throws Exception {
        var fixture = new AgentFixture(buildDir, AgentFixture.summary(Status.FAILED, List.of("min(age)")));
        var context = contextOf(fixture);
        var step = new ValidateDataStep("data/train.csv");
        step.setUnstableOnFailure(true);

        var result = execution(context, step).run();

        assertThat(result).contains(entry("status", "FAILED"), entry("failedCheckNames", List.of("min(age)")));
        verify(context).setResult(Result.UNSTABLE);
    }

    @Test
    void shouldFailTheStepNamingTheFailedChecks(@TempDir final Path buildDir) throws Exception {
        var fixture = new AgentFixture(buildDir, AgentFixture.summary(Status.FAILED, List.of("min(age)")));
        var execution = execution(contextOf(fixture), new ValidateDataStep("data/train.csv"));

        assertThatThrownBy(execution::run).isInstanceOf(AbortException.class)
                .hasMessage("validateData: 1 check failed: min(age)");
        assertThat(buildDir.resolve("mlops/validation-1/report.json")).as("the report is kept anyway").exists();
    }

    private static StepContext contextOf(final AgentFixture fixture) throws Exception {
        var context = mock(StepContext.class);
        when(context.get(Run.class)).thenReturn(fixture.run());
        when(context.get(FilePath.class)).thenReturn(fixture.workspace());
        when(context.get(TaskListener.class)).thenReturn(fixture.listener());
        when(context.get(EnvVars.class)).thenReturn(new EnvVars());
        return context;
    }

    /** The real execution, except that the stand-in base class cannot hand out the context. */
    private static ValidateDataExecution execution(final StepContext context, final ValidateDataStep step) {
        var execution = spy(new ValidateDataExecution(context, step));
        doReturn(context).when(execution).getContext();
        return execution;
    }
}
