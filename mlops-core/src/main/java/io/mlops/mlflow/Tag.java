package io.mlops.mlflow;

/**
 * A key and value: a run tag, a parameter, an input tag, a registered model or model version tag
 * ({@code RunTag}, {@code Param}, {@code InputTag}, {@code ModelVersionTag} in MLflow's protos).
 *
 * @param key   the key
 * @param value the value
 */
public record Tag(String key, String value) {
}
