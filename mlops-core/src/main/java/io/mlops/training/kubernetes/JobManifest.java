package io.mlops.training.kubernetes;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.mlops.training.TrainingJob;
import io.mlops.training.TrainingSpec;
import io.mlops.training.TrainingSpec.CodeSource;
import io.mlops.training.TrainingSpec.SecretRef;
import io.mlops.training.TrainingTracking;
import io.mlops.util.InputException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code batch/v1} Job of one training attempt, as a pure function of the spec: what {@code mlops train
 * --dry-run} prints is exactly what the runner creates. One pod, never restarted ({@code backoffLimit: 0},
 * {@code restartPolicy: Never}): the engine retries infrastructure failures itself, as new Jobs, and never a failing
 * training command. GPUs are the extended resource {@code nvidia.com/gpu} as a limit, their type a node selector on
 * {@code nvidia.com/gpu.product} (the label NVIDIA's GPU feature discovery sets), and GPU nodes' usual taint is
 * tolerated unless the spec lists its own tolerations. Secrets only ever appear as {@code secretKeyRef}s.
 */
public final class JobManifest {
    /** The training container's name. */
    public static final String CONTAINER = "trainer";
    /** The init container that clones the code. */
    public static final String CLONE_CONTAINER = "clone";
    public static final String GPU_RESOURCE = "nvidia.com/gpu";
    public static final String GPU_PRODUCT_LABEL = "nvidia.com/gpu.product";
    public static final String MANAGED_BY_LABEL = "app.kubernetes.io/managed-by";
    public static final String MANAGED_BY = "mlops";
    public static final String NAME_LABEL = "app.kubernetes.io/name";
    /** Names the Job on the Job and on its pods, so the pods of an attempt are found without Kubernetes' own labels. */
    public static final String INSTANCE_LABEL = "app.kubernetes.io/instance";
    public static final String ATTEMPT_LABEL = "mlops.io/attempt";
    /** Where the code is when it is cloned. */
    static final String WORKSPACE = "/workspace";
    private static final String CODE_VOLUME = "code";

    private JobManifest() {
    }

    /**
     * How Jobs are made beyond the spec.
     *
     * @param gitImage            the image of the clone init container (it needs {@code sh} and {@code git})
     * @param ttlAfterFinished    how long Kubernetes keeps a finished Job and its pod (for {@code kubectl logs})
     */
    public record Options(String gitImage, Duration ttlAfterFinished) {
        /** A pinned alpine/git, and a day to look at a finished Job. */
        public static final Options DEFAULT = new Options("alpine/git:2.47.2", Duration.ofDays(1));

        public Options {
            Objects.requireNonNull(gitImage, "gitImage");
            Objects.requireNonNull(ttlAfterFinished, "ttlAfterFinished");
        }
    }

    /**
     * The Job of an attempt.
     *
     * @param namespace the namespace, or {@code null} to leave it to the client (and to {@code kubectl apply})
     * @param timeLeft  the attempt's deadline ({@code activeDeadlineSeconds}, rounded up to whole seconds)
     * @throws InputException when the spec has no image
     */
    public static Job of(final TrainingSpec spec, final TrainingTracking tracking, final int attempt,
            final Duration timeLeft, final String namespace, final Options options) {
        if (spec.image() == null || spec.image().isBlank()) {
            throw new InputException("image: no container image given: the kubernetes runner runs the training in "
                    + "one, e.g. pytorch/pytorch:2.4.0-cuda12.1-cudnn9-runtime");
        }
        var name = TrainingJob.nameOf(spec, attempt);
        var labels = labels(spec, name, attempt);
        var pod = new PodSpecBuilder()
                .withRestartPolicy("Never")
                .withServiceAccountName(spec.placement().serviceAccount())
                .withNodeSelector(nodeSelector(spec).isEmpty() ? null : nodeSelector(spec))
                .withTolerations(tolerations(spec))
                .withInitContainers(cloneContainer(spec, options))
                .withContainers(trainer(spec, tracking))
                .withVolumes(volumes(spec))
                .build();
        return new JobBuilder()
                .withNewMetadata().withName(name).withNamespace(namespace).withLabels(labels).endMetadata()
                .withNewSpec()
                .withBackoffLimit(0)
                .withActiveDeadlineSeconds(Math.max(1, (timeLeft.toMillis() + 999) / 1000))
                .withTtlSecondsAfterFinished((int) Math.min(Integer.MAX_VALUE, options.ttlAfterFinished().toSeconds()))
                .withNewTemplate().withNewMetadata().withLabels(labels).endMetadata().withSpec(pod).endTemplate()
                .endSpec()
                .build();
    }

    /** The Job as YAML, as {@code kubectl get -o yaml} would show it. */
    public static String yaml(final Job job) {
        return Serialization.asYaml(job);
    }

    private static Map<String, String> labels(final TrainingSpec spec, final String name, final int attempt) {
        var labels = new LinkedHashMap<>(spec.labels());
        labels.put(MANAGED_BY_LABEL, MANAGED_BY);
        labels.put(NAME_LABEL, "mlops-training");
        labels.put(INSTANCE_LABEL, name);
        labels.put(ATTEMPT_LABEL, Integer.toString(attempt));
        return labels;
    }

    private static Map<String, String> nodeSelector(final TrainingSpec spec) {
        var selector = new LinkedHashMap<>(spec.placement().nodeSelector());
        var gpuType = spec.resources().gpuType();
        if (gpuType != null && !gpuType.isBlank()) {
            selector.put(GPU_PRODUCT_LABEL, gpuType);
        }
        return selector;
    }

    private static List<Toleration> tolerations(final TrainingSpec spec) {
        var tolerations = spec.placement().tolerations();
        if (tolerations.isEmpty() && spec.resources().gpus() > 0) {
            tolerations = List.of(TrainingSpec.Toleration.GPU);
        }
        return tolerations.stream().map(toleration -> new TolerationBuilder().withKey(toleration.key())
                .withOperator(toleration.operator()).withValue(toleration.value()).withEffect(toleration.effect())
                .build()).toList();
    }

    private static Container trainer(final TrainingSpec spec, final TrainingTracking tracking) {
        var env = new ArrayList<EnvVar>();
        var plain = new LinkedHashMap<>(tracking.env());
        plain.putAll(spec.env());
        plain.forEach((name, value) -> env.add(new EnvVarBuilder().withName(name).withValue(value).build()));
        if (tracking.token() != null && !spec.env().containsKey(TrainingTracking.TRACKING_TOKEN)
                && !spec.secretEnv().containsKey(TrainingTracking.TRACKING_TOKEN)) {
            env.add(secretVariable(TrainingTracking.TRACKING_TOKEN, tracking.token()));
        }
        spec.secretEnv().forEach((name, secret) -> env.add(secretVariable(name, secret)));
        return new ContainerBuilder()
                .withName(CONTAINER)
                .withImage(spec.image())
                .withCommand(spec.command())
                .withWorkingDir(workingDir(spec))
                .withEnv(env)
                .withResources(resources(spec))
                .withVolumeMounts(codeMount(spec))
                // the last lines of a failing run become the container's termination message: the one-line
                // explanation can quote the error even when the log was not read to the end
                .withTerminationMessagePolicy("FallbackToLogsOnError")
                .build();
    }

    private static EnvVar secretVariable(final String name, final SecretRef secret) {
        return new EnvVarBuilder().withName(name).withNewValueFrom().withNewSecretKeyRef().withName(secret.secret())
                .withKey(secret.key()).endSecretKeyRef().endValueFrom().build();
    }

    private static io.fabric8.kubernetes.api.model.ResourceRequirements resources(final TrainingSpec spec) {
        var resources = spec.resources();
        var requests = new LinkedHashMap<String, Quantity>();
        var limits = new LinkedHashMap<String, Quantity>();
        putQuantity(requests, "cpu", resources.cpuRequest());
        putQuantity(requests, "memory", resources.memoryRequest());
        putQuantity(limits, "cpu", resources.cpuLimit());
        putQuantity(limits, "memory", resources.memoryLimit());
        if (resources.gpus() > 0) {
            // an extended resource is requested as a limit; Kubernetes sets the request to the same
            limits.put(GPU_RESOURCE, new Quantity(Integer.toString(resources.gpus())));
        }
        return new ResourceRequirementsBuilder().withRequests(requests.isEmpty() ? null : requests)
                .withLimits(limits.isEmpty() ? null : limits).build();
    }

    private static void putQuantity(final Map<String, Quantity> quantities, final String name, final String value) {
        if (value != null && !value.isBlank()) {
            quantities.put(name, new Quantity(value));
        }
    }

    /** The code's root in the container: the clone, the mounted claim, or the image's own working directory. */
    private static String codeRoot(final TrainingSpec spec) {
        if (spec.code() instanceof CodeSource.GitClone) {
            return WORKSPACE;
        }
        if (spec.code() instanceof CodeSource.VolumeClaim claim) {
            return claim.mountPath();
        }
        return null;
    }

    private static String workingDir(final TrainingSpec spec) {
        var base = codeRoot(spec);
        var dir = spec.workingDir();
        if (dir != null && dir.startsWith("/")) {
            return dir;
        }
        if (base == null) {
            if (dir != null && !dir.isBlank()) {
                // container runtimes refuse a relative working directory when they create the container
                throw new InputException("workingDir: '" + dir + "' is relative, but the code is in the image: "
                        + "expected an absolute path such as /app/" + dir + ", or the code cloned from git");
            }
            return null;
        }
        if (dir == null || dir.isBlank() || dir.equals(".")) {
            return base;
        }
        return base.replaceAll("/+$", "") + "/" + dir;
    }

    private static List<VolumeMount> codeMount(final TrainingSpec spec) {
        var root = codeRoot(spec);
        return root == null ? List.of() : List.of(codeVolumeAt(root));
    }

    private static VolumeMount codeVolumeAt(final String path) {
        return new VolumeMountBuilder().withName(CODE_VOLUME).withMountPath(path).build();
    }

    private static List<Volume> volumes(final TrainingSpec spec) {
        if (spec.code() instanceof CodeSource.GitClone) {
            return List.of(new VolumeBuilder().withName(CODE_VOLUME).withNewEmptyDir().endEmptyDir().build());
        }
        if (spec.code() instanceof CodeSource.VolumeClaim claim) {
            return List.of(new VolumeBuilder().withName(CODE_VOLUME)
                    .withNewPersistentVolumeClaim(claim.claimName(), false).build());
        }
        return List.of();
    }

    /**
     * Clones the exact commit into the shared {@code emptyDir}. The URL, commit and token reach git as variables, so
     * the shell never parses them and the token is on no command line; a credential helper hands git the token.
     * The tree is made writable for the training container, which may run as another user.
     */
    private static List<Container> cloneContainer(final TrainingSpec spec, final Options options) {
        if (!(spec.code() instanceof CodeSource.GitClone clone)) {
            return List.of();
        }
        var env = new ArrayList<EnvVar>();
        env.add(new EnvVarBuilder().withName("GIT_URL").withValue(clone.url()).build());
        env.add(new EnvVarBuilder().withName("GIT_COMMIT").withValue(clone.commit()).build());
        if (clone.token() != null) {
            env.add(secretVariable("GIT_TOKEN", clone.token()));
        }
        var script = String.join("\n",
                "set -eu",
                "cd " + WORKSPACE,
                "git init -q .",
                "if [ -n \"${GIT_TOKEN:-}\" ]; then",
                "  git config credential.helper '!f() { echo username=x-access-token; echo \"password=$GIT_TOKEN\"; }; f'",
                "fi",
                "git fetch -q --depth 1 \"$GIT_URL\" \"$GIT_COMMIT\"",
                "git checkout -q FETCH_HEAD",
                "git config --unset credential.helper || true",
                "chmod -R a+rwX .",
                "echo \"checked out $(git rev-parse HEAD)\"");
        return List.of(new ContainerBuilder()
                .withName(CLONE_CONTAINER)
                .withImage(options.gitImage())
                .withCommand("sh", "-c", script)
                .withEnv(env)
                .withVolumeMounts(codeVolumeAt(WORKSPACE))
                .withTerminationMessagePolicy("FallbackToLogsOnError")
                .build());
    }
}
