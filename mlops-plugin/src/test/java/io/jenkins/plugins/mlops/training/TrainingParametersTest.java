package io.jenkins.plugins.mlops.training;

import io.mlops.registry.BuildInfo;
import io.mlops.training.TrainingSpec;
import io.mlops.training.TrainingSpec.CodeSource;
import io.mlops.training.TrainingSpec.SecretRef;
import io.mlops.training.TrainingSpec.Toleration;
import io.mlops.util.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

class TrainingParametersTest {
    private static final BuildInfo BUILD = new BuildInfo("42", "https://jenkins.example.com/job/churn/42/", "churn",
            "0123456789abcdef", "main", "https://github.com/acme/churn.git");
    private static final TrainingCall CALL = new TrainingCall("churn", 42, 1, BUILD, null, List.of());

    @Test
    void shouldTranslateEveryParameterIntoTheSpec() {
        var step = new TrainModelStep("python train.py --lr 0.01 --name 'my run'");
        step.setImage("ghcr.io/acme/trainer:1.4");
        step.setName("Churn Classifier");
        step.setWorkingDir("src");
        step.setEnv("EPOCHS=3\n# a comment\nLAYERS=64,128\nOPTS=a=b\n");
        step.setGpus(2);
        step.setGpuType("NVIDIA-A100-SXM4-80GB");
        step.setCpu("8");
        step.setCpuLimit("16");
        step.setMemory("32Gi");
        step.setMemoryLimit("64Gi");
        step.setNodeSelector("pool=gpu\nzone=eu-west-1a");
        step.setTolerations("dedicated=ml:NoSchedule\nspot\nnvidia.com/gpu:NoExecute");
        step.setServiceAccount("trainer");
        step.setNamespace("ml");
        step.setTimeout("1h30m");
        step.setRetries(4);
        step.setExperiment("churn-experiments");

        var spec = step.toParameters().toSpec(new TrainingCall("churn", 42, 1, BUILD, "ml", List.of()));

        assertThat(spec.name()).isEqualTo("churn-classifier-42");
        assertThat(spec.image()).isEqualTo("ghcr.io/acme/trainer:1.4");
        assertThat(spec.command()).containsExactly("python", "train.py", "--lr", "0.01", "--name", "my run");
        assertThat(spec.workingDir()).isEqualTo("src");
        assertThat(spec.env()).containsExactly(entry("EPOCHS", "3"), entry("LAYERS", "64,128"), entry("OPTS", "a=b"));
        assertThat(spec.resources()).isEqualTo(new TrainingSpec.Resources(2, "NVIDIA-A100-SXM4-80GB", "8", "16",
                "32Gi", "64Gi"));
        assertThat(spec.placement().namespace()).isEqualTo("ml");
        assertThat(spec.placement().nodeSelector()).containsExactly(entry("pool", "gpu"),
                entry("zone", "eu-west-1a"));
        assertThat(spec.placement().tolerations()).containsExactly(
                new Toleration("dedicated", "Equal", "ml", "NoSchedule"), new Toleration("spot", "Exists", null, null),
                new Toleration("nvidia.com/gpu", "Exists", null, "NoExecute"));
        assertThat(spec.placement().serviceAccount()).isEqualTo("trainer");
        assertThat(spec.timeout()).isEqualTo(Duration.ofMinutes(90));
        assertThat(spec.retries()).isEqualTo(4);
        assertThat(spec.experiment()).isEqualTo("churn-experiments");
        assertThat(spec.code()).isEqualTo(CodeSource.NONE);
        assertThat(spec.secretEnv()).isEmpty();
    }

    @Test
    void shouldTakeTheCommandAsAListWordByWord() {
        var step = new TrainModelStep(List.of("python", "train.py", "--name", "my run", 3));
        step.setImage("trainer:1.4");

        assertThat(step.toParameters().toSpec(CALL).command()).containsExactly("python", "train.py", "--name",
                "my run", "3");
    }

    @Test
    void shouldUseTheDefaults() {
        var step = new TrainModelStep("python train.py");
        step.setImage("trainer:1.4");

        var parameters = step.toParameters();
        var spec = parameters.toSpec(CALL);

        assertThat(spec.name()).isEqualTo("churn-42");
        assertThat(spec.timeout()).isEqualTo(TrainingSpec.DEFAULT_TIMEOUT);
        assertThat(spec.retries()).isEqualTo(TrainingSpec.DEFAULT_RETRIES);
        assertThat(spec.resources()).isEqualTo(TrainingSpec.Resources.NONE);
        assertThat(spec.placement().namespace()).isNull();
        assertThat(spec.experiment()).isNull();
        assertThat(parameters.reportDir()).isEqualTo("mlops-reports/train-model");
        assertThat(parameters.runnerKind()).isEqualTo(TrainingParameters.Runner.KUBERNETES);
    }

