package io.mlops.lineage;

import java.io.Serializable;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One step's contribution to a build's lineage: what it used and produced (data digests, the training run,
 * the evaluation verdict, the model version and alias, later the rollout), and links to where people can look
 * at it (the MLflow UI). Small and serializable: the plugin carries it from the agent to the controller.
 *
 * @param step   the step's Pipeline name, e.g. {@code validateData}
 * @param at     when the step finished
 * @param status the step's status ({@code PASSED}, {@code FAILED}, ...)
 * @param facts  what the step recorded, by key (see the constants), in the step's order
 * @param links  titled links, e.g. {@code "MLflow model version" -> http://...}
 */
public record LineageEvent(String step, Instant at, String status, Map<String, String> facts,
        Map<String, String> links) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The git commit the build ran on. */
    public static final String GIT_COMMIT = "git.commit";
    public static final String GIT_BRANCH = "git.branch";
    public static final String GIT_URL = "git.url";
    /** A validated dataset's SHA-256; the path follows in {@link #DATASET_PATH}. */
    public static final String DATASET_SHA256 = "dataset.sha256";
    public static final String DATASET_PATH = "dataset.path";
    public static final String DATASET_ROWS = "dataset.rows";
    public static final String REFERENCE_SHA256 = "reference.sha256";
    public static final String REFERENCE_PATH = "reference.path";
    /** The evaluation's status and the digest of its predictions file. */
    public static final String EVALUATION_STATUS = "evaluation.status";
    public static final String PREDICTIONS_SHA256 = "predictions.sha256";
    public static final String PREDICTIONS_PATH = "predictions.path";
    /** Key metrics are recorded as {@code metric.<name>}. */
    public static final String METRIC_PREFIX = "metric.";
    public static final String BASELINE = "baseline";
    /** The MLflow run the training logged into: what registerModel uploads the model into. */
    public static final String TRAINING_RUN = "training.run";
    /** Where and how the training ran: the last attempt's Job (or process), its runner, image and node. */
    public static final String TRAINING_JOB = "training.job";
    public static final String TRAINING_RUNNER = "training.runner";
    public static final String TRAINING_COMMAND = "training.command";
    public static final String TRAINING_IMAGE = "training.image";
    public static final String TRAINING_IMAGE_DIGEST = "training.image.digest";
    public static final String TRAINING_NODE = "training.node";
    public static final String TRAINING_GPU_TYPE = "training.gpu.type";
    public static final String TRAINING_GPUS = "training.gpus";
    /** GPUs × wall hours over all attempts. */
    public static final String TRAINING_GPU_HOURS = "training.gpu_hours";
    public static final String TRAINING_EXIT_CODE = "training.exit_code";
    public static final String TRAINING_STARTED = "training.started";
    public static final String TRAINING_FINISHED = "training.finished";
    public static final String TRAINING_ATTEMPTS = "training.attempts";
    public static final String MLFLOW_EXPERIMENT = "mlflow.experiment";
    public static final String MLFLOW_RUN = "mlflow.run";
    public static final String MODEL_NAME = "model.name";
    public static final String MODEL_VERSION = "model.version";
    public static final String MODEL_ALIAS = "model.alias";
    public static final String MODEL_URI = "model.uri";
    public static final String MODEL_SOURCE = "model.source";
    public static final String REGISTRY = "registry";

    /** Copies the maps, keeping their order. */
    public LineageEvent {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(status, "status");
        facts = facts == null ? Map.of() : unmodifiable(facts);
        links = links == null ? Map.of() : unmodifiable(links);
    }

    /** The value of a fact. */
    public String fact(final String key) {
        return facts.get(key);
    }

    private static Map<String, String> unmodifiable(final Map<String, String> map) {
        var copy = new LinkedHashMap<String, String>();
        map.forEach((key, value) -> {
            if (key != null && value != null) {
                copy.put(key, value);
            }
        });
        return java.util.Collections.unmodifiableMap(copy);
    }
}
