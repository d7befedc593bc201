package io.jenkins.plugins.mlops.evaluation;

import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import io.jenkins.plugins.mlops.registry.ConfiguredServers;
import io.jenkins.plugins.mlops.registry.MlflowServer;
import io.jenkins.plugins.mlops.registry.MlopsConfiguration;
import io.jenkins.plugins.mlops.util.FormValidations;
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
                "eval/gates.yaml", "eval/production.csv", null, null, null, null, "csv", "yes", "region, device",
                "gender", 50, 200, 7, new EvaluationParameters.Columns("truth", "predicted", "probability", "row_id"),
                "reports/model"));
        assertThat(step.isUnstableOnFailure()).isTrue();
    }

    @Test
    void shouldTranslateTheRegisteredBaselineAndItsRegistry() {
        var parameters = Steps.registeredBaseline().toParameters();

        assertThat(parameters).isEqualTo(new EvaluationParameters("eval/candidate.csv", "binary", null, null, null,
                "models:/churn@champion", "production", "registry", null, null, null, null, 100, 1000, 42, null,
                null));
    }

    @Test
    void shouldStartWithTheEngineDefaultsAndTreatBlankFormValuesAsNotGiven() {
        var step = new EvaluateModelStep(" preds.csv ", " regression ");
        step.setGates(" ");
        step.setBaselineMetrics("");
        step.setBaseline(" ");
        step.setServer("");
        step.setLocalRegistry(" ");
        step.setSlices("  ");
        step.setReportDir(" ");

        assertThat(step.getPredictions()).isEqualTo("preds.csv");
        assertThat(step.getTask()).isEqualTo("regression");
        assertThat(step.getGates()).isNull();
        assertThat(step.getBaselineMetrics()).isNull();
        assertThat(step.getBaseline()).isNull();
        assertThat(step.getServer()).isNull();
        assertThat(step.getLocalRegistry()).isNull();
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
    void shouldOfferTheConfiguredServersAsRegisterModelDoes() {
        var jenkins = readable();
        when(jenkins.getGlobalConfiguration(MlopsConfiguration.class)).thenReturn(ConfiguredServers.of(
                new MlflowServer("production", "https://mlflow.example.com")));

        var servers = new EvaluateModelStep.DescriptorImpl(jenkins).doFillServerItems(mock(Item.class));

        assertThat(servers).extracting(option -> option.value).containsExactly("", "production");
        assertThat(servers.get(0).name).isEqualTo("Embedded local registry");
    }

    @Test
    void shouldCheckTheBaselineReferenceInTheForm() {
        var descriptor = new EvaluateModelStep.DescriptorImpl(readable());
        var forbidden = new EvaluateModelStep.DescriptorImpl(mock(JenkinsFacade.class));
        var ok = mock(FormValidation.class);
        try (var ignored = FormValidations.mockFactories(ok)) {

            assertThat(descriptor.doCheckBaseline("models:/churn@champion", null)).isSameAs(ok);
            assertThat(descriptor.doCheckBaseline(" ", null)).isSameAs(ok);
            assertThat(descriptor.doCheckBaseline("models:/${MODEL}@champion", null))
                    .as("a build variable, expanded when the build runs").isSameAs(ok);
            assertThat(descriptor.doCheckBaseline("runs:/4f2c9e1/model", null).getMessage())
                    .startsWith("runs:/4f2c9e1/model is a run's artifact, not a registered model");
            assertThat(forbidden.doCheckBaseline("churn", null)).isSameAs(ok);
        }
    }

    @Test
    void shouldOfferNothingToUsersWhoCannotReadTheJob() {
        var jenkins = mock(JenkinsFacade.class);
        when(jenkins.hasPermission(any(), any())).thenReturn(false);
        var descriptor = new EvaluateModelStep.DescriptorImpl(jenkins);

        assertThat(descriptor.doFillTaskItems(mock(Item.class))).isEmpty();
        assertThat(descriptor.doFillFormatItems(null)).isEmpty();
        assertThat(descriptor.doFillServerItems(null)).isEmpty();
    }

    private static JenkinsFacade readable() {
        var jenkins = mock(JenkinsFacade.class);
        when(jenkins.hasPermission(any(), any())).thenReturn(true);
        return jenkins;
    }
}
