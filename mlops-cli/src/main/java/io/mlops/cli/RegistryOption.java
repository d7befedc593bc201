package io.mlops.cli;

import io.mlops.registry.ModelRegistry;
import io.mlops.registry.Registries;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Map;

/**
 * {@code --registry}: the local registry's directory, for the commands that use a registry (register, train, evaluate
 * against {@code models:/}); the MLflow server of {@code MLFLOW_TRACKING_URI} takes precedence.
 */
final class RegistryOption {
    @Option(names = "--registry", paramLabel = "DIR",
            description = "The local registry's directory when MLFLOW_TRACKING_URI is not set "
                    + "(default: $MLOPS_REGISTRY_DIR, else ~/.mlops/registry).")
    private Path directory;

    /** The MLflow server of the environment, else the local registry. */
    ModelRegistry open(final Map<String, String> env) {
        return Registries.fromEnvironment(env, directory);
    }
}
