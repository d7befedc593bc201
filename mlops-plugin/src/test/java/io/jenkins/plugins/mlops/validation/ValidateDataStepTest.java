package io.jenkins.plugins.mlops.validation;

import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.mlops.util.JenkinsFacade;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class ValidateDataStepTest {
    @Test
    void shouldTranslateItsParametersIntoTheValueSentToTheAgent() {
        var step = Steps.everyParameterSet();

        assertThat(step.toParameters()).isEqualTo(new ValidationParameters("data/train.csv", "data/schema.yaml",
                "data/reference.csv", "csv", "reports/data", "psi", 0.2));
        assertThat(step.isUnstableOnFailure()).isTrue();
    }

    @Test
    void shouldTreatBlankFormValuesAsNotGiven() {
        var step = new ValidateDataStep(" train.csv ");
        step.setSchema("  ");
        step.setFormat("");
        step.setReportDir(" ");
        step.setDriftMethod("");

        assertThat(step.getData()).isEqualTo("train.csv");
        assertThat(step.getSchema()).isNull();
        assertThat(step.getFormat()).isNull();
        assertThat(step.getReportDir()).isEqualTo("mlops-reports/validate-data");
        assertThat(step.getDriftMethod()).isNull();
        assertThat(step.isUnstableOnFailure()).isFalse();
    }

    @Test
    void shouldStartANonResumableExecution() {
        assertThat(new ValidateDataStep("train.csv").start(mock(StepContext.class)))
                .isInstanceOf(ValidateDataExecution.class);
    }

    @Test
    void shouldRegisterTheValidateDataFunction() {
        var descriptor = new ValidateDataStep.DescriptorImpl(mock(JenkinsFacade.class));

        assertThat(descriptor.getFunctionName()).isEqualTo("validateData");
        assertThat(descriptor.getDisplayName()).isEqualTo("Validate ML dataset");
        assertThat(Set.copyOf(descriptor.getRequiredContext())).isEqualTo(Set.of(Run.class, FilePath.class,
                TaskListener.class, EnvVars.class));
        assertThat(descriptor.getDefaultReportDir()).isEqualTo("mlops-reports/validate-data");
    }

    @Test
    void shouldOfferTheFormatsAndDriftMethodsOfTheEngine() {
        var jenkins = mock(JenkinsFacade.class);
        var job = mock(Item.class);
        when(jenkins.hasPermission(Item.READ, job)).thenReturn(true);
        var descriptor = new ValidateDataStep.DescriptorImpl(jenkins);

        assertThat(descriptor.doFillFormatItems(job)).extracting(option -> option.value)
                .containsExactly("", "csv", "jsonl", "parquet");
        assertThat(descriptor.doFillDriftMethodItems(job)).extracting(option -> option.value)
                .containsExactly("", "auto", "ks", "chi2", "z", "wasserstein", "jensen_shannon", "psi");
    }

    @Test
    void shouldOfferNothingToUsersWhoCannotReadTheJob() {
        var jenkins = mock(JenkinsFacade.class);
        when(jenkins.hasPermission(any(), any())).thenReturn(false);
        var descriptor = new ValidateDataStep.DescriptorImpl(jenkins);

        ListBoxModel formats = descriptor.doFillFormatItems(mock(Item.class));

        assertThat(formats).isEmpty();
        assertThat(descriptor.doFillDriftMethodItems(null)).isEmpty();
    }
}
