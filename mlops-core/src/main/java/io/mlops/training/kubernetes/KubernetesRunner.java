package io.mlops.training.kubernetes;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.mlops.training.LogCursor;
import io.mlops.training.TrainingJob;
import io.mlops.training.TrainingOutcome;
import io.mlops.training.TrainingPhase;
import io.mlops.training.TrainingRunner;
import io.mlops.training.TrainingSpec;
import io.mlops.training.TrainingStatus;
import io.mlops.training.TrainingTracking;
import io.mlops.util.InputException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Trains in a Kubernetes {@code batch/v1} Job (see {@link JobManifest}) through a fabric8 client that the caller
 * owns and this runner never closes — in Jenkins, the Kubernetes plugin's shared client of a configured cloud.
 * Each {@link #poll} reads the Job, its pod and the new log lines, and needs nothing but the {@link TrainingJob}
 * handle: after a controller restart a new runner goes on with the log where the last poll stopped.
 * {@link #stop} deletes the Job and its pods. Failures are explained by {@link PodDiagnosis}.
 */
public final class KubernetesRunner implements TrainingRunner {
    public static final String KIND = "kubernetes";
    /** How many log reads one poll makes at most before it lets the caller go on. */
    private static final int MAX_READS_PER_POLL = 16;

    private final KubernetesClient client;
    private final Settings settings;
    private final Clock clock;
    private final PodLog podLog;

    /**
     * How this runner works beyond the spec.
     *
     * @param namespace      the namespace when the spec names none, or {@code null} for the client's
     * @param pendingTimeout how long a pod may wait for a node, an image or its start before the step gives up
     *                       (a cluster autoscaler may take minutes to add a GPU node)
     * @param pollInterval   how often {@link io.mlops.training.TrainingLoop} polls
     * @param manifest       the clone image and how long finished Jobs stay
     * @param logBytes       the most log one request reads
     */
    public record Settings(String namespace, Duration pendingTimeout, Duration pollInterval,
            JobManifest.Options manifest, int logBytes) {
        public static final Settings DEFAULT = new Settings(null, Duration.ofMinutes(15), Duration.ofSeconds(2),
                JobManifest.Options.DEFAULT, 1 << 20);

        public Settings {
            Objects.requireNonNull(pendingTimeout, "pendingTimeout");
            Objects.requireNonNull(pollInterval, "pollInterval");
            Objects.requireNonNull(manifest, "manifest");
            if (logBytes < 1024) {
                throw new IllegalArgumentException("logBytes must be at least 1024, got " + logBytes);
            }
        }

        public Settings withNamespace(final String newNamespace) {
            return new Settings(newNamespace, pendingTimeout, pollInterval, manifest, logBytes);
        }

        public Settings withPendingTimeout(final Duration timeout) {
            return new Settings(namespace, timeout, pollInterval, manifest, logBytes);
        }

        public Settings withPollInterval(final Duration interval) {
            return new Settings(namespace, pendingTimeout, interval, manifest, logBytes);
        }

        public Settings withManifest(final JobManifest.Options options) {
            return new Settings(namespace, pendingTimeout, pollInterval, options, logBytes);
        }

        public Settings withLogBytes(final int bytes) {
            return new Settings(namespace, pendingTimeout, pollInterval, manifest, bytes);
        }
    }

    public KubernetesRunner(final KubernetesClient client, final Settings settings, final Clock clock) {
        this.client = Objects.requireNonNull(client, "client");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.podLog = new PodLog(client, settings.logBytes());
    }

    public KubernetesRunner(final KubernetesClient client, final Settings settings) {
        this(client, settings, Clock.systemUTC());
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Duration pollInterval() {
        return settings.pollInterval();
    }

    /** The namespace a spec's Jobs go to: the spec's, else the settings', else the client's, else default. */
    public String namespace(final TrainingSpec spec) {
        var namespace = spec.placement().namespace();
        if (namespace == null || namespace.isBlank()) {
            namespace = settings.namespace();
        }
        if (namespace == null || namespace.isBlank()) {
            namespace = client.getNamespace();
        }
        return namespace == null || namespace.isBlank() ? "default" : namespace;
    }

    /** The Job this runner creates for an attempt. */
    public Job manifest(final TrainingSpec spec, final TrainingTracking tracking, final int attempt,
            final Duration timeLeft) {
        return JobManifest.of(spec, tracking, attempt, timeLeft, namespace(spec), settings.manifest());
    }

    @Override
    public TrainingJob start(final TrainingSpec spec, final TrainingTracking tracking, final int attempt,
            final Duration timeLeft) {
        var job = manifest(spec, tracking, attempt, timeLeft);
        var namespace = job.getMetadata().getNamespace();
        var name = job.getMetadata().getName();
        try {
            client.batch().v1().jobs().inNamespace(namespace).resource(job).create();
        }
        catch (KubernetesClientException e) {
            throw KubernetesErrors.whileCreating(e, client.getMasterUrl().toString(), namespace, name);
        }
        return new TrainingJob(KIND, namespace, name, attempt, clock.instant(), LogCursor.START);
    }

    /**
     * The handle of a training Job found by name, to follow it from the start of its log (when no persisted handle
     * is at hand, e.g. from the command line).
     *
     * @throws InputException when there is no such Job, or mlops did not make it
     */
    public TrainingJob attach(final String namespace, final String name) {
        Job job;
        try {
            job = client.batch().v1().jobs().inNamespace(namespace).withName(name).get();
        }
        catch (KubernetesClientException e) {
            throw KubernetesErrors.whileCreating(e, client.getMasterUrl().toString(), namespace, name);
        }
        if (job == null) {
            throw new InputException("no Job named " + name + " in namespace " + namespace);
        }
        var labels = job.getMetadata().getLabels();
        if (labels == null || !JobManifest.MANAGED_BY.equals(labels.get(JobManifest.MANAGED_BY_LABEL))) {
            throw new InputException("the Job " + namespace + "/" + name + " was not made by mlops (no label "
                    + JobManifest.MANAGED_BY_LABEL + "=" + JobManifest.MANAGED_BY + ")");
        }
        int attempt = parseAttempt(labels.get(JobManifest.ATTEMPT_LABEL));
        var created = created(job).orElse(clock.instant());
        return new TrainingJob(KIND, namespace, name, attempt, created, LogCursor.START);
    }

    @Override
    public TrainingStatus poll(final TrainingJob handle, final Consumer<String> log) {
        try {
            var job = client.batch().v1().jobs().inNamespace(handle.namespace()).withName(handle.name()).get();
            if (job == null) {
                return TrainingStatus.ended(handle, TrainingOutcome.without(handle, TrainingPhase.ERROR, "the Job "
                        + handle.describe() + " is gone: deleted by someone, or removed by its TTL after it finished"));
            }
            var pod = newestPod(handle);
            var cursor = handle.log();
            if (pod != null && hasStarted(pod)) {
                cursor = readLog(handle, pod, cursor, log);
            }
            var waitingSince = pod != null ? created(pod) : created(job);
            var waiting = Duration.between(waitingSince.orElse(handle.submittedAt()), clock.instant());
            var diagnosis = PodDiagnosis.of(job, pod, pod == null ? latestWarning(handle) : null, waiting,
                    settings.pendingTimeout());
            var moved = handle.withLog(cursor);
            if (!diagnosis.phase().isFinished()) {
                return TrainingStatus.going(moved, diagnosis.phase(), diagnosis.text());
            }
            return TrainingStatus.ended(moved, outcome(handle, pod, diagnosis.phase(), diagnosis.text(),
                    diagnosis.exitCode()));
        }
        catch (KubernetesClientException e) {
            throw KubernetesErrors.whilePolling(e, client.getMasterUrl().toString(), handle.namespace());
        }
    }

    /** Reads the log to its current end (an ended container's to the very end), a bounded number of times. */
    private LogCursor readLog(final TrainingJob handle, final Pod pod, final LogCursor from,
            final Consumer<String> log) {
        var ended = hasEnded(pod);
        var cursor = from;
        for (int reads = 0; reads < MAX_READS_PER_POLL; reads++) {
            var read = podLog.read(handle.namespace(), pod.getMetadata().getName(), cursor, ended, log);
            cursor = read.cursor();
            if (!read.more()) {
                break;
            }
        }
        return cursor;
    }

    @Override
    public TrainingOutcome stop(final TrainingJob handle, final TrainingPhase phase, final String explanation) {
        try {
            // the facts first: a running attempt's end is now, and the pod is about to go
            var outcome = outcome(handle, newestPod(handle), phase, explanation, null);
            client.batch().v1().jobs().inNamespace(handle.namespace()).withName(handle.name())
                    .withPropagationPolicy(DeletionPropagation.BACKGROUND).delete();
            // the garbage collector deletes the pods too, but only eventually: a GPU is free only when its pod is gone
            client.pods().inNamespace(handle.namespace()).withLabel(JobManifest.INSTANCE_LABEL, handle.name()).delete();
            return outcome;
        }
        catch (KubernetesClientException e) {
            throw KubernetesErrors.whilePolling(e, client.getMasterUrl().toString(), handle.namespace());
        }
    }

    private TrainingOutcome outcome(final TrainingJob handle, final Pod pod, final TrainingPhase phase,
            final String explanation, final Integer exitCode) {
        if (pod == null) {
            return TrainingOutcome.without(handle, phase, explanation);
        }
        var status = PodDiagnosis.status(pod, JobManifest.CONTAINER, false);
        var container = PodDiagnosis.trainer(pod);
        var state = status.map(ContainerStatus::getState);
        var running = state.map(value -> value.getRunning());
        var terminated = state.map(value -> value.getTerminated());
        var startedAt = running.map(value -> value.getStartedAt()).or(() -> terminated.map(value ->
                value.getStartedAt())).flatMap(KubernetesRunner::instant);
        var finishedAt = terminated.map(value -> value.getFinishedAt()).flatMap(KubernetesRunner::instant)
                .or(() -> startedAt.map(start -> clock.instant()));
        var image = status.map(ContainerStatus::getImage).or(() -> container.map(value -> value.getImage()));
        var digest = status.map(ContainerStatus::getImageID).filter(id -> id.contains("@"))
                .map(id -> id.substring(id.indexOf('@') + 1));
        var gpus = container.map(value -> value.getResources()).map(resources -> resources.getLimits())
                .map(limits -> limits.get(JobManifest.GPU_RESOURCE)).map(quantity -> Integer.parseInt(
                        quantity.getAmount())).orElse(0);
        var node = pod.getSpec() == null ? null : pod.getSpec().getNodeName();
        return new TrainingOutcome(handle.name(), phase, exitCode, explanation, node, image.orElse(null),
                digest.orElse(null), gpus == 0 ? null : gpuType(pod, node), gpus, startedAt.orElse(null),
                finishedAt.orElse(null));
    }

    /** The GPU product the pod asked for, else the label of the node it ran on (when this client may read nodes). */
    private String gpuType(final Pod pod, final String node) {
        var selector = pod.getSpec().getNodeSelector();
        if (selector != null && selector.get(JobManifest.GPU_PRODUCT_LABEL) != null) {
            return selector.get(JobManifest.GPU_PRODUCT_LABEL);
        }
        if (node == null) {
            return null;
        }
        try {
            var found = client.nodes().withName(node).get();
            return found == null || found.getMetadata().getLabels() == null ? null
                    : found.getMetadata().getLabels().get(JobManifest.GPU_PRODUCT_LABEL);
        }
        catch (KubernetesClientException e) {
            return null; // reading nodes is a cluster-wide permission a build's service account often lacks
        }
    }

    private Pod newestPod(final TrainingJob handle) {
        var pods = client.pods().inNamespace(handle.namespace()).withLabel(JobManifest.INSTANCE_LABEL, handle.name())
                .list().getItems();
        return pods.stream().max(Comparator.comparing((Pod pod) -> created(pod).orElse(Instant.MIN))
                .thenComparing(pod -> pod.getMetadata().getName())).orElse(null);
    }

    /** The message of the Job's latest Warning event (e.g. "exceeded quota"), or {@code null}. */
    private String latestWarning(final TrainingJob handle) {
        try {
            return client.v1().events().inNamespace(handle.namespace())
                    .withField("involvedObject.name", handle.name()).list().getItems().stream()
                    .filter(event -> "Warning".equals(event.getType()) && event.getInvolvedObject() != null
                            && handle.name().equals(event.getInvolvedObject().getName()))
                    .max(Comparator.comparing(KubernetesRunner::eventTime))
                    .map(Event::getMessage).orElse(null);
        }
        catch (KubernetesClientException e) {
            return null; // events only explain; a service account that may not read them still trains
        }
    }

    private static String eventTime(final Event event) {
        var time = event.getLastTimestamp() != null ? event.getLastTimestamp() : event.getFirstTimestamp();
        return time == null ? "" : time;
    }

    private static boolean hasStarted(final Pod pod) {
        var state = PodDiagnosis.status(pod, JobManifest.CONTAINER, false).map(ContainerStatus::getState);
        return state.map(value -> value.getRunning() != null || value.getTerminated() != null).orElse(false);
    }

    private static boolean hasEnded(final Pod pod) {
        return PodDiagnosis.status(pod, JobManifest.CONTAINER, false).map(ContainerStatus::getState)
                .map(value -> value.getTerminated() != null).orElse(false);
    }

    private static Optional<Instant> created(final HasMetadata resource) {
        return instant(resource.getMetadata().getCreationTimestamp());
    }

    private static Optional<Instant> instant(final String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(text));
        }
        catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static int parseAttempt(final String label) {
        try {
            return label == null ? 0 : Integer.parseInt(label);
        }
        catch (NumberFormatException e) {
            return 0;
        }
    }
}
