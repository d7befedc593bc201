package io.jenkins.plugins.mlops.registry;

import hudson.EnvVars;
import hudson.Launcher;
import org.jenkinsci.Symbol;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentCaptor;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class RegisterModelBuilderTest {
    @Test
    void shouldWrapTheStepExpandBuildVariablesAndRegisterOnTheAgent(@TempDir final Path buildDir) throws Exception {
        var fixture = new RegistrationFixture(buildDir, RegistrationFixture.summary(true));
        var step = new RegisterModelStep("${MODEL}");
        step.setModelPath("${MODEL_DIR}/model");
        step.setTags("build=${BUILD_NUMBER}");
        var builder = new RegisterModelBuilder(step);
        var callable = ArgumentCaptor.forClass(RegisterOnAgent.class);

        builder.perform(fixture.run(), fixture.workspace(), environment(), mock(Launcher.class),
                fixture.listener());

        assertThat(builder.getStep()).isSameAs(step);
        verify(fixture.workspace()).act(callable.capture());
        assertThat(callable.getValue().parameters()).isEqualTo(new RegistrationParameters("churn", "out/model",
                null, null, null, null, null, "build=7", null, null, null, null));
        assertThat(callable.getValue().registry().login()).as("no server: the local registry").isNull();
        assertThat(fixture.actions()).hasAtLeastOneElementOfType(RegistrationAction.class);
    }

    @Test
    void shouldOfferItselfToJobDslUnderItsSymbol() {
        assertThat(RegisterModelBuilder.DescriptorImpl.class.getAnnotation(Symbol.class).value())
                .containsExactly("registerMlModel");
    }

    private static EnvVars environment() {
        var env = mock(EnvVars.class);
        when(env.expand(anyString())).thenAnswer(call -> call.<String>getArgument(0).replace("${MODEL}", "churn")
                .replace("${MODEL_DIR}", "out").replace("${BUILD_NUMBER}", "7"));
        return env;
    }
}
