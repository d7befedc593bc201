package io.jenkins.plugins.mlops.evaluation;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.domains.URIRequirementBuilder;
import hudson.AbortException;
import hudson.FilePath;
import hudson.model.Action;
import hudson.util.Secret;
import io.jenkins.plugins.mlops.lineage.LineageAction;
import io.jenkins.plugins.mlops.registry.ConfiguredServers;
import io.jenkins.plugins.mlops.registry.MlflowServer;
import io.jenkins.plugins.mlops.registry.MlopsConfiguration;
import io.mlops.lineage.LineageFile;
import io.mlops.report.Status;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentCaptor;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockStatic;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

class ModelEvaluationTest {
    private static final EvaluationParameters PARAMETERS = Steps.everyParameterSet().toParameters();
    private static final String URL = "https://mlflow.example.com";
    private static final String TOKEN = "s3cr3t-t0ken";

    @Test
    void shouldEvaluateOnTheAgentKeepTheReportAndAddAnAction(@TempDir final Path buildDir) throws Exception {
        var fixture = new EvaluationFixture(buildDir, EvaluationFixture.summary(Status.PASSED, List.of()));
        var callable = ArgumentCaptor.forClass(EvaluateOnAgent.class);
        var action = ArgumentCaptor.forClass(Action.class);

        var summary = fixture.evaluation().evaluate(PARAMETERS);

        assertThat(summary.status()).isEqualTo(Status.PASSED);
        verify(fixture.workspace()).act(callable.capture());
        assertThat(callable.getValue().parameters()).isEqualTo(PARAMETERS);
        assertThat(buildDir.resolve("mlops/evaluation-1/report.json")).isNotEmptyFile();
        verify(fixture.run(), times(2)).addAction(action.capture());
        assertThat(action.getAllValues().get(0)).isInstanceOfSatisfying(EvaluationAction.class, added -> {
            assertThat(added.getUrlName()).isEqualTo("mlops-evaluation-1");
            assertThat(added.getReport()).isNotNull();
        });
        assertThat(action.getAllValues().get(1)).isInstanceOf(LineageAction.class);
        assertThat(LineageFile.read(buildDir.resolve("mlops/lineage.json")).events()).as("no commit known")
                .containsExactly(summary.lineage());
        assertThat(fixture.log()).contains(
                "evaluateModel: evaluating eval/candidate.csv (binary) against eval/production.csv",
                "evaluateModel: PASSED: A sentence about PASSED.",
                "evaluateModel: reports in mlops-reports/evaluate-model; see 'Model metrics: eval/candidate.csv'");
    }

    @Test
    void shouldWarnWhenThePredictionsAreReadInsideTheController(@TempDir final Path buildDir) throws Exception {
        var fixture = new EvaluationFixture(buildDir, EvaluationFixture.summary(Status.PASSED, List.of()));
        when(fixture.workspace().isRemote()).thenReturn(false);

        fixture.evaluation().evaluate(PARAMETERS);

        assertThat(fixture.log()).contains("evaluateModel: warning: this workspace is on the built-in node");
    }

    @Test
    void shouldNotWarnOnAnAgent(@TempDir final Path buildDir) throws Exception {
        var fixture = new EvaluationFixture(buildDir, EvaluationFixture.summary(Status.PASSED, List.of()));

        fixture.evaluation().evaluate(PARAMETERS);

        assertThat(fixture.log()).doesNotContain("warning");
    }

    @Test
    void shouldStillRecordTheSummaryWithoutAReportFile(@TempDir final Path buildDir) throws Exception {
        var fixture = new EvaluationFixture(buildDir, EvaluationFixture.summary(Status.PASSED, List.of()));
        when(fixture.workspace().child("mlops-reports/evaluate-model/report.json")).thenReturn(mock(FilePath.class));

        fixture.evaluation().evaluate(PARAMETERS);

        assertThat(buildDir.resolve("mlops/evaluation-1/report.json")).doesNotExist();
        assertThat(fixture.log()).contains("no report.json in mlops-reports/evaluate-model");
    }

    @Test
    void shouldLookUpTheServerAndItsCredentialsOnTheControllerAndSendThemOnlyInMemory(@TempDir final Path buildDir)
            throws Exception {
        var fixture = new EvaluationFixture(buildDir, EvaluationFixture.summary(Status.PASSED, List.of()));
        var server = new MlflowServer("production", URL);
        server.setCredentialsId("mlflow-token");
        configure(fixture, server);
        var callable = ArgumentCaptor.forClass(EvaluateOnAgent.class);

        try (var provider = mockStatic(CredentialsProvider.class);
                var domains = mockStatic(URIRequirementBuilder.class)) {
            domains.when(() -> URIRequirementBuilder.fromUri(URL)).thenReturn(mock(URIRequirementBuilder.class));
            var token = token();
            provider.when(() -> CredentialsProvider.findCredentialById(eq("mlflow-token"), any(),
                    eq(fixture.run()), any())).thenReturn(token);

            fixture.evaluation().evaluate(Steps.registeredBaseline().toParameters());

            provider.verify(() -> CredentialsProvider.track(fixture.run(), token));
        }
        verify(fixture.workspace()).act(callable.capture());
        var sent = callable.getValue();
        assertThat(sent.parameters().baseline()).isEqualTo("models:/churn@champion");
        assertThat(sent.registry()).hasToString("MLflow at https://mlflow.example.com with a bearer token");
        assertThat(sent.toString()).doesNotContain(TOKEN);
        assertThat(fixture.log()).contains("evaluateModel: evaluating eval/candidate.csv (binary) against "
                + "models:/churn@champion in MLflow server 'production'").doesNotContain(TOKEN);
    }

