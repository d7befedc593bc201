package io.jenkins.plugins.mlops.evaluation;

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
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class EvaluateModelExecutionTest {
    @Test
    void shouldReturnTheOutcomeAsAMap(@TempDir final Path buildDir) throws Exception {
        var fixture = new EvaluationFixture(buildDir, EvaluationFixture.summary(Status.PASSED, List.of()));
        var context = contextOf(fixture);

        Map<String, Object> result = execution(context, new EvaluateModelStep("preds.csv", "binary")).run();

        assertThat(result).containsExactly(entry("status", "PASSED"), entry("summary", "A sentence about PASSED."),
                entry("metrics", Map.of("roc_auc", 0.78)),
                entry("comparisons", List.of(Map.of("metric", "roc_auc", "candidate", 0.78, "baseline", 0.75,
                        "delta", 0.03, "ci", List.of(0.01, 0.05), "confidence", 0.95, "pValue", 0.004,
                        "test", "delong"))),
                entry("failedGates", List.of()), entry("reportDir", "mlops-reports/evaluate-model"));
        verify(context, never()).setResult(any());
    }

    @Test
    void shouldMarkThePipelineUnstableWhenInconclusive(@TempDir final Path buildDir) throws Exception {
        var fixture = new EvaluationFixture(buildDir, EvaluationFixture.summary(Status.INCONCLUSIVE, List.of()));
        var context = contextOf(fixture);

        var result = execution(context, new EvaluateModelStep("preds.csv", "binary")).run();

        assertThat(result).contains(entry("status", "INCONCLUSIVE"));
        verify(context).setResult(Result.UNSTABLE);
        assertThat(fixture.log()).contains("evaluateModel: inconclusive: A sentence about INCONCLUSIVE.");
    }

    @Test
    void shouldReturnAFailedOutcomeAndMarkThePipelineUnstableWhenAsked(@TempDir final Path buildDir)
            throws Exception {
        var fixture = new EvaluationFixture(buildDir,
                EvaluationFixture.summary(Status.FAILED, List.of("roc_auc", "accuracy_score [region=EU]")));
        var context = contextOf(fixture);
        var step = new EvaluateModelStep("preds.csv", "binary");
        step.setUnstableOnFailure(true);

        var result = execution(context, step).run();

        assertThat(result).contains(entry("status", "FAILED"),
                entry("failedGates", List.of("roc_auc", "accuracy_score [region=EU]")));
        verify(context).setResult(Result.UNSTABLE);
    }

    @Test
    void shouldFailTheStepNamingTheFailedGates(@TempDir final Path buildDir) throws Exception {
        var fixture = new EvaluationFixture(buildDir,
                EvaluationFixture.summary(Status.FAILED, List.of("roc_auc", "accuracy_score [region=EU]")));
        var execution = execution(contextOf(fixture), new EvaluateModelStep("preds.csv", "binary"));

        assertThatThrownBy(execution::run).isInstanceOf(AbortException.class)
                .hasMessage("evaluateModel: 2 gates failed: roc_auc, accuracy_score [region=EU]");
        assertThat(buildDir.resolve("mlops/evaluation-1/report.json")).as("the report is kept anyway").exists();
    }

    @Test
    void shouldFailTheStepWithTheOneLineCauseOfAnError(@TempDir final Path buildDir) throws Exception {
        var fixture = new EvaluationFixture(buildDir, EvaluationFixture.summary(Status.PASSED, List.of()));
        when(fixture.workspace().act(any(EvaluateOnAgent.class)))
                .thenThrow(new AbortException("evaluateModel: task: unknown task 'ranking'"));
        var context = contextOf(fixture);
        var execution = execution(context, new EvaluateModelStep("preds.csv", "ranking"));

        assertThatThrownBy(execution::run).isInstanceOf(AbortException.class)
                .hasMessage("evaluateModel: task: unknown task 'ranking'");
        assertThat(buildDir.resolve("mlops")).doesNotExist();
        verify(fixture.run(), never()).addAction(any());
    }

    private static StepContext contextOf(final EvaluationFixture fixture) throws Exception {
        var context = mock(StepContext.class);
        when(context.get(Run.class)).thenReturn(fixture.run());
        when(context.get(FilePath.class)).thenReturn(fixture.workspace());
        when(context.get(TaskListener.class)).thenReturn(fixture.listener());
        when(context.get(EnvVars.class)).thenReturn(new EnvVars());
        return context;
    }

    /** The real execution, except that the stand-in base class cannot hand out the context. */
    private static EvaluateModelExecution execution(final StepContext context, final EvaluateModelStep step) {
        var execution = spy(new EvaluateModelExecution(context, step));
        doReturn(context).when(execution).getContext();
        return execution;
    }
}
