package io.jenkins.plugins.mlops.registry;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.mlops.report.Status;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class RegisterModelExecutionTest {
    @Test
    void shouldReturnTheVersionAsAMap(@TempDir final Path buildDir) throws Exception {
        var fixture = new RegistrationFixture(buildDir, RegistrationFixture.summary(false));
        var context = contextOf(fixture);

        Map<String, Object> result = execution(context, new RegisterModelStep("churn")).run();

        assertThat(result).containsExactly(entry("name", "churn"), entry("version", "3"),
                entry("alias", "champion"), entry("uri", "models:/churn/3"), entry("created", false),
                entry("summary", RegistrationFixture.summary(false).summary()),
                entry("reportDir", "mlops-reports/register-model"));
        verify(context, never()).setResult(any());
    }

    @Test
    void shouldFailTheStepWithTheOneLineCauseOfAnError(@TempDir final Path buildDir) throws Exception {
        var fixture = new RegistrationFixture(buildDir, RegistrationFixture.summary(true));
        when(fixture.workspace().act(any(RegisterOnAgent.class))).thenThrow(new AbortException(
                "registerModel: MLflow answered HTTP 403 (PERMISSION_DENIED) to registered-models/create"));
        var execution = execution(contextOf(fixture), new RegisterModelStep("churn"));

        assertThatThrownBy(execution::run).isInstanceOf(AbortException.class)
                .hasMessage("registerModel: MLflow answered HTTP 403 (PERMISSION_DENIED) to registered-models/create");
        assertThat(fixture.actions()).isEmpty();
        assertThat(buildDir.resolve("mlops")).doesNotExist();
    }

    @Test
    void shouldFailTheStepOnAnyOutcomeButPassed(@TempDir final Path buildDir) throws Exception {
        var passed = RegistrationFixture.summary(true);
        var failed = new RegistrationSummary(Status.FAILED, "the alias was taken.", passed.name(), passed.version(),
                null, passed.uri(), true, passed.registry(), null, null, null, passed.reportDir(), null,
                passed.lineage());
        var fixture = new RegistrationFixture(buildDir, failed);
        var execution = execution(contextOf(fixture), new RegisterModelStep("churn"));

        assertThatThrownBy(execution::run).isInstanceOf(AbortException.class)
                .hasMessage("registerModel: the alias was taken.");
    }

    private static StepContext contextOf(final RegistrationFixture fixture) throws Exception {
        var context = mock(StepContext.class);
        when(context.get(Run.class)).thenReturn(fixture.run());
        when(context.get(FilePath.class)).thenReturn(fixture.workspace());
        when(context.get(TaskListener.class)).thenReturn(fixture.listener());
        when(context.get(EnvVars.class)).thenReturn(new EnvVars());
        return context;
    }

    /** The real execution, except that the stand-in base class cannot hand out the context. */
    private static RegisterModelExecution execution(final StepContext context, final RegisterModelStep step) {
        var execution = spy(new RegisterModelExecution(context, step));
        doReturn(context).when(execution).getContext();
        return execution;
    }
}
