package io.jenkins.plugins.mlops.training;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import io.jenkins.plugins.mlops.registry.ConfiguredServers;
import io.jenkins.plugins.mlops.registry.MlflowServer;
import io.jenkins.plugins.mlops.registry.MlopsConfiguration;
import io.jenkins.plugins.mlops.util.FormValidations;
import io.jenkins.plugins.mlops.util.JenkinsFacade;
import org.csanchez.jenkins.plugins.kubernetes.KubernetesCloud;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class TrainModelStepTest {
    @Test
    void shouldResumeOnKubernetesAndBlockLocally() throws Exception {
        var kubernetes = new TrainModelStep("python train.py");
        kubernetes.setImage("trainer:1.4");
        var local = new TrainModelStep("python train.py");

        assertThat(kubernetes.start(mock(StepContext.class))).isInstanceOf(TrainModelExecution.class);
        assertThat(local.start(mock(StepContext.class))).isInstanceOf(LocalTrainingExecution.class);
    }

    @Test
    void shouldKeepTheCommandAsPlainStringsInAListThatTheJobConfigurationCanStore() {
        var words = new TrainModelStep(List.of("python", new StringBuilder("train.py"), 3));
        var line = new TrainModelStep(new StringBuilder(" python train.py "));

        assertThat(words.getCommand()).isInstanceOf(java.util.ArrayList.class)
                .isEqualTo(List.of("python", "train.py", "3"));
        assertThat(line.getCommand()).isEqualTo("python train.py");
    }

    @Test
    void shouldFailInOneLineOnACommandThatIsNone() {
        var broken = new TrainModelStep(Set.of("python"));

        assertThatThrownBy(() -> broken.start(mock(StepContext.class))).isInstanceOf(AbortException.class)
                .hasMessageStartingWith("trainModel: command: expected a string or a list of strings, got a ");
    }

    @Test
    void shouldStartWithDefaultsAndTreatBlankFormValuesAsNotGiven() {
        var step = new TrainModelStep(" python train.py ");
        step.setImage(" ");
        step.setCloud("");
        step.setReportDir(" ");

        assertThat(step.getCommand()).isEqualTo("python train.py");
        assertThat(step.getImage()).isNull();
        assertThat(step.getCloud()).isNull();
        assertThat(step.getRetries()).isEqualTo(2);
        assertThat(step.getGpus()).isZero();
        assertThat(step.isGitClone()).isFalse();
        assertThat(step.getReportDir()).isEqualTo("mlops-reports/train-model");
    }

    @Test
    void shouldNeedNoWorkspaceSoThatAKubernetesTrainingHoldsNoAgent() {
        var descriptor = new TrainModelStep.DescriptorImpl(mock(JenkinsFacade.class));

        assertThat(descriptor.getFunctionName()).isEqualTo("trainModel");
        assertThat(descriptor.getDisplayName()).isEqualTo("Train ML model");
        assertThat(Set.copyOf(descriptor.getRequiredContext())).isEqualTo(Set.of(Run.class, TaskListener.class,
                EnvVars.class));
        assertThat(descriptor.getDefaultReportDir()).isEqualTo("mlops-reports/train-model");
        assertThat(TrainModelStep.DescriptorImpl.class.getAnnotation(Symbol.class).value())
                .containsExactly("trainModel");
    }

    @Test
    void shouldOfferTheRunnersCloudsAndServers() {
        var jenkins = mock(JenkinsFacade.class);
        when(jenkins.hasPermission(any(), any())).thenReturn(true);
        var first = mock(KubernetesCloud.class);
        first.name = "gpu-cluster";
        var second = mock(KubernetesCloud.class);
        second.name = "cpu-cluster";
        when(jenkins.getClouds(KubernetesCloud.class)).thenReturn(List.of(first, second));
        when(jenkins.getGlobalConfiguration(MlopsConfiguration.class))
                .thenReturn(ConfiguredServers.of(new MlflowServer("production", "https://mlflow.example.com")));
        var descriptor = new TrainModelStep.DescriptorImpl(jenkins);

        assertThat(descriptor.doFillRunnerItems(null)).extracting(option -> option.value)
                .containsExactly("", "kubernetes", "local");
        assertThat(descriptor.doFillCloudItems(null)).extracting(option -> option.name)
                .containsExactly("The first Kubernetes cloud", "gpu-cluster", "cpu-cluster");
        assertThat(descriptor.doFillServerItems(null)).extracting(option -> option.value)
                .containsExactly("", "production");
    }

    @Test
    void shouldShowNothingToUsersWhoMayNotReadTheJob() {
        var jenkins = mock(JenkinsFacade.class);
        var descriptor = new TrainModelStep.DescriptorImpl(jenkins);

        assertThat(descriptor.doFillRunnerItems(null)).isEmpty();
        assertThat(descriptor.doFillCloudItems(null)).isEmpty();
        assertThat(descriptor.doFillServerItems(null)).isEmpty();
        var ok = mock(FormValidation.class);
        try (var ignored = FormValidations.mockFactories(ok)) {
            assertThat(descriptor.doCheckTimeout("soon", null)).isSameAs(ok);
        }
    }

    @Test
    void shouldCheckTheTimeoutAndTheCommandAsTheStepReadsThem() {
        var jenkins = mock(JenkinsFacade.class);
        when(jenkins.hasPermission(any(), any())).thenReturn(true);
        var descriptor = new TrainModelStep.DescriptorImpl(jenkins);
        var ok = mock(FormValidation.class);

        try (var ignored = FormValidations.mockFactories(ok)) {
            assertThat(descriptor.doCheckTimeout("1h30m", null)).isSameAs(ok);
            assertThat(descriptor.doCheckTimeout("", null)).isSameAs(ok);
            assertThat(descriptor.doCheckTimeout("soon", null).getMessage()).isEqualTo("timeout: 'soon' is not a "
                    + "duration: expected hours, minutes and seconds such as 6h, 90m or 1h30m, or a number of minutes");
            assertThat(descriptor.doCheckCommand("python train.py --name 'run 1'", null)).isSameAs(ok);
            assertThat(descriptor.doCheckCommand(" ", null).getMessage())
                    .isEqualTo("command: no training command given: expected e.g. python train.py");
            assertThat(descriptor.doCheckCommand("python 'train.py", null).getMessage())
                    .isEqualTo("command: the quote ' at character 8 of 'python 'train.py' is not closed");
        }
    }
}