    @Test
    void shouldReadABaselineFromTheLocalRegistryWithoutAskingForServers(@TempDir final Path buildDir)
            throws Exception {
        var fixture = new EvaluationFixture(buildDir, EvaluationFixture.summary(Status.PASSED, List.of()));
        var step = Steps.registeredBaseline();
        step.setServer(null);
        var callable = ArgumentCaptor.forClass(EvaluateOnAgent.class);

        fixture.evaluation().evaluate(step.toParameters());

        verify(fixture.workspace()).act(callable.capture());
        assertThat(callable.getValue().registry()).hasToString("the embedded local registry in registry");
        verifyNoInteractions(fixture.jenkins());
        assertThat(fixture.log()).contains("against models:/churn@champion in the embedded local registry");
    }

    @Test
    void shouldFailInOneLineBeforeTheAgentWhenMoreThanOneBaselineIsGiven(@TempDir final Path buildDir)
            throws Exception {
        var fixture = new EvaluationFixture(buildDir, EvaluationFixture.summary(Status.PASSED, List.of()));
        var step = Steps.registeredBaseline();
        step.setBaselineMetrics("eval/production-metrics.json");

        assertThatThrownBy(() -> fixture.evaluation().evaluate(step.toParameters()))
                .isInstanceOf(AbortException.class)
                .hasMessage("evaluateModel: give one baseline: baselinePredictions, baselineMetrics or baseline, "
                        + "not baselineMetrics and baseline");
        verify(fixture.workspace(), never()).act(any(EvaluateOnAgent.class));
        verifyNoInteractions(fixture.jenkins());
    }

    @Test
    void shouldRefuseARunReferenceAsTheBaseline(@TempDir final Path buildDir) throws Exception {
        var fixture = new EvaluationFixture(buildDir, EvaluationFixture.summary(Status.PASSED, List.of()));
        var step = Steps.registeredBaseline();
        step.setBaseline("runs:/4f2c9e1/model");

        assertThatThrownBy(() -> fixture.evaluation().evaluate(step.toParameters()))
                .isInstanceOf(AbortException.class)
                .hasMessage("evaluateModel: baseline: runs:/4f2c9e1/model is a run's artifact, not a registered "
                        + "model: expected models:/NAME@ALIAS, models:/NAME/VERSION or models:/NAME/latest (register "
                        + "it with registerModel to compare with it)");
        verify(fixture.workspace(), never()).act(any(EvaluateOnAgent.class));
    }

    @Test
    void shouldFailInOneLineListingTheServersWhenTheNameIsUnknown(@TempDir final Path buildDir) throws Exception {
        var fixture = new EvaluationFixture(buildDir, EvaluationFixture.summary(Status.PASSED, List.of()));
        configure(fixture, new MlflowServer("staging", "https://staging.example.com"));

        assertThatThrownBy(() -> fixture.evaluation().evaluate(Steps.registeredBaseline().toParameters()))
                .isInstanceOf(AbortException.class)
                .hasMessageStartingWith("evaluateModel: server: no MLflow server is named 'production': expected one "
                        + "of 'staging'").hasMessageNotContaining("\n");
        verify(fixture.workspace(), never()).act(any(EvaluateOnAgent.class));
    }

    @Test
    void shouldSayThatAServerWithoutABaselineIsNotUsed(@TempDir final Path buildDir) throws Exception {
        var fixture = new EvaluationFixture(buildDir, EvaluationFixture.summary(Status.PASSED, List.of()));
        var step = Steps.everyParameterSet();
        step.setServer("production");
        var callable = ArgumentCaptor.forClass(EvaluateOnAgent.class);

        fixture.evaluation().evaluate(step.toParameters());

        verify(fixture.workspace()).act(callable.capture());
        assertThat(callable.getValue().registry()).isNull();
        verifyNoInteractions(fixture.jenkins());
        assertThat(fixture.log()).contains("evaluateModel: no baseline given, so server and localRegistry are not "
                + "used");
    }

    private static void configure(final EvaluationFixture fixture, final MlflowServer... servers) {
        when(fixture.jenkins().getGlobalConfiguration(MlopsConfiguration.class))
                .thenReturn(ConfiguredServers.of(servers));
    }

    private static StringCredentials token() {
        var secret = mock(Secret.class);
        when(secret.getPlainText()).thenReturn(TOKEN);
        var token = mock(StringCredentials.class);
        when(token.getSecret()).thenReturn(secret);
        return token;
    }
}
