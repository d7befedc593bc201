package io.mlops.training.kubernetes;

import io.fabric8.kubernetes.api.model.ContainerStateBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.mlops.training.TrainingPhase;
import io.mlops.training.TrainingSpec;
import io.mlops.training.TrainingSpec.CodeSource;
import io.mlops.training.TrainingSpec.Resources;
import io.mlops.training.TrainingSpec.SecretRef;
import io.mlops.training.TrainingTracking;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The statuses Kubernetes writes, one by one, and the line each becomes. */
class PodDiagnosisTest {
    private static final Duration PENDING_TIMEOUT = Duration.ofMinutes(15);
    private final Job job = JobManifest.of(new TrainingSpec("churn", "trainer:1", List.of("python", "train.py"),
            null, Map.of(), Map.of("HF_TOKEN", new SecretRef("hf", "token")), new Resources(1, null, null, null, null,
            null), null, new CodeSource.GitClone("https://git.example.com/churn.git", "9fceb02"), null, 0, Map.of(),
            null), TrainingTracking.NONE, 0, Duration.ofHours(1), "ml", JobManifest.Options.DEFAULT);

    @Test
    void shouldRetryAPodPreemptedByTheScheduler() {
        var pod = pod().editStatus().withPhase("Failed").addToConditions(new PodConditionBuilder()
                .withType("DisruptionTarget").withStatus("True").withReason("PreemptionByScheduler")
                .withMessage("ml/inference-7f9 needs the GPU").build()).endStatus().build();

        var diagnosis = diagnose(pod);

        assertThat(diagnosis.phase()).isEqualTo(TrainingPhase.INTERRUPTED);
        assertThat(diagnosis.text()).isEqualTo("preempted by a higher-priority pod: ml/inference-7f9 needs the GPU");
    }

    @Test
    void shouldRetryAPodWhoseNodeWasLost() {
        var pod = pod().editStatus().withPhase("Failed").addToConditions(new PodConditionBuilder()
                .withType("DisruptionTarget").withStatus("True").withReason("DeletionByTaintManager")
                .withMessage("Taint manager: deleting due to NoExecute taint").build()).endStatus().build();

        assertThat(diagnose(pod).phase()).isEqualTo(TrainingPhase.INTERRUPTED);
        assertThat(diagnose(pod).text()).startsWith("the node became unavailable (NoExecute taint)");
    }

    @Test
    void shouldFailAtOnceWhenASecretIsMissing() {
        var pod = pod().editStatus().withContainerStatuses(new ContainerStatusBuilder().withName("trainer")
                .withImage("trainer:1").withState(new ContainerStateBuilder().withNewWaiting()
                        .withReason("CreateContainerConfigError").withMessage("secret \"hf\" not found").endWaiting()
                        .build()).build()).endStatus().build();

        var diagnosis = diagnose(pod);

        assertThat(diagnosis.phase()).isEqualTo(TrainingPhase.ERROR);
        assertThat(diagnosis.text()).isEqualTo("cannot start the trainer container: secret \"hf\" not found");
    }

    @Test
    void shouldSayWhyTheCodeCouldNotBeCloned() {
        var pod = pod().editStatus().withInitContainerStatuses(new ContainerStatusBuilder().withName("clone")
                .withState(new ContainerStateBuilder().withNewTerminated().withExitCode(128)
                        .withMessage("fatal: remote error: upload-pack: not our ref 9fceb02\n").endTerminated().build())
                .build()).endStatus().build();

        var diagnosis = diagnose(pod);

        assertThat(diagnosis.phase()).isEqualTo(TrainingPhase.ERROR);
        assertThat(diagnosis.text()).isEqualTo("cannot clone https://git.example.com/churn.git at 9fceb02: git exited "
                + "with code 128: fatal: remote error: upload-pack: not our ref 9fceb02");
    }

    @Test
    void shouldNameTheNodeSelectorNoNodeMatches() {
        var pod = pod().editSpec().withNodeSelector(Map.of("nvidia.com/gpu.product", "NVIDIA-B200")).endSpec()
                .editStatus().withPhase("Pending").addToConditions(new PodConditionBuilder().withType("PodScheduled")
                        .withStatus("False").withReason("Unschedulable").withMessage("0/5 nodes are available: 5 "
                                + "node(s) didn't match Pod's node affinity/selector.").build()).endStatus().build();

        var diagnosis = diagnose(pod);

        assertThat(diagnosis.phase()).isEqualTo(TrainingPhase.PENDING);
        assertThat(diagnosis.text()).isEqualTo("no node matches the node selector {nvidia.com/gpu.product=NVIDIA-B200} "
                + "(Unschedulable: 0/5 nodes are available: 5 node(s) didn't match Pod's node affinity/selector.)");
    }

    @Test
    void shouldKeepWaitingWhileAnImagePullIsRetried() {
        var pod = pod().editStatus().withContainerStatuses(new ContainerStatusBuilder().withName("trainer")
                .withImage("trainer:1").withState(new ContainerStateBuilder().withNewWaiting().withReason("ErrImagePull")
                        .withMessage("i/o timeout").endWaiting().build()).build()).endStatus().build();

        assertThat(diagnose(pod).phase()).isEqualTo(TrainingPhase.PENDING);
        assertThat(diagnose(pod).text()).isEqualTo("pulling image trainer:1 failed, retrying: i/o timeout");
    }

    @Test
    void shouldExplainAJobWithoutPodsWithItsWarning() {
        var diagnosis = PodDiagnosis.of(job, null, "pods \"churn-x\" is forbidden: exceeded quota: gpu, requested: "
                + "requests.nvidia.com/gpu=1, used: requests.nvidia.com/gpu=8, limited: requests.nvidia.com/gpu=8",
                Duration.ofMinutes(20), PENDING_TIMEOUT);

        assertThat(diagnosis.phase()).isEqualTo(TrainingPhase.ERROR);
        assertThat(diagnosis.text()).startsWith("still pending after 20 min 00 s: waiting for the Job's pod: pods "
                + "\"churn-x\" is forbidden: exceeded quota: gpu");
    }

    @Test
    void shouldExplainAnOutOfMemoryKillWithoutALimit() {
        var pod = pod().editStatus().withContainerStatuses(new ContainerStatusBuilder().withName("trainer")
                .withState(new ContainerStateBuilder().withNewTerminated().withExitCode(137).withReason("OOMKilled")
                        .endTerminated().build()).build()).endStatus().build();

        var diagnosis = diagnose(pod);

        assertThat(diagnosis.phase()).isEqualTo(TrainingPhase.FAILED);
        assertThat(diagnosis.text()).isEqualTo("the training container ran out of memory with no memory limit set "
                + "(the node ran out); set memory and memory limit");
    }

    private PodBuilder pod() {
        var template = job.getSpec().getTemplate();
        return new PodBuilder().withNewMetadata().withName("churn-abcde").endMetadata()
                .withSpec(template.getSpec()).withNewStatus().withPhase("Pending").endStatus();
    }

    private PodDiagnosis.Diagnosis diagnose(final Pod pod) {
        return PodDiagnosis.of(job, pod, null, Duration.ofMinutes(1), PENDING_TIMEOUT);
    }
}
