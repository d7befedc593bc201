package io.mlops.registry;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * A model registry with runs and artifacts: an MLflow tracking server ({@link MlflowRegistry}) or the embedded
 * directory store ({@link LocalRegistry}) used when no server is configured. Both are real implementations of
 * the same operations; {@code registerModel} and {@code evaluate --baseline models:/...} are written against
 * this interface only.
 */
public interface ModelRegistry {
    /** The tag that makes registration idempotent: the build that registered the version. */
    String BUILD_ID_TAG = "mlops.build.id";

    /** Where the registry is, for logs and reports; never contains a secret. */
    String describe();

    /**
     * An existing run.
     *
     * @throws io.mlops.util.InputException when there is no such run
     */
    RegistryRun run(String runId);

    /**
     * The run of this build in an experiment (created with the experiment when missing): when {@code tags}
     * hold {@link #BUILD_ID_TAG} and a run of the experiment has the same and the same name, that run is
     * returned, so a retried registration uploads into the same run instead of making another. The name takes
     * part because one build may register several models into one experiment, each into a run of its own.
     */
    RegistryRun runFor(String experiment, String runName, Map<String, String> tags);

    /** Copies a file into a run's artifacts at a relative path ({@code model/model.onnx}). */
    void upload(RegistryRun run, Path file, String artifactPath) throws IOException;

    /** Copies an artifact of a run into a local file. */
    void download(String runId, String artifactPath, Path target) throws IOException;

    /** Records metrics on a run (its latest values). */
    void logMetrics(String runId, Map<String, Double> metrics);

    /**
     * Records the datasets a run used, by path and SHA-256 (MLflow: {@code runs/log-inputs}, shown as the run's
     * datasets in its UI).
     */
    void logDatasets(String runId, Map<String, String> sha256ByPath);

    /** The datasets recorded on a run, by path, with their SHA-256. */
    Map<String, String> runDatasets(String runId);

    /**
     * Sets tags on a run, replacing the values of tags it has (e.g. a training's lineage: image digest, node, GPU
     * hours).
     */
    void tagRun(String runId, Map<String, String> tags);

    /**
     * Ends a run that a process outside this registry logged into (a training): FINISHED or FAILED, now. The local
     * registry keeps no run status.
     */
    default void endRun(final String runId, final boolean succeeded) {
    }

    /**
     * The URL a training process logs into this registry's runs with ({@code MLFLOW_TRACKING_URI}), or empty when it
     * cannot (the local registry has no server).
     */
    default Optional<String> trackingUri() {
        return Optional.empty();
    }

    /** The latest value of each metric of a run. */
    Map<String, Double> runMetrics(String runId);

    /**
     * The location to register for a {@code runs:/RUN_ID/PATH} reference: the artifact URI of that path.
     *
     * @throws io.mlops.util.InputException when the run does not exist
     */
    String sourceOf(ModelUri runReference);

    /** A version of a model. */
    Optional<RegistryVersion> version(String name, String version);

    /** The model's highest version, if the model has any ({@code models:/NAME/latest}). */
    Optional<RegistryVersion> latestVersion(String name);

    /** The version an alias points at, if the model and the alias exist. */
    Optional<RegistryVersion> versionByAlias(String name, String alias);

    /**
     * Registers a version, creating the registered model when missing. Idempotent: when {@code tags} hold
     * {@link #BUILD_ID_TAG} and a version of the model already has the same value, that version is returned
     * and nothing is created, also when an earlier attempt's answer was lost.
     *
     * @return the version, and whether this call created it
     */
    Registered register(String name, String source, String runId, String description, Map<String, String> tags);

    /** {@link #register(String, String, String, String, Map)} without a description. */
    default Registered register(final String name, final String source, final String runId,
            final Map<String, String> tags) {
        return register(name, source, runId, null, tags);
    }

    /** Points an alias at a version, moving it if it pointed elsewhere. */
    void setAlias(String name, String alias, String version);

    /** Links for people: to the experiment, the run and the model version in the registry's UI, or none. */
    Links links(String experimentId, String runId, String name, String version);

    /**
     * The result of {@link #register}.
     *
     * @param version the version
     * @param created whether this call created it (false: it existed for this build)
     */
    record Registered(RegistryVersion version, boolean created) {
    }

    /**
     * Where people can look at what was registered; each {@code null} when the registry has no UI for it.
     *
     * @param experiment the experiment
     * @param run        the run
     * @param version    the model version
     */
    record Links(String experiment, String run, String version) {
    }
}
