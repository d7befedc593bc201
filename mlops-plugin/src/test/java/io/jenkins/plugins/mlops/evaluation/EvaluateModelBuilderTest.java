package io.jenkins.plugins.mlops.evaluation;

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

class EvaluateModelBuilderTest {
    @Test
    void shouldWrapTheStepExpandBuildVariablesAndEvaluateOnTheAgent(@TempDir final Path buildDir) throws Exception {
        var fixture = new EvaluationFixture(buildDir, EvaluationFixture.summary(Status.PASSED, List.of()));
        var step = new EvaluateModelStep("${EVAL_DIR}/candidate.csv", "binary");
        step.setBaselinePredictions("${EVAL_DIR}/production.csv");
        var callable = ArgumentCaptor.forClass(EvaluateOnAgent.class);
        var builder = new EvaluateModelBuilder(step);

        builder.perform(fixture.run(), fixture.workspace(), environment(), mock(Launcher.class), fixture.listener());

        assertThat(builder.getStep()).isSameAs(step);
        verify(fixture.workspace()).act(callable.capture());
        assertThat(callable.getValue().parameters()).isEqualTo(new EvaluationParameters("eval/candidate.csv",
                "binary", null, "eval/production.csv", null, null, null, null, null, null, null, null, 100, 1000, 42,
                null, null));
    }

    @Test
    void shouldExpandBuildVariablesInTheRegisteredBaselineAndItsRegistry(@TempDir final Path buildDir)
            throws Exception {
        var fixture = new EvaluationFixture(buildDir, EvaluationFixture.summary(Status.PASSED, List.of()));
        var step = new EvaluateModelStep("candidate.csv", "binary");
        step.setBaseline("models:/${MODEL}@champion");
        step.setLocalRegistry("${EVAL_DIR}/registry");
        var callable = ArgumentCaptor.forClass(EvaluateOnAgent.class);

        new EvaluateModelBuilder(step).perform(fixture.run(), fixture.workspace(), environment(),
                mock(Launcher.class), fixture.listener());

        verify(fixture.workspace()).act(callable.capture());
        assertThat(callable.getValue().parameters().baseline()).isEqualTo("models:/churn@champion");
        assertThat(callable.getValue().registry()).hasToString("the embedded local registry in eval/registry");
    }

    @Test
    void shouldMarkTheBuildUnstableWhenAsked(@TempDir final Path buildDir) throws Exception {
        var fixture = new EvaluationFixture(buildDir, EvaluationFixture.summary(Status.FAILED, List.of("roc_auc")));
        var step = new EvaluateModelStep("candidate.csv", "binary");
        step.setUnstableOnFailure(true);

        new EvaluateModelBuilder(step).perform(fixture.run(), fixture.workspace(), environment(),
                mock(Launcher.class), fixture.listener());

        verify(fixture.run()).setResult(Result.UNSTABLE);
    }

    @Test
    void shouldFailTheBuildOtherwise(@TempDir final Path buildDir) throws Exception {
        var fixture = new EvaluationFixture(buildDir, EvaluationFixture.summary(Status.FAILED, List.of("roc_auc")));
        var builder = new EvaluateModelBuilder(new EvaluateModelStep("candidate.csv", "binary"));

        assertThatThrownBy(() -> builder.perform(fixture.run(), fixture.workspace(), environment(),
                mock(Launcher.class), fixture.listener()))
                .isInstanceOf(AbortException.class).hasMessage("evaluateModel: 1 gate failed: roc_auc");
    }

    @Test
    void shouldOfferItselfToJobDslUnderItsSymbol() {
        assertThat(EvaluateModelBuilder.DescriptorImpl.class.getAnnotation(org.jenkinsci.Symbol.class).value())
                .containsExactly("evaluateMlModel");
    }

    private static EnvVars environment() {
        var env = mock(EnvVars.class);
        when(env.expand(anyString())).thenAnswer(call -> call.<String>getArgument(0).replace("${EVAL_DIR}", "eval")
                .replace("${MODEL}", "churn"));
        return env;
    }
}
