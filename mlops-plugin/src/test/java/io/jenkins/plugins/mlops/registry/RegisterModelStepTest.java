package io.jenkins.plugins.mlops.registry;

import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.mlops.util.JenkinsFacade;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class RegisterModelStepTest {
    @Test
    void shouldTranslateItsParametersIntoTheValueSentToTheAgent() {
        var step = Steps.everyParameterSet();

        assertThat(step.toParameters()).isEqualTo(new RegistrationParameters("churn-classifier", "build/model",
                "runs:/abc123/model", "abc123", "churn", "candidate", "Gradient boosting, June data",
                "team=fraud\nticket=ML-123", "mlops-reports/evaluate-model/report.json", "production", "registry",
                "reports/register"));
    }

    @Test
    void shouldStartWithDefaultsAndTreatBlankFormValuesAsNotGiven() {
        var step = new RegisterModelStep(" churn ");
        step.setModelPath(" model ");
        step.setAlias(" ");
        step.setServer("");
        step.setTags("\n");
        step.setReportDir(" ");

        assertThat(step.getName()).isEqualTo("churn");
        assertThat(step.getModelPath()).isEqualTo("model");
        assertThat(step.getAlias()).isNull();
        assertThat(step.getServer()).isNull();
        assertThat(step.getTags()).isNull();
        assertThat(step.getSource()).isNull();
        assertThat(step.getEvaluation()).isNull();
        assertThat(step.getLocalRegistry()).isNull();
        assertThat(step.getReportDir()).isEqualTo("mlops-reports/register-model");
        assertThat(step.toParameters()).isEqualTo(new RegistrationParameters("churn", "model", null, null, null,
                null, null, null, null, null, null, "mlops-reports/register-model"));
    }

    @Test
    void shouldStartANonResumableExecution() {
        assertThat(new RegisterModelStep("churn").start(mock(StepContext.class)))
                .isInstanceOf(RegisterModelExecution.class);
    }

    @Test
    void shouldRegisterTheRegisterModelFunction() {
        var descriptor = new RegisterModelStep.DescriptorImpl(mock(JenkinsFacade.class));

        assertThat(descriptor.getFunctionName()).isEqualTo("registerModel");
        assertThat(descriptor.getDisplayName()).isEqualTo("Register ML model");
        assertThat(Set.copyOf(descriptor.getRequiredContext())).isEqualTo(Set.of(Run.class, FilePath.class,
                TaskListener.class, EnvVars.class));
        assertThat(descriptor.getDefaultReportDir()).isEqualTo("mlops-reports/register-model");
        assertThat(RegisterModelStep.DescriptorImpl.class.getAnnotation(Symbol.class).value())
                .containsExactly("registerModel");
    }

    @Test
    void shouldOfferTheConfiguredServersAfterTheLocalRegistry() {
        var configuration = new MlopsConfiguration(false);
        configuration.setServers(List.of(new MlflowServer("production", "https://mlflow.example.com"),
                new MlflowServer("staging", "http://mlflow-staging:5000")));
        var jenkins = mock(JenkinsFacade.class);
        when(jenkins.hasPermission(any(), any())).thenReturn(true);
        when(jenkins.getGlobalConfiguration(MlopsConfiguration.class)).thenReturn(configuration);

        var servers = new RegisterModelStep.DescriptorImpl(jenkins).doFillServerItems(mock(Item.class));

        assertThat(servers).extracting(option -> option.value).containsExactly("", "production", "staging");
        assertThat(servers.get(0).name).isEqualTo("Embedded local registry");
    }

    @Test
    void shouldOfferNothingToUsersWhoCannotReadTheJob() {
        var jenkins = mock(JenkinsFacade.class);

        assertThat(new RegisterModelStep.DescriptorImpl(jenkins).doFillServerItems(null)).isEmpty();
    }
}
