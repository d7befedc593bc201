package io.jenkins.plugins.mlops.registry;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.domains.URIRequirementBuilder;
import hudson.AbortException;
import hudson.FilePath;
import io.jenkins.plugins.mlops.evaluation.EvaluationAction;
import io.jenkins.plugins.mlops.lineage.LineageAction;
import io.mlops.evaluation.EvaluationReport;
import io.mlops.lineage.LineageEvent;
import io.mlops.lineage.LineageFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentCaptor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockStatic;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class ModelRegistrationTest {
    private static final RegistrationParameters LOCAL = new RegistrationParameters("churn", "model", null, null,
            null, "champion", null, null, null, null, null, null);

    @Test
    void shouldRegisterOnTheAgentKeepTheReportAndAddTheActionAndTheLineage(@TempDir final Path buildDir)
            throws Exception {
        var fixture = new RegistrationFixture(buildDir, RegistrationFixture.summary(true));
        fixture.env().put("BUILD_URL", "https://ci.example.com/job/churn/7/");
        fixture.env().put("GIT_COMMIT", "4f2c9e1");
        fixture.env().put("MLOPS_REGISTRY_DIR", "/srv/mlops/registry");
        var callable = ArgumentCaptor.forClass(RegisterOnAgent.class);

        var summary = fixture.registration().register(LOCAL);

        assertThat(summary).isEqualTo(RegistrationFixture.summary(true));
        verify(fixture.workspace()).act(callable.capture());
        var sent = callable.getValue();
        assertThat(sent.parameters()).isEqualTo(LOCAL);
        assertThat(sent.registry().login()).isNull();
        assertThat(sent.context().build().buildId()).isEqualTo("https://ci.example.com/job/churn/7/");
        assertThat(sent.registry().localDirectory(buildDir)).isEqualTo(Path.of("/srv/mlops/registry"));
        assertThat(sent.context().evaluation()).as("no evaluateModel in this build").isNull();
        assertThat(buildDir.resolve("mlops/registration-1/report.json"))
                .hasContent(RegistrationFixture.REPORT_JSON_TEXT);
        assertThat(fixture.actions()).hasSize(2).first().isInstanceOfSatisfying(RegistrationAction.class,
                action -> assertThat(action.getUrlName()).isEqualTo("mlops-registration-1"));
        assertThat(LineageFile.read(buildDir.resolve("mlops/lineage.json")).events())
                .extracting(LineageEvent::step).containsExactly("checkout", "registerModel");
        assertThat(fixture.log()).contains(
                "registerModel: registering churn from model as @champion in the embedded local registry",
                "registerModel: PASSED: registered models:/churn/3 (@champion)",
                "registerModel: MLflow run: https://mlflow.example.com/#/experiments/1/runs/r1",
                "registerModel: reports in mlops-reports/register-model; see 'Model registration: churn'")
                .doesNotContain("javascript:");
    }

    @Test
    void shouldSendTheBuildsLineageAndLatestEvaluationAlong(@TempDir final Path buildDir) throws Exception {
        var fixture = new RegistrationFixture(buildDir, RegistrationFixture.summary(true));
        var earlier = new LineageEvent("validateData", Instant.EPOCH, "PASSED",
                Map.of(LineageEvent.DATASET_SHA256, "ab"), Map.of());
        LineageAction.record(fixture.run(), fixture.env(), earlier);
        var evaluation = mock(EvaluationAction.class);
        var stored = Files.writeString(Files.createDirectories(buildDir.resolve("mlops/evaluation-1"))
                .resolve("report.json"), "{\"kind\": \"model-evaluation\"}");
        when(evaluation.holds(EvaluationReport.class)).thenReturn(true);
        when(evaluation.getReportDir()).thenReturn("eval/reports");
        when(evaluation.storedReportFile()).thenReturn(stored);
        fixture.actions().add(evaluation);
        var callable = ArgumentCaptor.forClass(RegisterOnAgent.class);

        fixture.registration().register(LOCAL);

        verify(fixture.workspace()).act(callable.capture());
        assertThat(callable.getValue().context().lineage().events()).containsExactly(earlier);
        assertThat(callable.getValue().context().evaluation()).isEqualTo(new EvaluationReference(
                "eval/reports/report.json", EvaluationReference.sha256(stored)));
        assertThat(fixture.lineage().getLineage().events()).extracting(LineageEvent::step)
                .containsExactly("validateData", "registerModel");
    }

    @Test
    void shouldNotLookAtTheBuildsEvaluationWhenTheStepNamesOne(@TempDir final Path buildDir) throws Exception {
        var fixture = new RegistrationFixture(buildDir, RegistrationFixture.summary(true));
        var evaluation = mock(EvaluationAction.class);
        fixture.actions().add(evaluation);
        var callable = ArgumentCaptor.forClass(RegisterOnAgent.class);

        fixture.registration().register(new RegistrationParameters("churn", "model", null, null, null, null, null,
                null, "eval/other/report.json", null, null, null));

        verify(fixture.workspace()).act(callable.capture());
        assertThat(callable.getValue().context().evaluation()).isNull();
        verify(evaluation, never()).storedReportFile();
    }

    @Test
    void shouldLogInToTheNamedServerOnTheController(@TempDir final Path buildDir) throws Exception {
        var fixture = new RegistrationFixture(buildDir, RegistrationFixture.summary(true));
        fixture.configuration().setServers(List.of(new MlflowServer("production", "https://mlflow.example.com")));
        var callable = ArgumentCaptor.forClass(RegisterOnAgent.class);

        fixture.registration().register(withServer("production"));

        verify(fixture.workspace()).act(callable.capture());
        assertThat(callable.getValue().registry())
                .hasToString("MLflow at https://mlflow.example.com without credentials");
        assertThat(fixture.log()).contains("in MLflow server 'production'");
    }

    @Test
    void shouldFailInOneLineListingTheServersWhenTheNameIsUnknown(@TempDir final Path buildDir) throws Exception {
        var fixture = new RegistrationFixture(buildDir, RegistrationFixture.summary(true));
        fixture.configuration().setServers(List.of(new MlflowServer("production", "https://mlflow.example.com"),
                new MlflowServer("staging", "https://staging.example.com")));

        assertThatThrownBy(() -> fixture.registration().register(withServer("prod")))
                .isInstanceOf(AbortException.class)
                .hasMessageStartingWith("registerModel: server: no MLflow server is named 'prod': expected one of "
                        + "'production', 'staging'").hasMessageNotContaining("\n");
        verify(fixture.workspace(), never()).act(any(RegisterOnAgent.class));
        assertThat(fixture.actions()).isEmpty();
    }

    @Test
    void shouldFailInOneLineWhenTheCredentialsAreMissing(@TempDir final Path buildDir) throws Exception {
        var fixture = new RegistrationFixture(buildDir, RegistrationFixture.summary(true));
        var server = new MlflowServer("production", "https://mlflow.example.com");
        server.setCredentialsId("mlflow-token");
        fixture.configuration().setServers(List.of(server));

        try (var ignored = mockStatic(CredentialsProvider.class);
                var domains = mockStatic(URIRequirementBuilder.class)) {
            var builder = mock(URIRequirementBuilder.class);
            domains.when(() -> URIRequirementBuilder.fromUri(any()))
                    .thenReturn(builder);
            assertThatThrownBy(() -> fixture.registration().register(withServer("production")))
                    .isInstanceOf(AbortException.class)
                    .hasMessage("registerModel: MLflow server 'production': no credentials 'mlflow-token' that this "
                            + "build may use: expected Secret text or Username with password credentials with that "
                            + "id");
        }
        verify(fixture.workspace(), never()).act(any(RegisterOnAgent.class));
    }

    @Test
    void shouldStillRecordTheSummaryWithoutAReportFile(@TempDir final Path buildDir) throws Exception {
        var fixture = new RegistrationFixture(buildDir, RegistrationFixture.summary(true));
        when(fixture.workspace().child("mlops-reports/register-model/report.json"))
                .thenReturn(mock(FilePath.class));

        fixture.registration().register(LOCAL);

        assertThat(buildDir.resolve("mlops/registration-1/report.json")).doesNotExist();
        assertThat(fixture.actions()).hasAtLeastOneElementOfType(RegistrationAction.class);
        assertThat(fixture.log()).contains("no report.json in mlops-reports/register-model");
    }

    private static RegistrationParameters withServer(final String server) {
        return new RegistrationParameters("churn", "model", null, null, null, null, null, null, null, server, null,
                null);
    }
}
