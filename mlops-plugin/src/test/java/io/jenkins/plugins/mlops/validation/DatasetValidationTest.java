package io.jenkins.plugins.mlops.validation;

import hudson.AbortException;
import hudson.FilePath;
import hudson.model.Action;
import io.jenkins.plugins.mlops.lineage.LineageAction;
import io.mlops.lineage.LineageEvent;
import io.mlops.lineage.LineageFile;
import io.mlops.report.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentCaptor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class DatasetValidationTest {
    private static final ValidationParameters PARAMETERS =
            new ValidationParameters("data/train.csv", "data/schema.yaml", null, null, null, null, null);

    @Test
    void shouldValidateOnTheAgentAndSendTheBuildLogAlong(@TempDir final Path buildDir) throws Exception {
        var fixture = new AgentFixture(buildDir, AgentFixture.summary(Status.PASSED, List.of()));
        var callable = ArgumentCaptor.forClass(ValidateOnAgent.class);

        var summary = fixture.validation().validate(PARAMETERS);

        assertThat(summary.status()).isEqualTo(Status.PASSED);
        verify(fixture.workspace()).act(callable.capture());
        assertThat(callable.getValue().parameters()).isEqualTo(PARAMETERS);
        assertThat(callable.getValue().listener()).isSameAs(fixture.listener());
        assertThat(fixture.log()).contains(
                "validateData: validating data/train.csv against schema data/schema.yaml",
                "validateData: PASSED: A sentence about PASSED.",
                "validateData: reports in mlops-reports/validate-data; see 'Data validation: data/train.csv'");
    }

    @Test
    void shouldWarnWhenTheDataIsReadInsideTheController(@TempDir final Path buildDir) throws Exception {
        var fixture = new AgentFixture(buildDir, AgentFixture.summary(Status.PASSED, List.of()));
        when(fixture.workspace().isRemote()).thenReturn(false);

        fixture.validation().validate(PARAMETERS);

        assertThat(fixture.log()).contains("validateData: warning: this workspace is on the built-in node");
    }

    @Test
    void shouldNotWarnOnAnAgent(@TempDir final Path buildDir) throws Exception {
        var fixture = new AgentFixture(buildDir, AgentFixture.summary(Status.PASSED, List.of()));

        fixture.validation().validate(PARAMETERS);

        assertThat(fixture.log()).doesNotContain("warning");
    }

    @Test
    void shouldKeepTheFullReportInTheBuildDirectoryAndAddAnAction(@TempDir final Path buildDir) throws Exception {
        var fixture = new AgentFixture(buildDir, AgentFixture.summary(Status.FAILED, List.of("min(age)")));
        var action = ArgumentCaptor.forClass(Action.class);

        fixture.validation().validate(PARAMETERS);

        assertThat(buildDir.resolve("mlops/validation-1/report.json")).hasContent(AgentFixture.REPORT_JSON_TEXT);
        verify(fixture.run(), times(2)).addAction(action.capture());
        assertThat(action.getAllValues().get(0)).isInstanceOfSatisfying(ValidationAction.class, added -> {
            assertThat(added.getUrlName()).isEqualTo("mlops-validation-1");
            assertThat(added.getFailedCheckNames()).containsExactly("min(age)");
            assertThat(added.getRun()).isSameAs(fixture.run());
        });
        assertThat(action.getAllValues().get(1)).isInstanceOf(LineageAction.class);
    }

    @Test
    void shouldAppendTheDataDigestsToTheLineageAfterTheCommit(@TempDir final Path buildDir) throws Exception {
        var fixture = new AgentFixture(buildDir, AgentFixture.summary(Status.FAILED, List.of("min(age)")));
        fixture.env().put("GIT_COMMIT", "4f2c9e1");

        fixture.validation().validate(PARAMETERS);

        var lineage = LineageFile.read(buildDir.resolve("mlops/lineage.json"));
        assertThat(lineage.events()).extracting(LineageEvent::step).containsExactly("checkout", "validateData");
        assertThat(lineage.events().get(0).fact(LineageEvent.GIT_COMMIT)).isEqualTo("4f2c9e1");
        assertThat(lineage.events().get(1)).isEqualTo(AgentFixture.summary(Status.FAILED, List.of()).lineage());
    }

    @Test
    void shouldGiveASecondValidationOfTheBuildItsOwnReport(@TempDir final Path buildDir) throws Exception {
        var fixture = new AgentFixture(buildDir, AgentFixture.summary(Status.PASSED, List.of()));
        var validation = fixture.validation();

        validation.validate(PARAMETERS);
        validation.validate(PARAMETERS);

        assertThat(buildDir.resolve("mlops/validation-1/report.json")).exists();
        assertThat(buildDir.resolve("mlops/validation-2/report.json")).exists();
        assertThat(fixture.log()).contains("see 'Data validation 2: data/train.csv'");
    }

    @Test
    void shouldStillRecordTheSummaryWithoutAReportFile(@TempDir final Path buildDir) throws Exception {
        var fixture = new AgentFixture(buildDir, AgentFixture.summary(Status.PASSED, List.of()));
        var missing = mock(FilePath.class);
        when(fixture.workspace().child("mlops-reports/validate-data/report.json")).thenReturn(missing);

        fixture.validation().validate(PARAMETERS);

        assertThat(Files.exists(buildDir.resolve("mlops/validation-1/report.json"))).isFalse();
        verify(fixture.run()).addAction(any(ValidationAction.class));
        verify(fixture.run()).addAction(any(LineageAction.class));
        assertThat(fixture.log()).contains("no report.json in mlops-reports/validate-data");
    }

    @Test
    void shouldNotTouchTheBuildWhenTheAgentRejectsTheInput(@TempDir final Path buildDir) throws Exception {
        var fixture = new AgentFixture(buildDir, AgentFixture.summary(Status.PASSED, List.of()));
        when(fixture.workspace().act(any(ValidateOnAgent.class)))
                .thenThrow(new AbortException("validateData: data: 'x.csv' does not exist"));

        assertThatThrownBy(() ->
                fixture.validation().validate(PARAMETERS))
                .isInstanceOf(IOException.class).hasMessage("validateData: data: 'x.csv' does not exist");
        assertThat(buildDir.resolve("mlops")).doesNotExist();
    }
}
