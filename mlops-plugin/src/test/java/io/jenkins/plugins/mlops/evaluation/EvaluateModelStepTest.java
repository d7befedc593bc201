package io.jenkins.plugins.mlops.evaluation;

import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.mlops.util.JenkinsFacade;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class EvaluateModelStepTest {
    @Test
    void shouldTranslateItsParametersIntoTheValueSentToTheAgent() {
        var step = Steps.everyParameterSet();

        assertThat(step.toParameters()).isEqualTo(new EvaluationParameters("eval/candidate.csv", "binary",
                "eval/gates.yaml", "eval/production.csv", null, "csv", "yes", "region, device", "gender", 50, 200, 7,
                new EvaluationParameters.Columns("truth", "predicted", "probability", "row_id"), "reports/model"));
        assertThat(step.isUnstableOnFailure()).isTrue();
    }

    @Test
    void shouldStartWithTheEngineDefaultsAndTreatBlankFormValuesAsNotGiven() {
        var step = new EvaluateModelStep(" preds.csv ", " regression ");
        step.setGates(" ");
        step.setBaselineMetrics("");
        step.setSlices("  ");
        step.setReportDir(" ");

        assertThat(step.getPredictions()).isEqualTo("preds.csv");
        assertThat(step.getTask()).isEqualTo("regression");
        assertThat(step.getGates()).isNull();
        assertThat(step.getBaselineMetrics()).isNull();
        assertThat(step.getSlices()).isNull();
        assertThat(step.getMinSliceSize()).isEqualTo(100);
        assertThat(step.getResamples()).isEqualTo(1000);
        assertThat(step.getSeed()).isEqualTo(42);
        assertThat(step.getReportDir()).isEqualTo("mlops-reports/evaluate-model");
        assertThat(step.isUnstableOnFailure()).isFalse();
    }

    @Test
    void shouldStartANonResumableExecution() {
        assertThat(new EvaluateModelStep("preds.csv", "binary").start(mock(StepContext.class)))
                .isInstanceOf(EvaluateModelExecution.class);
    }

    @Test
    void shouldRegisterTheEvaluateModelFunction() {
        var descriptor = new EvaluateModelStep.DescriptorImpl(mock(JenkinsFacade.class));

        assertThat(descriptor.getFunctionName()).isEqualTo("evaluateModel");
        assertThat(descriptor.getDisplayName()).isEqualTo("Evaluate ML model");
        assertThat(Set.copyOf(descriptor.getRequiredContext())).isEqualTo(Set.of(Run.class, FilePath.class,
                TaskListener.class, EnvVars.class));
        assertThat(descriptor.getDefaultReportDir()).isEqualTo("mlops-reports/evaluate-model");
    }

    @Test
    void shouldOfferTheTasksAndFormatsOfTheEngine() {
        var descriptor = new EvaluateModelStep.DescriptorImpl(readable());

        assertThat(descriptor.doFillTaskItems(mock(Item.class))).extracting(option -> option.value)
                .containsExactly("binary", "multiclass", "regression");
        assertThat(descriptor.doFillFormatItems(mock(Item.class))).extracting(option -> option.value)
                .containsExactly("", "csv", "jsonl", "parquet");
    }

    @Test
    void shouldOfferNothingToUsersWhoCannotReadTheJob() {
        var jenkins = mock(JenkinsFacade.class);
        when(jenkins.hasPermission(any(), any())).thenReturn(false);
        var descriptor = new EvaluateModelStep.DescriptorImpl(jenkins);

        assertThat(descriptor.doFillTaskItems(mock(Item.class))).isEmpty();
        assertThat(descriptor.doFillFormatItems(null)).isEmpty();
    }

    private static JenkinsFacade readable() {
        var jenkins = mock(JenkinsFacade.class);
        when(jenkins.hasPermission(any(), any())).thenReturn(true);
        return jenkins;
    }
}