    @Test
    void shouldNameTheExperimentAfterTheJobWhenAServerIsGivenWithoutOne() {
        var step = new TrainModelStep("python train.py");
        step.setImage("trainer:1.4");
        step.setServer("production");

        assertThat(step.toParameters().toSpec(new TrainingCall("ml/churn", 42, 1, BUILD, null, List.of()))
                .experiment()).isEqualTo("ml/churn");
    }

    @Test
    void shouldReferToTheTrainingsSecretForEverySecretKeyAndNeverHoldAValue() {
        var step = new TrainModelStep("python train.py");
        step.setImage("trainer:1.4");
        step.setSecretEnv("HF_TOKEN=huggingface-token\nWANDB_API_KEY=wandb");
        step.setGitClone(true);
        step.setGitCredentialsId("github-token");
        var call = new TrainingCall("churn", 42, 2, BUILD, null, List.of("HF_TOKEN", "WANDB_API_KEY",
                "MLFLOW_TRACKING_TOKEN", TrainingParameters.GIT_TOKEN));

        var parameters = step.toParameters();
        var spec = parameters.toSpec(call);

        assertThat(parameters.secretVariables()).containsExactly(entry("HF_TOKEN", "huggingface-token"),
                entry("WANDB_API_KEY", "wandb"));
        assertThat(spec.name()).isEqualTo("churn-42-2");
        assertThat(spec.secretEnv()).containsExactly(entry("HF_TOKEN", new SecretRef("churn-42-2-env", "HF_TOKEN")),
                entry("WANDB_API_KEY", new SecretRef("churn-42-2-env", "WANDB_API_KEY")),
                entry("MLFLOW_TRACKING_TOKEN", new SecretRef("churn-42-2-env", "MLFLOW_TRACKING_TOKEN")));
        assertThat(spec.code()).isEqualTo(new CodeSource.GitClone("https://github.com/acme/churn.git",
                "0123456789abcdef", new SecretRef("churn-42-2-env", "GIT_TOKEN")));
    }

    @Test
    void shouldMountAVolumeClaimWhereItSays() {
        var step = new TrainModelStep("python train.py");
        step.setImage("trainer:1.4");

        step.setVolumeClaim("training-code");
        assertThat(step.toParameters().toSpec(CALL).code())
                .isEqualTo(new CodeSource.VolumeClaim("training-code", "/workspace"));
        step.setVolumeClaim("training-code:/src");
        assertThat(step.toParameters().toSpec(CALL).code())
                .isEqualTo(new CodeSource.VolumeClaim("training-code", "/src"));
    }

