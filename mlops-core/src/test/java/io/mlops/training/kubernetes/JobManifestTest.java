package io.mlops.training.kubernetes;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Toleration;
import io.mlops.training.TrainingSpec;
import io.mlops.training.TrainingSpec.CodeSource;
import io.mlops.training.TrainingSpec.Placement;
import io.mlops.training.TrainingSpec.Resources;
import io.mlops.training.TrainingSpec.SecretRef;
import io.mlops.training.TrainingTracking;
import io.mlops.util.InputException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JobManifestTest {
    private static final TrainingTracking TRACKING = new TrainingTracking("https://mlflow.example.com", "7",
            "4f2c9e", new SecretRef("mlflow", "token"));

    @Test
    void shouldAskForGpusAsALimitOnTheirProductAndTolerateTheGpuTaint() {
        var job = JobManifest.of(spec(new Resources(4, "NVIDIA-H100-80GB-HBM3", "16", "32", "64Gi", "64Gi"),
                Placement.DEFAULT, CodeSource.NONE), TRACKING, 0, Duration.ofHours(6), "ml",
                JobManifest.Options.DEFAULT);

        var pod = job.getSpec().getTemplate().getSpec();
        var trainer = pod.getContainers().get(0);
        assertThat(trainer.getResources().getLimits()).containsEntry("nvidia.com/gpu", new Quantity("4"))
                .containsEntry("memory", new Quantity("64Gi")).containsEntry("cpu", new Quantity("32"));
        assertThat(trainer.getResources().getRequests()).doesNotContainKey("nvidia.com/gpu")
                .containsEntry("cpu", new Quantity("16"));
        assertThat(pod.getNodeSelector()).containsExactly(Map.entry("nvidia.com/gpu.product", "NVIDIA-H100-80GB-HBM3"));
        assertThat(pod.getTolerations()).extracting(Toleration::getKey, Toleration::getOperator, Toleration::getEffect)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("nvidia.com/gpu", "Exists", "NoSchedule"));
    }

    @Test
    void shouldNeverRestartAndLeaveTheDeadlineAndCleanUpToKubernetes() {
        var job = JobManifest.of(spec(Resources.NONE, Placement.DEFAULT, CodeSource.NONE), TrainingTracking.NONE, 2,
                Duration.ofMillis(5_400_500), "ml", JobManifest.Options.DEFAULT);

        assertThat(job.getMetadata().getName()).isEqualTo("churn-r2");
        assertThat(job.getSpec().getBackoffLimit()).isZero();
        assertThat(job.getSpec().getActiveDeadlineSeconds()).isEqualTo(5401);
        assertThat(job.getSpec().getTtlSecondsAfterFinished()).isEqualTo(86_400);
        assertThat(job.getSpec().getTemplate().getSpec().getRestartPolicy()).isEqualTo("Never");
        assertThat(job.getSpec().getTemplate().getSpec().getTolerations()).isEmpty();
        assertThat(job.getMetadata().getLabels()).containsEntry("app.kubernetes.io/managed-by", "mlops")
                .containsEntry("app.kubernetes.io/instance", "churn-r2").containsEntry("mlops.io/attempt", "2")
                .containsEntry("team", "risk");
        assertThat(job.getSpec().getTemplate().getMetadata().getLabels()).isEqualTo(job.getMetadata().getLabels());
    }

    @Test
    void shouldUseTheSpecsOwnTolerationsInsteadOfTheDefault() {
        var placement = new Placement("ml", Map.of("pool", "a100"), List.of(new TrainingSpec.Toleration("dedicated",
                "Equal", "ml", "NoSchedule")), "trainer");

        var pod = JobManifest.of(spec(new Resources(1, null, null, null, null, null), placement, CodeSource.NONE),
                TrainingTracking.NONE, 0, Duration.ofHours(1), "ml", JobManifest.Options.DEFAULT).getSpec()
                .getTemplate().getSpec();

        assertThat(pod.getTolerations()).extracting(Toleration::getKey).containsExactly("dedicated");
        assertThat(pod.getNodeSelector()).containsExactly(Map.entry("pool", "a100"));
        assertThat(pod.getServiceAccountName()).isEqualTo("trainer");
    }

    @Test
    void shouldCloneTheExactCommitInAnInitContainerAndWorkInTheClone() {
        var code = new CodeSource.GitClone("https://git.example.com/ml/churn.git", "9fceb02d0ae598e95dc970b74767f19372d61af8",
                new SecretRef("git", "token"));

        var pod = JobManifest.of(spec(Resources.NONE, Placement.DEFAULT, code), TrainingTracking.NONE, 0,
                Duration.ofHours(1), "ml", JobManifest.Options.DEFAULT).getSpec().getTemplate().getSpec();

        var clone = pod.getInitContainers().get(0);
        assertThat(clone.getName()).isEqualTo("clone");
        assertThat(clone.getImage()).isEqualTo("alpine/git:2.47.2");
        assertThat(clone.getEnv()).extracting(EnvVar::getName, EnvVar::getValue).containsExactly(
                org.assertj.core.groups.Tuple.tuple("GIT_URL", "https://git.example.com/ml/churn.git"),
                org.assertj.core.groups.Tuple.tuple("GIT_COMMIT", "9fceb02d0ae598e95dc970b74767f19372d61af8"),
                org.assertj.core.groups.Tuple.tuple("GIT_TOKEN", null));
        assertThat(clone.getEnv().get(2).getValueFrom().getSecretKeyRef().getName()).isEqualTo("git");
        assertThat(String.join(" ", clone.getCommand())).contains("git fetch -q --depth 1 \"$GIT_URL\" \"$GIT_COMMIT\"")
                .doesNotContain("git.example.com");
        assertThat(clone.getVolumeMounts().get(0).getMountPath()).isEqualTo("/workspace");
        var trainer = pod.getContainers().get(0);
        assertThat(trainer.getWorkingDir()).isEqualTo("/workspace/training");
        assertThat(trainer.getVolumeMounts().get(0).getName()).isEqualTo(clone.getVolumeMounts().get(0).getName());
        assertThat(pod.getVolumes().get(0).getEmptyDir()).isNotNull();
    }

    @Test
    void shouldMountAVolumeClaimHoldingTheCode() {
        var pod = JobManifest.of(spec(Resources.NONE, Placement.DEFAULT, new CodeSource.VolumeClaim("churn-code",
                "/code")), TrainingTracking.NONE, 0, Duration.ofHours(1), "ml", JobManifest.Options.DEFAULT).getSpec()
                .getTemplate().getSpec();

        assertThat(pod.getInitContainers()).isEmpty();
        assertThat(pod.getVolumes().get(0).getPersistentVolumeClaim().getClaimName()).isEqualTo("churn-code");
        assertThat(pod.getContainers().get(0).getWorkingDir()).isEqualTo("/code/training");
    }

    @Test
    void shouldGiveTheTrainingItsMlflowRunWithTheTokenOnlyAsASecretReference() {
        var spec = new TrainingSpec("churn", "trainer:1", List.of("python", "train.py"), null,
                Map.of("EPOCHS", "3"), Map.of("HF_TOKEN", new SecretRef("hugging-face", "token")), null, null, null,
                null, 2, Map.of(), "churn");

        var job = JobManifest.of(spec, TRACKING, 0, Duration.ofHours(1), "ml", JobManifest.Options.DEFAULT);

        var env = job.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv();
        assertThat(env).extracting(EnvVar::getName).containsExactly("MLFLOW_TRACKING_URI", "MLFLOW_EXPERIMENT_ID",
                "MLFLOW_RUN_ID", "EPOCHS", "MLFLOW_TRACKING_TOKEN", "HF_TOKEN");
        assertThat(env.get(2).getValue()).isEqualTo("4f2c9e");
        assertThat(env.get(4).getValue()).isNull();
        assertThat(env.get(4).getValueFrom().getSecretKeyRef().getName()).isEqualTo("mlflow");
        assertThat(env.get(4).getValueFrom().getSecretKeyRef().getKey()).isEqualTo("token");
        assertThat(env.get(5).getValueFrom().getSecretKeyRef().getName()).isEqualTo("hugging-face");
    }

    @Test
    void shouldLetTheSpecPointThePodAtAnotherTrackingUri() {
        var spec = new TrainingSpec("churn", "trainer:1", List.of("python", "train.py"), null,
                Map.of("MLFLOW_TRACKING_URI", "http://mlflow.mlflow.svc:5000"), Map.of(), null, null, null, null, 2,
                Map.of(), "churn");

        var env = JobManifest.of(spec, TRACKING, 0, Duration.ofHours(1), "ml", JobManifest.Options.DEFAULT).getSpec()
                .getTemplate().getSpec().getContainers().get(0).getEnv();

        assertThat(env).filteredOn(variable -> variable.getName().equals("MLFLOW_TRACKING_URI"))
                .extracting(EnvVar::getValue).containsExactly("http://mlflow.mlflow.svc:5000");
    }

    @Test
    void shouldPrintYamlThatKubectlCanApply() {
        var job = JobManifest.of(spec(new Resources(1, "NVIDIA-A100-SXM4-80GB", null, null, "16Gi", "16Gi"),
                Placement.DEFAULT, CodeSource.NONE), TRACKING, 0, Duration.ofHours(6), null,
                JobManifest.Options.DEFAULT);

        var yaml = JobManifest.yaml(job);

        assertThat(yaml).startsWith("---\napiVersion: \"batch/v1\"\nkind: \"Job\"\n").contains("nvidia.com/gpu: \"1\"")
                .contains("activeDeadlineSeconds: 21600").contains("secretKeyRef:").doesNotContain("namespace:");
    }

    @Test
    void shouldNameTheMissingImage() {
        var spec = TrainingSpec.of("churn", List.of("python", "train.py"));

        assertThatThrownBy(() -> JobManifest.of(spec, TrainingTracking.NONE, 0, Duration.ofHours(1), "ml",
                JobManifest.Options.DEFAULT)).isInstanceOf(InputException.class).hasMessageStartingWith("image: no "
                + "container image given");
    }

    @Test
    void shouldRefuseARelativeWorkingDirectoryInTheImage() {
        assertThatThrownBy(() -> JobManifest.of(spec(Resources.NONE, Placement.DEFAULT, CodeSource.NONE, "training"),
                TrainingTracking.NONE, 0, Duration.ofHours(1), "ml", JobManifest.Options.DEFAULT))
                .isInstanceOf(InputException.class)
                .hasMessage("workingDir: 'training' is relative, but the code is in the image: expected an absolute "
                        + "path such as /app/training, or the code cloned from git");
    }

    private static TrainingSpec spec(final Resources resources, final Placement placement, final CodeSource code) {
        return spec(resources, placement, code, code == CodeSource.NONE ? "/app" : "training");
    }

    private static TrainingSpec spec(final Resources resources, final Placement placement, final CodeSource code,
            final String workingDir) {
        return new TrainingSpec("churn", "registry.example.com/churn-trainer:1.4", List.of("python", "train.py",
                "--epochs", "3"), workingDir, Map.of(), Map.of(), resources, placement, code, Duration.ofHours(6), 2,
                Map.of("team", "risk"), null);
    }
}
