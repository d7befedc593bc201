package io.jenkins.plugins.mlops.validation;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.Launcher;
import hudson.model.Result;
import io.mlops.report.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentCaptor;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class ValidateDataBuilderTest {
    @Test
    void shouldExpandBuildVariablesAndValidateOnTheAgent(@TempDir final Path buildDir) throws Exception {
        var fixture = new AgentFixture(buildDir, AgentFixture.summary(Status.PASSED, List.of()));
        var step = new ValidateDataStep("${DATA_DIR}/train.csv");
        step.setSchema("${DATA_DIR}/schema.yaml");
        var callable = ArgumentCaptor.forClass(ValidateOnAgent.class);

        new ValidateDataBuilder(step).perform(fixture.run(), fixture.workspace(), environment(),
                mock(Launcher.class), fixture.listener());

        verify(fixture.workspace()).act(callable.capture());
        assertThat(callable.getValue().parameters()).isEqualTo(new ValidationParameters("data/train.csv",
                "data/schema.yaml", null, null, null, null, null));
    }

    @Test
    void shouldMarkTheBuildUnstableWhenAsked(@TempDir final Path buildDir) throws Exception {
        var fixture = new AgentFixture(buildDir, AgentFixture.summary(Status.FAILED, List.of("unique(id)")));
        var step = new ValidateDataStep("train.csv");
        step.setUnstableOnFailure(true);

        new ValidateDataBuilder(step).perform(fixture.run(), fixture.workspace(), environment(),
                mock(Launcher.class), fixture.listener());

        verify(fixture.run()).setResult(Result.UNSTABLE);
    }

    @Test
    void shouldFailTheBuildOtherwise(@TempDir final Path buildDir) throws Exception {
        var fixture = new AgentFixture(buildDir, AgentFixture.summary(Status.FAILED, List.of("unique(id)")));
        var builder = new ValidateDataBuilder(new ValidateDataStep("train.csv"));

        assertThatThrownBy(() -> builder.perform(fixture.run(), fixture.workspace(), environment(),
                mock(Launcher.class), fixture.listener()))
                .isInstanceOf(AbortException.class).hasMessage("validateData: 1 check failed: unique(id)");
    }

    private static EnvVars environment() {
        var env = mock(EnvVars.class);
        when(env.expand(anyString())).thenAnswer(call -> call.<String>getArgument(0).replace("${DATA_DIR}", "data"));
        return env;
    }
}