    @Test
    void shouldRequireTheBuildsCommitToCloneIt() {
        var step = new TrainModelStep("python train.py");
        step.setImage("trainer:1.4");
        step.setGitClone(true);
        var withoutGit = new TrainingCall("churn", 42, 1, BuildInfo.NONE, null, List.of());

        assertThatThrownBy(() -> step.toParameters().toSpec(withoutGit)).isInstanceOf(InputException.class)
                .hasMessage("gitClone: the build has no GIT_URL and GIT_COMMIT: expected a checkout with the Git "
                        + "plugin (checkout scm) before trainModel, or an image that holds the code");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "|trainer:1.4|KUBERNETES",
            "||LOCAL",
            "local|trainer:1.4|LOCAL",
            "Kubernetes|trainer:1.4|KUBERNETES"})
    void shouldPickTheRunnerFromTheImageUnlessGiven(final String runner, final String image,
            final TrainingParameters.Runner expected) {
        var step = new TrainModelStep("python train.py");
        step.setRunner(runner);
        step.setImage(image);

        assertThat(step.toParameters().runnerKind()).isEqualTo(expected);
    }

    @Test
    void shouldRunLocallyWithoutAnImageInTheSpec() {
        var step = new TrainModelStep("python train.py");
        step.setImage("trainer:1.4");
        step.setRunner("local");

        assertThat(step.toParameters().toSpec(CALL).image()).isNull();
    }

    @ParameterizedTest
    @CsvSource({"6h, PT6H", "90m, PT1H30M", "1h30m, PT1H30M", "45s, PT45S", "120, PT2H", "2H 15M, PT2H15M",
            "1d, PT24H", "PT6H, PT6H"})
    void shouldReadTimeouts(final String text, final Duration expected) {
        assertThat(TrainingParameters.timeoutOf(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"soon", "6 hours", "0", "0m", "1w", "-5m", "PT-1H", "P"})
    void shouldRejectTimeoutsThatAreNoDuration(final String text) {
        assertThatThrownBy(() -> TrainingParameters.timeoutOf(text)).isInstanceOf(InputException.class)
                .hasMessageStartingWith("timeout: ");
    }

    @Test
    void shouldNameWhatIsWrongInOneLine() {
        assertThat(message(step -> step.setRunner("slurm"))).isEqualTo("runner: 'slurm' is not a runner: expected "
                + "kubernetes or local");
        assertThat(message(step -> {
            step.setRunner("kubernetes");
            step.setImage(null);
        })).isEqualTo("image: the kubernetes runner needs the training container's image, such as "
                + "ghcr.io/acme/trainer:1.4");
        assertThat(message(step -> step.setEnv("EPOCHS"))).isEqualTo("env: 'EPOCHS' is not a pair: expected "
                + "KEY=value, one per line");
        assertThat(message(step -> step.setSecretEnv("HF_TOKEN=a\nHF_TOKEN=b"))).isEqualTo("secretEnv: 'HF_TOKEN' is "
                + "given twice: expected each key once");
        assertThat(message(step -> step.setTolerations("dedicated=ml:Sometimes"))).isEqualTo("tolerations: "
                + "'dedicated=ml:Sometimes' is not a taint: expected key=value:Effect, key:Effect or key, with Effect "
                + "NoSchedule, PreferNoSchedule or NoExecute");
        assertThat(message(step -> step.setVolumeClaim("code:relative"))).isEqualTo("volumeClaim: 'code:relative' is "
                + "not a claim: expected CLAIM or CLAIM:/mount/path, such as training-code:/workspace");
        assertThat(message(step -> {
            step.setGitClone(true);
            step.setVolumeClaim("code");
        })).isEqualTo("gitClone: the code comes either from a git clone or from volumeClaim, not both: expected one "
                + "of them");
        assertThat(message(step -> step.setGitCredentialsId("github"))).isEqualTo("gitCredentialsId: given without "
                + "gitClone: expected gitClone: true");
        assertThat(message(step -> step.setMemory("lots"))).startsWith("memory: 'lots' is not a Kubernetes quantity");
        assertThat(message(step -> step.setRetries(11))).isEqualTo("retries: expected 0 to 10, got 11");
    }

    @Test
    void shouldExpandBuildVariablesInEveryTextParameter() {
        var step = new TrainModelStep("python train.py --run $BUILD_NUMBER");
        step.setImage("trainer:${TAG}");
        step.setEnv("COMMIT=$GIT_COMMIT");
        var variables = Map.of("$BUILD_NUMBER", "42", "${TAG}", "1.4", "$GIT_COMMIT", "abc");

        var expanded = step.toParameters().expand(text -> {
            var result = text;
            for (var variable : variables.entrySet()) {
                result = result.replace(variable.getKey(), variable.getValue());
            }
            return result;
        });

        assertThat(expanded.command()).containsExactly("python", "train.py", "--run", "42");
        assertThat(expanded.image()).isEqualTo("trainer:1.4");
        assertThat(expanded.env()).isEqualTo("COMMIT=abc");
    }

    @Test
    void shouldDescribeWhatRunsWhere() {
        var step = new TrainModelStep("python train.py");
        assertThat(step.toParameters().describe()).isEqualTo("python train.py as a local process in the workspace");
        step.setImage("trainer:1.4");
        step.setCloud("gpu-cluster");
        step.setGpus(1);
        assertThat(step.toParameters().describe()).isEqualTo("python train.py in trainer:1.4 on Kubernetes (cloud "
                + "'gpu-cluster'), 1 × GPU");
    }

    private static String message(final java.util.function.Consumer<TrainModelStep> change) {
        var step = new TrainModelStep("python train.py");
        step.setImage("trainer:1.4");
        change.accept(step);
        try {
            var parameters = step.toParameters();
            parameters.secretVariables();
            parameters.toSpec(CALL);
        } catch (InputException e) {
            return e.getMessage();
        }
        throw new AssertionError("no error");
    }
}
