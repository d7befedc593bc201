package io.jenkins.plugins.mlops.registry;

import hudson.model.Run;
import io.jenkins.plugins.mlops.util.WebLink;
import io.mlops.report.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class RegistrationActionTest {
    @Test
    void shouldKeepTheVersionItsAliasAndHttpLinksForTheBuildPage() {
        var action = new RegistrationAction("registration-1", RegistrationFixture.summary(false), mock(Run.class));

        assertThat(action.getDisplayName()).isEqualTo("Model registration: churn");
        assertThat(action.getUrlName()).isEqualTo("mlops-registration-1");
        assertThat(action.getIconFileName()).isEqualTo("symbol-cube");
        assertThat(action.getStatus()).isEqualTo(Status.PASSED);
        assertThat(action.getStatusIcon()).isEqualTo("symbol-status-blue");
        assertThat(action.getName()).isEqualTo("churn");
        assertThat(action.getVersion()).isEqualTo("3");
        assertThat(action.getAlias()).isEqualTo("champion");
        assertThat(action.getUri()).isEqualTo("models:/churn/3");
        assertThat(action.isCreated()).isFalse();
        assertThat(action.getRegistry()).isEqualTo("MLflow at https://mlflow.example.com");
        assertThat(action.getEvaluation()).isNull();
        assertThat(action.getReportDir()).isEqualTo("mlops-reports/register-model");
        assertThat(action.getLinks()).as("the javascript: experiment link is dropped").containsExactly(
                new WebLink("MLflow run", "https://mlflow.example.com/#/experiments/1/runs/r1"),
                new WebLink("Model version", "https://mlflow.example.com/#/models/churn/versions/3"));
        assertThat(new RegistrationAction("registration-2", RegistrationFixture.summary(true), mock(Run.class))
                .getDisplayName()).isEqualTo("Model registration 2: churn");
    }

    @Test
    void shouldShowTheTagsOfTheVersionFromTheReport(@TempDir final Path buildDir) throws IOException {
        var report = buildDir.resolve("mlops/registration-1/report.json");
        Files.createDirectories(report.getParent());
        Files.writeString(report, RegistrationFixture.REPORT_JSON_TEXT);
        var action = new RegistrationAction("registration-1", RegistrationFixture.summary(true), runIn(buildDir));

        assertThat(action.getTags()).containsExactly(entry("team", "fraud"), entry("note", "<b>bold</b>"));
        assertThat(action.storedReportFile()).isEqualTo(report);
    }

    @Test
    void shouldShowNoTagsWithoutTheReport(@TempDir final Path buildDir) {
        var action = new RegistrationAction("registration-1", RegistrationFixture.summary(true), mock(Run.class));
        var loaded = runIn(buildDir);

        action.onLoad(loaded);

        assertThat(action.getRun()).isSameAs(loaded);
        assertThat(action.getTags()).isEmpty();
    }

    private static Run<?, ?> runIn(final Path buildDir) {
        Run<?, ?> run = mock(Run.class);
        when(run.getRootDir()).thenReturn(buildDir.toFile());
        return run;
    }
}
