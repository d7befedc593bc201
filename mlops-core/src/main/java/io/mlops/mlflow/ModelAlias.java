package io.mlops.mlflow;

/**
 * A named pointer to a model version ({@code RegisteredModelAlias} in {@code mlflow/protos/model_registry.proto}).
 *
 * @param alias   the alias, e.g. {@code champion}
 * @param version the version it points at
 */
public record ModelAlias(String alias, String version) {
}
