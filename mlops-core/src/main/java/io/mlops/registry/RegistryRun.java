package io.mlops.registry;

/**
 * A run of a registry, holding a model's files and metrics: an MLflow run, or a run directory of the local
 * registry.
 *
 * @param runId        the run's id
 * @param experimentId its experiment
 * @param artifactRoot where its artifacts are ({@code mlflow-artifacts:/...} or a local directory)
 */
public record RegistryRun(String runId, String experimentId, String artifactRoot) {
    /** {@code runs:/RUN_ID/PATH}. */
    public String uri(final String artifactPath) {
        return "runs:/" + runId + (artifactPath.isEmpty() ? "" : "/" + artifactPath);
    }
}
