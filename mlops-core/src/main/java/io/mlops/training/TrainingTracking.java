package io.mlops.training;

import io.mlops.training.TrainingSpec.SecretRef;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The MLflow run a training logs into, and what the training process needs to find it: the standard variables
 * {@code MLFLOW_TRACKING_URI}, {@code MLFLOW_EXPERIMENT_ID} and {@code MLFLOW_RUN_ID}, with which
 * {@code mlflow.start_run()} in the team's code continues this run instead of making another. The token is only
 * ever a Secret reference ({@code MLFLOW_TRACKING_TOKEN} from {@code secretKeyRef}); a local process inherits it from
 * the environment it starts in.
 *
 * @param trackingUri  the tracking server's URL, or {@code null} for the local registry (then the training gets
 *                     no MLflow variables: the local registry has no server to log to)
 * @param experimentId the experiment, or {@code null} when there is no run
 * @param runId        the run, or {@code null} when there is none (no experiment given)
 * @param token        the Secret key with the server's token for a pod, or {@code null}
 */
public record TrainingTracking(String trackingUri, String experimentId, String runId, SecretRef token)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final String TRACKING_URI = "MLFLOW_TRACKING_URI";
    public static final String EXPERIMENT_ID = "MLFLOW_EXPERIMENT_ID";
    public static final String RUN_ID = "MLFLOW_RUN_ID";
    public static final String TRACKING_TOKEN = "MLFLOW_TRACKING_TOKEN";

    /** No run: the training logs nowhere. */
    public static final TrainingTracking NONE = new TrainingTracking(null, null, null, null);

    /** The plain variables for the training process (never the token), in a fixed order. */
    public Map<String, String> env() {
        var env = new LinkedHashMap<String, String>();
        if (trackingUri != null && runId != null) {
            env.put(TRACKING_URI, trackingUri);
            env.put(EXPERIMENT_ID, experimentId);
            env.put(RUN_ID, runId);
        }
        return env;
    }
}
