package io.jenkins.plugins.mlops.training;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.util.Secret;
import io.jenkins.plugins.mlops.lineage.LineageAction;
import io.mlops.report.Status;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockStatic;
import static org.mockito.Mockito.when;

/**
 * The freestyle build step end to end: with the local runner a real process in a real (temporary) workspace, with
 * the Kubernetes runner the fake cluster, both blocking the calling thread until the training has ended.
 */
class TrainModelBuilderTest {
    @TempDir
    private Path buildDir;
    @TempDir
    private Path workspaceDir;
    private TrainingFixture fixture;
    private FilePath workspace;

    @BeforeEach
    void createBuild() throws Exception {
        fixture = new TrainingFixture(buildDir);
        workspace = mock(FilePath.class);
        when(workspace.isRemote()).thenReturn(true);
        when(workspace.act(any(TrainOnAgent.class))).thenAnswer(invocation -> invocation
                .<TrainOnAgent>getArgument(0).invoke(workspaceDir.toFile(), null));
        when(workspace.act(any(ReportsToWorkspace.class))).thenAnswer(invocation -> invocation
                .<ReportsToWorkspace>getArgument(0).invoke(workspaceDir.toFile(), null));
        when(workspace.child(anyString())).thenAnswer(invocation -> file(invocation.getArgument(0)));
    }

    @Test
    void shouldRunTheCommandInTheWorkspaceWithItsSecretsAndRecordTheTraining() throws Exception {
        var step = new TrainModelStep("/bin/sh -c 'echo epoch 1 loss 0.693; case \"$HF_TOKEN\" in hf_*) "
                + "echo token ok;; esac; echo job $JOB_NAME'");
        step.setSecretEnv("HF_TOKEN=huggingface-token");
        step.setReportDir("reports/${STAGE}");

        try (var ignored = huggingFaceToken()) {
            builder(step).perform(fixture.run(), workspace, environment(), mock(Launcher.class), fixture.listener());
        }

        assertThat(fixture.log()).contains("trainModel: training /bin/sh -c", "as a local process in the workspace",
                "epoch 1 loss 0.693", "token ok", "job churn", "trainModel: PASSED: Training churn-42 succeeded",
                "trainModel: reports in reports/train; see 'Model training: churn-42' on the build page")
                .doesNotContain("hf_s3cr3t");
        assertThat(workspaceDir.resolve("reports/train/report.json")).exists();
        assertThat(buildDir.resolve("mlops/training-1/report.json")).hasSameTextualContentAs(
                workspaceDir.resolve("reports/train/report.json"));
        assertThat(Files.readString(workspaceDir.resolve("reports/train/report.json"))).doesNotContain("hf_s3cr3t");
        assertThat(fixture.actions()).filteredOn(TrainingAction.class::isInstance).singleElement()
                .satisfies(action -> {
                    var training = (TrainingAction) action;
                    assertThat(training.getStatus()).isEqualTo(Status.PASSED);
                    assertThat(training.getRunner()).isEqualTo("local");
                    assertThat(training.getExitCode()).isZero();
                    assertThat(training.getImage()).isNull();
                });
        assertThat(fixture.actions()).hasAtLeastOneElementOfType(LineageAction.class);
    }

    @Test
    void shouldFailTheBuildWithTheEnginesSentenceWhenTheCommandFails() {
        var step = new TrainModelStep(List.of("/bin/sh", "-c", "echo 'ValueError: Input contains NaN' >&2; exit 3"));

        assertThatThrownBy(() -> builder(step).perform(fixture.run(), workspace, environment(),
                mock(Launcher.class), fixture.listener())).isInstanceOf(AbortException.class)
                .hasMessageStartingWith("trainModel: Training churn-42 failed: ");
        assertThat(fixture.log()).contains("ValueError: Input contains NaN");
        assertThat(fixture.actions()).hasAtLeastOneElementOfType(TrainingAction.class);
    }

    @Test
    void shouldFollowAKubernetesTrainingFromTheControllerAndCopyItsReportsIntoTheWorkspace() throws Exception {
        var step = new TrainModelStep("python train.py");
        step.setImage("trainer:1.4");
        step.setGpus(2);
        fixture.runner.write("epoch 1 loss 0.693");
        fixture.runner.exit(0);

        builder(step).perform(fixture.run(), workspace, environment(), mock(Launcher.class), fixture.listener());

        assertThat(fixture.runner.started).singleElement()
                .satisfies(spec -> assertThat(spec.name()).isEqualTo("churn-42"));
        assertThat(fixture.log()).contains("[mlops] submitted Job ml/churn-42", "epoch 1 loss 0.693",
                "trainModel: PASSED: Training churn-42 succeeded",
                "trainModel: reports in mlops-reports/train-model; see 'Model training: churn-42' on the build page");
        assertThat(buildDir.resolve("mlops/training-1/report.json")).exists();
        assertThat(workspaceDir.resolve("mlops-reports/train-model/report.json")).exists();
    }

    @Test
    void shouldRejectAMalformedParameterInOneLine() {
        var step = new TrainModelStep("python train.py");
        step.setRunner("slurm");

        assertThatThrownBy(() -> builder(step).perform(fixture.run(), workspace, environment(),
                mock(Launcher.class), fixture.listener())).isInstanceOf(AbortException.class)
                .hasMessage("trainModel: runner: 'slurm' is not a runner: expected kubernetes or local");
    }

    @Test
    void shouldOfferItselfToJobDslUnderItsSymbol() {
        assertThat(TrainModelBuilder.DescriptorImpl.class.getAnnotation(Symbol.class).value())
                .containsExactly("trainMlModel");
    }

    private TrainModelBuilder builder(final TrainModelStep step) {
        return new TrainModelBuilder(step, fixture.services());
    }

    /** The build's environment, expanding {@code ${STAGE}} as Jenkins would. */
    private EnvVars environment() {
        var env = new EnvVars() {
            private static final long serialVersionUID = 1L;

            @Override
            public String expand(final String text) {
                return text.replace("${STAGE}", "train");
            }
        };
        env.putAll(fixture.env());
        env.put("PATH", System.getenv("PATH"));
        return env;
    }

    private static org.mockito.MockedStatic<CredentialsProvider> huggingFaceToken() {
        var secret = mock(Secret.class);
        when(secret.getPlainText()).thenReturn("hf_s3cr3t");
        var token = mock(StringCredentials.class);
        when(token.getSecret()).thenReturn(secret);
        var provider = mockStatic(CredentialsProvider.class);
        provider.when(() -> CredentialsProvider.findCredentialById(eq("huggingface-token"),
                eq(StringCredentials.class), any(), any(List.class))).thenReturn(token);
        return provider;
    }

    /** A file of the workspace as FilePath shows it, for the copy of report.json into the build directory. */
    private FilePath file(final String path) throws Exception {
        var file = mock(FilePath.class);
        var real = workspaceDir.resolve(path);
        when(file.exists()).thenAnswer(invocation -> Files.exists(real));
        doAnswer(invocation -> {
            Files.copy(real, invocation.<OutputStream>getArgument(0));
            return null;
        }).when(file).copyTo(any(OutputStream.class));
        return file;
    }
}
