package io.jenkins.plugins.mlops.registry;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Run;
import io.jenkins.plugins.mlops.util.JenkinsFacade;
import io.jenkins.plugins.mlops.util.WorkspacePaths;
import io.mlops.registry.ModelRegistry;
import io.mlops.registry.Registries;
import io.mlops.util.InputException;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static io.jenkins.plugins.mlops.util.ParameterText.blankToNull;

/**
 * The model registry that a step's {@code server} and {@code localRegistry} name ({@link RegistryStep}): made on the
 * controller, where the server is looked up in the global configuration and its credentials for the build, carried
 * to the agent inside the step's callable, and opened there, where the workspace is. The secret exists only in
 * memory ({@link MlflowLogin}); {@link #toString()} shows none.
 */
public final class RegistryTarget implements Serializable {
    private static final long serialVersionUID = 1L;

    private final MlflowLogin login;
    private final String localRegistry;
    private final String registryDirectory;

    RegistryTarget(@CheckForNull final MlflowLogin login, @CheckForNull final String localRegistry,
            @CheckForNull final String registryDirectory) {
        this.login = login;
        this.localRegistry = blankToNull(localRegistry);
        this.registryDirectory = blankToNull(registryDirectory);
    }

    /**
     * Looks up the registry of a build, on the controller.
     *
     * @param server        the name of a configured MLflow server, or {@code null} for the embedded local registry
     * @param localRegistry the local registry's directory in the workspace, or {@code null} for the default
     * @param run           the build, whose credentials are looked up
     * @param env           its environment, whose {@code $MLOPS_REGISTRY_DIR} is the local registry's default
     * @param jenkins       reaches the global configuration
     * @return the registry, ready to travel to the agent
     * @throws InputException when no server has that name, or its URL or credentials cannot be used by the build
     */
    public static RegistryTarget of(@CheckForNull final String server, @CheckForNull final String localRegistry,
            final Run<?, ?> run, final Map<String, String> env, final JenkinsFacade jenkins) {
        var name = blankToNull(server);
        var login = name == null ? null
                : jenkins.getGlobalConfiguration(MlopsConfiguration.class).server(name).login(run);
        return new RegistryTarget(login, localRegistry, env.get(Registries.LOCAL_DIRECTORY_VARIABLE));
    }

    /**
     * How a step's log names the registry before it is looked up.
     *
     * @param server the name of a configured MLflow server, or {@code null}
     * @return {@code MLflow server 'NAME'}, or {@code the embedded local registry}
     */
    public static String describe(@CheckForNull final String server) {
        return server == null ? "the embedded local registry" : "MLflow server '" + server + "'";
    }

    /**
     * Opens the registry on the machine that runs the engine: the MLflow server, or else the local registry.
     *
     * @param workspace the workspace there
     * @return the engine's registry
     * @throws InputException when {@code localRegistry} leaves the workspace or the server URL is not that of a
     *                        tracking server
     */
    public ModelRegistry open(final Path workspace) {
        return Registries.open(Optional.ofNullable(login).map(MlflowLogin::toConnection), localDirectory(workspace));
    }

    /** Whether this is an MLflow server, rather than the embedded local registry. */
    public boolean isServer() {
        return login != null;
    }

    /**
     * Opens the MLflow server, where no workspace is at hand (on the controller, for a training on Kubernetes).
     *
     * @return the server's registry
     * @throws IllegalStateException when this target is the local registry
     * @throws InputException        when the server URL is not that of a tracking server
     */
    public ModelRegistry openServer() {
        if (login == null) {
            throw new IllegalStateException("not an MLflow server: " + this);
        }
        return Registries.open(Optional.of(login.toConnection()), Path.of(""));
    }

    /**
     * The variables with which MLflow's client in a training process logs into the server:
     * {@code MLFLOW_TRACKING_TOKEN}, or {@code MLFLOW_TRACKING_USERNAME} and {@code MLFLOW_TRACKING_PASSWORD}; none
     * for the local registry or a server without credentials. The values are secrets: they go into a Kubernetes
     * Secret or a process's environment, never into a log, a report or build.xml.
     *
     * @return the variables, in that order
     */
    public Map<String, String> trainingVariables() {
        return login == null ? Map.of() : login.variables();
    }

    /**
     * The directory of the embedded registry: {@code localRegistry} inside the workspace, else
     * {@code $MLOPS_REGISTRY_DIR} of the build, else {@code ~/.mlops/registry} of the agent's user.
     */
    Path localDirectory(final Path workspace) {
        if (localRegistry != null) {
            return new WorkspacePaths(workspace).resolve("localRegistry", localRegistry);
        }
        return Registries.localDirectory(registryDirectory == null ? Map.of()
                : Map.of(Registries.LOCAL_DIRECTORY_VARIABLE, registryDirectory));
    }

    @CheckForNull
    MlflowLogin login() {
        return login;
    }

    @Override
    public String toString() {
        if (login != null) {
            return login.toString();
        }
        return "the embedded local registry" + (localRegistry != null ? " in " + localRegistry : "");
    }
}
