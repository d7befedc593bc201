package io.jenkins.plugins.mlops.training;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.domains.URIRequirementBuilder;
import hudson.AbortException;
import hudson.FilePath;
import hudson.util.Secret;
import io.jenkins.plugins.mlops.registry.ConfiguredServers;
import io.jenkins.plugins.mlops.registry.MlflowServer;
import io.jenkins.plugins.mlops.registry.MlopsConfiguration;
import io.mlops.registry.ModelRegistry;
import io.mlops.registry.RegistryRun;
import io.mlops.training.TrainingSpec.SecretRef;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentCaptor;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockStatic;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class TrainModelExecutionTest {
    private static final String COMMAND = "python train.py --epochs 3";

    @TempDir
    private Path buildDir;
    private TrainingFixture fixture;

    @BeforeEach
    void createFixture() throws Exception {
        fixture = new TrainingFixture(buildDir);
    }

    @Test
    void shouldSubmitOnTheTimerAndNeverInTheVmThread() {
        var execution = execution(gpuStep());

        assertThat(execution.start()).isFalse();

        assertThat(fixture.runner.started).as("nothing submitted by start()").isEmpty();
        assertThat(fixture.timer().delays()).containsExactly(Duration.ZERO);

        fixture.timer().runPending();

        assertThat(fixture.runner.started).singleElement().satisfies(spec -> {
            assertThat(spec.name()).isEqualTo("churn-42");
            assertThat(spec.image()).isEqualTo("trainer:1.4");
            assertThat(spec.command()).containsExactly("python", "train.py", "--epochs", "3");
            assertThat(spec.resources().gpus()).isEqualTo(2);
        });
        assertThat(fixture.log()).contains("trainModel: training python train.py --epochs 3 in trainer:1.4 on "
                + "Kubernetes, 2 × NVIDIA-A100-SXM4-80GB", "[mlops] submitted Job ml/churn-42");
        assertThat(fixture.timer().delays()).containsExactly(TrainModelExecution.POLL_INTERVAL);
        verify(fixture.context()).saveState();
        assertThat(execution.getStatus()).isEqualTo("waiting for Job ml/churn-42, attempt 1, 0 log lines read");
    }

    @Test
    void shouldStreamTheLogAndReturnTheResultWhenTheTrainingSucceeds() {
        var execution = submitted(gpuStep());
        fixture.runner.write("epoch 1 loss 0.693");
        fixture.timer().runPending();
        fixture.runner.write("epoch 2 loss 0.512", "saved model/");
        fixture.runner.exit(0);
        fixture.advance(Duration.ofMinutes(90).plusSeconds(30));

        fixture.timer().runPending();

        assertThat(fixture.log()).containsSubsequence("epoch 1 loss 0.693", "epoch 2 loss 0.512", "saved model/",
                "trainModel: PASSED: Training churn-42 succeeded in 1 h 30 min on gpu-node-7");
        assertThat(fixture.log().split("epoch 1 loss", -1)).hasSize(2);
        var result = ArgumentCaptor.forClass(Object.class);
        verify(fixture.context()).onSuccess(result.capture());
        assertThat(result.getValue()).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .contains(entry("status", "PASSED"), entry("job", "churn-42"), entry("runId", null),
                        entry("exitCode", 0), entry("gpuHours", 3.0), entry("node", "gpu-node-7"),
                        entry("imageDigest", FakeRunner.DIGEST), entry("attempts", 1),
                        entry("reportDir", "the build directory (mlops/training-1)"))
                .containsKey("summary");
        assertThat(fixture.actions()).filteredOn(TrainingAction.class::isInstance).singleElement()
                .satisfies(action -> {
                    var training = (TrainingAction) action;
                    assertThat(training.getImageDigest()).isEqualTo(FakeRunner.DIGEST);
                    assertThat(training.getGpuHours()).isEqualTo("3.00");
                    assertThat(training.getNode()).isEqualTo("gpu-node-7");
                    assertThat(training.getAttemptRows()).singleElement()
                            .satisfies(row -> assertThat(row.phase()).isEqualTo("SUCCEEDED"));
                });
        assertThat(buildDir.resolve("mlops/training-1/report.json")).exists();
        assertThat(fixture.timer().hasPending()).isFalse();
        assertThat(execution.getStatus()).isEqualTo("finished");
    }

    @Test
    void shouldFailTheStepWithTheEnginesSentenceWhenTheCommandFails() {
        submitted(gpuStep());
        fixture.runner.write("ValueError: Input contains NaN");
        fixture.runner.exit(1);

        fixture.timer().runPending();

        var failure = ArgumentCaptor.forClass(Throwable.class);
        verify(fixture.context()).onFailure(failure.capture());
        assertThat(failure.getValue()).isInstanceOf(AbortException.class)
                .hasMessage("trainModel: Training churn-42 failed: the training command exited with 1.");
        verify(fixture.context(), never()).onSuccess(any());
        assertThat(fixture.actions()).hasAtLeastOneElementOfType(TrainingAction.class);
    }

    @Test
    void shouldGoOnFromThePersistedLogPositionAfterARestart() throws Exception {
        var execution = submitted(gpuStep());
        fixture.runner.write("epoch 1 loss 0.693", "epoch 2 loss 0.512");
        fixture.timer().runPending();

        var restored = restart(execution);
        fixture.runner.write("epoch 3 loss 0.430");
        restored.onResume();
        fixture.timer().runPending();

        assertThat(fixture.runner.polled).first().satisfies(job -> {
            assertThat(job.name()).isEqualTo("churn-42");
            assertThat(job.log().lines()).isEqualTo(2);
        });
        assertThat(fixture.log()).containsSubsequence("epoch 2 loss 0.512",
                "trainModel: Jenkins restarted; following Job ml/churn-42 again from log line 3",
                "epoch 3 loss 0.430");
        assertThat(fixture.log().split("epoch 2 loss", -1)).as("no line twice").hasSize(2);
        assertThat(fixture.timer().delays()).containsExactly(TrainModelExecution.POLL_INTERVAL);
    }

    @Test
    void shouldFailAfterARestartThatCameBeforeTheSubmission() throws Exception {
        var execution = execution(gpuStep());
        execution.start();

        var restored = restart(execution);
        restored.onResume();

        var failure = ArgumentCaptor.forClass(Throwable.class);
        verify(fixture.context()).onFailure(failure.capture());
        assertThat(failure.getValue()).isInstanceOf(AbortException.class)
                .hasMessage("trainModel: Jenkins restarted before the training was submitted; run the stage again");
        assertThat(fixture.runner.started).isEmpty();
    }

    @Test
    void shouldDeleteTheJobAndThenFailWithTheCauseWhenStopped() {
        var execution = submitted(gpuStep());
        fixture.runner.write("epoch 1 loss 0.693");
        fixture.timer().runPending();
        var cause = new AbortException("Aborted by alice");

        execution.stop(cause);

        verify(fixture.context(), never()).onFailure(any());
        assertThat(fixture.timer().delays()).containsExactly(Duration.ZERO);
        fixture.timer().runPending();
        assertThat(fixture.runner.stopped).containsExactly("churn-42");
        verify(fixture.context()).onFailure(cause);
        verify(fixture.context(), never()).onSuccess(any());
        assertThat(fixture.log()).contains("[mlops] the build was aborted (removed Job ml/churn-42)");
        assertThat(fixture.actions()).filteredOn(TrainingAction.class::isInstance).singleElement()
                .satisfies(action -> assertThat(((TrainingAction) action).getSummary())
                        .isEqualTo("Training churn-42 was aborted: the build was aborted."));
        assertThat(fixture.timer().hasPending()).isFalse();
    }

    @Test
    void shouldDropASubmissionThatHasNotBegunWhenStopped() {
        var execution = execution(gpuStep());
        execution.start();
        var cause = new AbortException("Aborted by alice");

        execution.stop(cause);

        verify(fixture.context()).onFailure(cause);
        assertThat(fixture.timer().hasPending()).isFalse();
        assertThat(fixture.runner.started).isEmpty();
    }

    @Test
    void shouldKeepPollingWhileTheCloudCannotBeReachedAndFailAtTheDeadline() {
        var step = gpuStep();
        step.setTimeout("2h");
        submitted(step);
        fixture.cloudDown = true;

        fixture.timer().runPending();
        fixture.timer().runPending();

        assertThat(fixture.log().split("cannot connect", -1)).as("said once").hasSize(2);
        assertThat(fixture.log()).contains("[mlops] cannot connect to Kubernetes cloud 'gpu-cluster': connect timed "
                + "out; asking again until the timeout");
        assertThat(fixture.timer().delays()).containsExactly(TrainModelExecution.POLL_INTERVAL);
        fixture.cloudDown = false;
        fixture.timer().runPending();
        assertThat(fixture.log()).contains("[mlops] Kubernetes cloud 'gpu-cluster' answers again");

        fixture.cloudDown = true;
        fixture.advance(Duration.ofHours(2));
        fixture.timer().runAll(3);

        var failure = ArgumentCaptor.forClass(Throwable.class);
        verify(fixture.context()).onFailure(failure.capture());
        assertThat(failure.getValue()).hasMessage("trainModel: timed out, and Job ml/churn-42 could not be deleted: "
                + "cannot connect to Kubernetes cloud 'gpu-cluster': connect timed out; Kubernetes ends it at its "
                + "deadline (activeDeadlineSeconds)");
        assertThat(fixture.timer().hasPending()).isFalse();
    }

    @Test
    void shouldFailWithOneLineNamingTheCloudsWhenTheCloudIsUnknown() {
        var step = gpuStep();
        step.setCloud("cpu-cluster");

        submitted(step);

        var failure = ArgumentCaptor.forClass(Throwable.class);
        verify(fixture.context()).onFailure(failure.capture());
        assertThat(failure.getValue()).isInstanceOf(AbortException.class).hasMessage("trainModel: cloud: no cloud "
                + "is named 'cpu-cluster': expected one of 'gpu-cluster' (Manage Jenkins » Clouds)");
        assertThat(fixture.runner.started).isEmpty();
        assertThat(fixture.timer().hasPending()).isFalse();
    }

    @Test
    void shouldCopyTheReportsIntoTheWorkspaceInsideANodeBlock(@TempDir final Path workspaceDir) throws Exception {
        var workspace = mock(FilePath.class);
        when(workspace.act(any(ReportsToWorkspace.class))).thenAnswer(invocation -> invocation
                .<ReportsToWorkspace>getArgument(0).invoke(workspaceDir.toFile(), null));
        fixture.workspace(workspace);
        submitted(gpuStep());
        fixture.runner.exit(0);

        fixture.timer().runPending();

        assertThat(workspaceDir.resolve("mlops-reports/train-model")).isDirectoryContaining("glob:**/report.json")
                .isDirectoryContaining("glob:**/junit.xml").isDirectoryContaining("glob:**/report.html");
        var result = ArgumentCaptor.forClass(Object.class);
        verify(fixture.context()).onSuccess(result.capture());
        assertThat(result.getValue()).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("reportDir", "mlops-reports/train-model");
    }

    @Test
    void shouldKeepSecretValuesOnlyInTheClustersSecret() throws Exception {
        var step = gpuStep();
        step.setSecretEnv("HF_TOKEN=huggingface-token");
        var token = mock(StringCredentials.class);
        var secret = mock(Secret.class);
        when(secret.getPlainText()).thenReturn("hf_s3cr3t");
        when(token.getSecret()).thenReturn(secret);
        try (var provider = mockStatic(CredentialsProvider.class)) {
            provider.when(() -> CredentialsProvider.findCredentialById(eq("huggingface-token"),
                    eq(StringCredentials.class), any(), any(List.class))).thenReturn(token);
            var execution = submitted(step);
            fixture.runner.exit(0);

            assertThat(fixture.runner.started).singleElement().satisfies(spec -> assertThat(spec.secretEnv())
                    .containsExactly(entry("HF_TOKEN", new SecretRef("churn-42-env", "HF_TOKEN"))));
            assertThat(fixture.secretSuppliers).singleElement()
                    .satisfies(values -> assertThat(values.get()).containsExactly(entry("HF_TOKEN", "hf_s3cr3t")));
            assertThat(new String(serialize(execution), StandardCharsets.ISO_8859_1)).doesNotContain("hf_s3cr3t");
            fixture.timer().runPending();
            provider.verify(() -> CredentialsProvider.track(fixture.run(), token), org.mockito.Mockito.atLeastOnce());
        }
        assertThat(fixture.log()).doesNotContain("hf_s3cr3t");
        assertThat(Files.readString(buildDir.resolve("mlops/training-1/report.json"))).doesNotContain("hf_s3cr3t")
                .contains("churn-42-env:HF_TOKEN");
    }

    @Test
    void shouldTrainIntoARunOfTheMlflowServerAndEndItWithTheLineage() throws Exception {
        var server = new MlflowServer("production", "https://mlflow.example.com");
        server.setCredentialsId("mlflow-token");
        when(fixture.jenkins().getGlobalConfiguration(MlopsConfiguration.class)).thenReturn(ConfiguredServers.of(server));
        var mlflow = mock(ModelRegistry.class);
        when(mlflow.runFor(eq("churn"), eq("churn-42"), any())).thenReturn(new RegistryRun("r1", "7", "artifacts"));
        when(mlflow.trackingUri()).thenReturn(Optional.of("https://mlflow.example.com"));
        when(mlflow.links("7", "r1", null, null)).thenReturn(new ModelRegistry.Links(
                "https://mlflow.example.com/#/experiments/7", "https://mlflow.example.com/#/experiments/7/runs/r1",
                null));
        fixture.mlflow = mlflow;
        var step = gpuStep();
        step.setServer("production");
        var token = mock(StringCredentials.class);
        var secret = mock(Secret.class);
        when(secret.getPlainText()).thenReturn("mlflow-s3cr3t");
        when(token.getSecret()).thenReturn(secret);
        try (var provider = mockStatic(CredentialsProvider.class);
                var domains = mockStatic(URIRequirementBuilder.class)) {
            var requirements = mock(URIRequirementBuilder.class);
            domains.when(() -> URIRequirementBuilder.fromUri(any())).thenReturn(requirements);
            provider.when(() -> CredentialsProvider.findCredentialById(eq("mlflow-token"), any(), any(),
                    any(List.class))).thenReturn(token);
            submitted(step);
            fixture.runner.exit(0);
            fixture.timer().runPending();

            assertThat(fixture.secretSuppliers).as("the cloud's runner, taken again for every poll").hasSize(2)
                    .allSatisfy(values -> assertThat(values.get())
                            .containsExactly(entry("MLFLOW_TRACKING_TOKEN", "mlflow-s3cr3t")));
        }

        assertThat(fixture.runner.started).singleElement().satisfies(spec -> {
            assertThat(spec.experiment()).as("the job's name").isEqualTo("churn");
            assertThat(spec.secretEnv()).containsExactly(entry("MLFLOW_TRACKING_TOKEN",
                    new SecretRef("churn-42-env", "MLFLOW_TRACKING_TOKEN")));
        });
        verify(mlflow).tagRun(eq("r1"), any());
        verify(mlflow).endRun("r1", true);
        var result = ArgumentCaptor.forClass(Object.class);
        verify(fixture.context()).onSuccess(result.capture());
        assertThat(result.getValue()).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("runId", "r1");
        assertThat(fixture.log()).contains("trainModel: MLflow run: https://mlflow.example.com/#/experiments/7/runs/r1")
                .doesNotContain("mlflow-s3cr3t");
    }

    /** A training on 2 A100s in the cloud, as a Jenkinsfile would ask for it. */
    private static TrainModelStep gpuStep() {
        var step = new TrainModelStep(COMMAND);
        step.setImage("trainer:1.4");
        step.setGpus(2);
        step.setGpuType("NVIDIA-A100-SXM4-80GB");
        return step;
    }

    /** The real execution, except that the stand-in base class cannot hand out the context. */
    private TrainModelExecution execution(final TrainModelStep step) {
        var execution = spy(new TrainModelExecution(fixture.context(), step.toParameters(), fixture.services()));
        doReturn(fixture.context()).when(execution).getContext();
        return execution;
    }

    private TrainModelExecution submitted(final TrainModelStep step) {
        var execution = execution(step);
        execution.start();
        fixture.timer().runPending();
        return execution;
    }

    /** The execution as the Pipeline saved it, loaded into a restarted controller (with a fresh cluster client). */
    private TrainModelExecution restart(final TrainModelExecution execution) throws Exception {
        var bytes = serialize(execution);
        fixture.restartController();
        try (var in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            var restored = spy((TrainModelExecution) in.readObject());
            restored.useServices(fixture.services());
            doReturn(fixture.context()).when(restored).getContext();
            return restored;
        }
    }

    private static byte[] serialize(final Object value) throws Exception {
        var bytes = new ByteArrayOutputStream();
        try (var out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        return bytes.toByteArray();
    }
}
