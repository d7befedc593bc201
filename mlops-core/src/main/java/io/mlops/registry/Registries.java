package io.mlops.registry;

import io.mlops.mlflow.MlflowClient;
import io.mlops.mlflow.MlflowConnection;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Picks the registry: the MLflow tracking server when one is configured, otherwise the embedded local
 * directory registry ({@code $MLOPS_REGISTRY_DIR}, by default {@code ~/.mlops/registry}).
 */
public final class Registries {
    /** The variable naming the local registry's directory. */
    public static final String LOCAL_DIRECTORY_VARIABLE = "MLOPS_REGISTRY_DIR";

    private Registries() {
    }

    /** MLflow when a connection is given, else the local registry in {@code localDirectory}. */
    public static ModelRegistry open(final Optional<MlflowConnection> server, final Path localDirectory) {
        return server.<ModelRegistry>map(connection -> new MlflowRegistry(MlflowClient.connect(connection)))
                .orElseGet(() -> new LocalRegistry(localDirectory));
    }

    /**
     * The registry the environment configures: MLflow when {@code MLFLOW_TRACKING_URI} is set (with its token or
     * user and password variables), else the local registry.
     *
     * @param env            the environment, e.g. {@link System#getenv()}
     * @param localDirectory the local registry's directory, or {@code null} for {@link #localDirectory(Map)}
     */
    public static ModelRegistry fromEnvironment(final Map<String, String> env, final Path localDirectory) {
        var uri = env.get(MlflowConnection.TRACKING_URI);
        var server = uri == null || uri.isBlank() ? Optional.<MlflowConnection>empty()
                : Optional.of(MlflowConnection.fromEnvironment(env));
        return open(server, localDirectory != null ? localDirectory : localDirectory(env));
    }

    /** {@code $MLOPS_REGISTRY_DIR}, or {@code ~/.mlops/registry}. */
    public static Path localDirectory(final Map<String, String> env) {
        var configured = env.get(LOCAL_DIRECTORY_VARIABLE);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("user.home"), ".mlops", "registry");
    }
}
