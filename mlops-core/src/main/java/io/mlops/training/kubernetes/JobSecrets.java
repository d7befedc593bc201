package io.mlops.training.kubernetes;

import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.mlops.training.RunnerUnavailableException;
import io.mlops.training.TrainingJob;
import io.mlops.training.TrainingOutcome;
import io.mlops.training.TrainingPhase;
import io.mlops.training.TrainingRunner;
import io.mlops.training.TrainingSpec;
import io.mlops.training.TrainingSpec.CodeSource.GitClone;
import io.mlops.training.TrainingSpec.SecretRef;
import io.mlops.training.TrainingStatus;
import io.mlops.training.TrainingTracking;
import io.mlops.util.InputException;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Secret values that a CI system holds (Jenkins credentials) as one Kubernetes Secret per training attempt, owned by
 * the attempt's Job: the pod sees them only through {@code secretKeyRef}s, they are never in the Job's manifest, a
 * log or a report, and they go when the Job goes (the garbage collector deletes an owned object with its owner).
 * The attempt's Secret is deleted as soon as the attempt has ended, too, rather than when the Job's TTL runs out.
 *
 * <p>Wraps the runner that creates the Jobs. The spec refers to the Secret of its first attempt,
 * {@link #reference(String, String) NAME-env}; for a retry {@code NAME-rN} the wrapper creates {@code NAME-rN-env}
 * with the values read again (credentials may have been rotated meanwhile) and hands the runner the spec with its
 * references renamed. The Secret is created before the Job, since a pod whose Secret is missing cannot start, and
 * made owned by the Job once the Job exists.
 */
public final class JobSecrets implements TrainingRunner {
    /** What the Secret's name adds to its Job's name. */
    public static final String SUFFIX = "-env";

    private final TrainingRunner runner;
    private final KubernetesClient client;
    private final Supplier<Map<String, String>> values;

    /**
     * Wraps a runner.
     *
     * @param runner the runner that creates the Jobs (a {@link KubernetesRunner} on the same cluster)
     * @param client the cluster's client; never closed here
     * @param values the Secret's keys and values, read for each attempt; none: no Secret is made
     */
    public JobSecrets(final TrainingRunner runner, final KubernetesClient client,
            final Supplier<Map<String, String>> values) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.client = Objects.requireNonNull(client, "client");
        this.values = Objects.requireNonNull(values, "values");
    }

    /** The name of the Secret of a Job. */
    public static String secretName(final String jobName) {
        return jobName + SUFFIX;
    }

    /**
     * How a spec refers to a key of its Secret: the Secret of the spec's first attempt.
     *
     * @param specName the spec's name
     * @param key      the key, e.g. the variable's name
     */
    public static SecretRef reference(final String specName, final String key) {
        return new SecretRef(secretName(specName), key);
    }

    @Override
    public String kind() {
        return runner.kind();
    }

    @Override
    public Duration pollInterval() {
        return runner.pollInterval();
    }

    @Override
    public TrainingJob start(final TrainingSpec spec, final TrainingTracking tracking, final int attempt,
            final Duration timeLeft) {
        var secretValues = values.get();
        if (secretValues.isEmpty()) {
            return runner.start(spec, tracking, attempt, timeLeft);
        }
        var jobName = TrainingJob.nameOf(spec, attempt);
        var namespace = namespace(spec);
        var secret = secretName(jobName);
        create(namespace, secret, jobName, secretValues);
        var first = secretName(spec.name());
        TrainingJob job;
        try {
            job = runner.start(renamed(spec, first, secret), renamed(tracking, first, secret), attempt, timeLeft);
        }
        catch (RuntimeException e) {
            delete(namespace, jobName);
            throw e;
        }
        own(job, secret);
        return job;
    }

    @Override
    public TrainingStatus poll(final TrainingJob job, final Consumer<String> log) {
        var status = runner.poll(job, log);
        if (status.phase().isFinished()) {
            delete(job.namespace(), job.name());
        }
        return status;
    }

    @Override
    public TrainingOutcome stop(final TrainingJob job, final TrainingPhase phase, final String explanation) {
        var outcome = runner.stop(job, phase, explanation);
        delete(job.namespace(), job.name());
        return outcome;
    }

    /** Where the runner puts the spec's Jobs. */
    private String namespace(final TrainingSpec spec) {
        if (runner instanceof KubernetesRunner kubernetes) {
            return kubernetes.namespace(spec);
        }
        var namespace = spec.placement().namespace();
        if (namespace == null || namespace.isBlank()) {
            namespace = client.getNamespace();
        }
        return namespace == null || namespace.isBlank() ? "default" : namespace;
    }

    /** Creates the attempt's Secret; one left by an earlier try of the same attempt (mlops's own) is replaced. */
    private void create(final String namespace, final String name, final String jobName,
            final Map<String, String> secretValues) {
        var secret = new SecretBuilder().withNewMetadata().withName(name).withNamespace(namespace)
                .addToLabels(JobManifest.MANAGED_BY_LABEL, JobManifest.MANAGED_BY)
                .addToLabels(JobManifest.INSTANCE_LABEL, jobName).endMetadata()
                .withType("Opaque").withStringData(new LinkedHashMap<>(secretValues)).build();
        var secrets = client.secrets().inNamespace(namespace);
        try {
            var existing = secrets.withName(name).get();
            if (existing == null) {
                secrets.resource(secret).create();
            }
            else if (isOurs(existing, jobName)) {
                secrets.resource(secret).update();
            }
            else {
                throw new InputException("secretEnv: a Secret named " + name + " already exists in namespace "
                        + namespace + " and mlops did not make it: pick another name for the training");
            }
        }
        catch (KubernetesClientException e) {
            throw refused(e, "create the Secret " + namespace + "/" + name, namespace);
        }
    }

    /** Makes the Job the Secret's owner; without that the Secret would outlive it, so the attempt is undone. */
    private void own(final TrainingJob job, final String secret) {
        try {
            var created = client.batch().v1().jobs().inNamespace(job.namespace()).withName(job.name()).get();
            if (created == null || created.getMetadata().getUid() == null) {
                throw new KubernetesClientException("the Job " + job.describe() + " is gone");
            }
            var owner = new OwnerReferenceBuilder().withApiVersion("batch/v1").withKind("Job")
                    .withName(job.name()).withUid(created.getMetadata().getUid()).build();
            client.secrets().inNamespace(job.namespace()).withName(secret)
                    .edit(found -> new SecretBuilder(found).editMetadata().withOwnerReferences(owner).endMetadata()
                            .build());
        }
        catch (KubernetesClientException e) {
            try {
                runner.stop(job, TrainingPhase.ERROR, "its Secret could not be given to it");
            }
            catch (RuntimeException stopFailed) {
                e.addSuppressed(stopFailed);
            }
            delete(job.namespace(), job.name());
            throw refused(e, "make the Job " + job.describe() + " own its Secret " + secret, job.namespace());
        }
    }

    /** Deletes the Secret of a Job, if mlops made one; a failure only leaves it to the garbage collector. */
    private void delete(final String namespace, final String jobName) {
        try {
            client.secrets().inNamespace(namespace).withLabel(JobManifest.MANAGED_BY_LABEL, JobManifest.MANAGED_BY)
                    .withLabel(JobManifest.INSTANCE_LABEL, jobName).delete();
        }
        catch (KubernetesClientException e) {
            // owned by the Job, the Secret goes with it at the latest
        }
    }

    private static boolean isOurs(final Secret secret, final String jobName) {
        var labels = secret.getMetadata().getLabels();
        return labels != null && JobManifest.MANAGED_BY.equals(labels.get(JobManifest.MANAGED_BY_LABEL))
                && jobName.equals(labels.get(JobManifest.INSTANCE_LABEL));
    }

    /** Submitting fails on any refusal; what may pass is said to be so (the values are never in the message). */
    private RuntimeException refused(final KubernetesClientException e, final String what, final String namespace) {
        if (KubernetesErrors.isTransient(e)) {
            return new RunnerUnavailableException("could not " + what + ": the Kubernetes API at "
                    + client.getMasterUrl() + " did not answer (" + e.getCode() + ")", e);
        }
        if (e.getCode() == 403) {
            return new InputException("secretEnv: could not " + what + ": forbidden (403); the service account "
                    + "needs create, get, update, patch and delete on secrets in namespace " + namespace);
        }
        return new InputException("secretEnv: could not " + what + ": the Kubernetes API answered " + e.getCode()
                + (e.getStatus() != null && e.getStatus().getMessage() != null ? ": " + e.getStatus().getMessage()
                : ""));
    }

    /** The spec with its references to the first attempt's Secret pointing at another's. */
    static TrainingSpec renamed(final TrainingSpec spec, final String from, final String to) {
        if (from.equals(to)) {
            return spec;
        }
        var secretEnv = new LinkedHashMap<String, SecretRef>();
        spec.secretEnv().forEach((variable, ref) -> secretEnv.put(variable, renamed(ref, from, to)));
        var code = spec.code() instanceof GitClone clone && clone.token() != null
                ? new GitClone(clone.url(), clone.commit(), renamed(clone.token(), from, to)) : spec.code();
        return new TrainingSpec(spec.name(), spec.image(), spec.command(), spec.workingDir(), spec.env(), secretEnv,
                spec.resources(), spec.placement(), code, spec.timeout(), spec.retries(), spec.labels(),
                spec.experiment());
    }

    private static TrainingTracking renamed(final TrainingTracking tracking, final String from, final String to) {
        if (tracking.token() == null || from.equals(to)) {
            return tracking;
        }
        return new TrainingTracking(tracking.trackingUri(), tracking.experimentId(), tracking.runId(),
                renamed(tracking.token(), from, to));
    }

    private static SecretRef renamed(final SecretRef ref, final String from, final String to) {
        return ref.secret().equals(from) ? new SecretRef(to, ref.key()) : ref;
    }
}
