package io.jenkins.plugins.mlops.registry;

import java.util.List;

/** The plugin's global configuration with some MLflow servers, for tests of steps in other packages. */
public final class ConfiguredServers {
    private ConfiguredServers() {
    }

    /**
     * A configuration that is never loaded or saved (unit tests have no {@code JENKINS_HOME}).
     *
     * @param servers the servers, in order
     * @return the configuration
     */
    public static MlopsConfiguration of(final MlflowServer... servers) {
        var configuration = new MlopsConfiguration(false);
        configuration.setServers(List.of(servers));
        return configuration;
    }
}
