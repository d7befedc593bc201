package io.jenkins.plugins.mlops.registry;

import io.jenkins.plugins.casc.ConfigurationContext;
import io.jenkins.plugins.casc.ConfiguratorRegistry;
import io.jenkins.plugins.casc.misc.ConfiguredWithCode;
import io.jenkins.plugins.casc.misc.JenkinsConfiguredWithCodeRule;
import io.jenkins.plugins.casc.misc.junit.jupiter.WithJenkinsConfiguredWithCode;
import jenkins.model.GlobalConfiguration;
import org.junit.jupiter.api.Test;

import static io.jenkins.plugins.casc.misc.Util.getUnclassifiedRoot;
import static io.jenkins.plugins.casc.misc.Util.toYamlString;
import static org.assertj.core.api.Assertions.assertThat;

/** The MLflow servers through Configuration as Code and the system configuration page (needs {@code -Pjenkins}). */
@WithJenkinsConfiguredWithCode
class MlopsConfigurationCascTest {
    @Test
    @ConfiguredWithCode("configuration-as-code.yml")
    void shouldReadTheServersFromYaml(final JenkinsConfiguredWithCodeRule j) {
        var configuration = GlobalConfiguration.all().get(MlopsConfiguration.class);

        assertThat(configuration.getServerNames()).containsExactly("production", "local");
        assertThat(configuration.getServers().get(0).getUrl()).isEqualTo("https://mlflow.example.com");
        assertThat(configuration.getServers().get(0).getCredentialsId()).isEqualTo("mlflow-token");
        assertThat(configuration.getServers().get(1).getCredentialsId()).isNull();
    }

    @Test
    @ConfiguredWithCode("configuration-as-code.yml")
    void shouldExportTheServersWithoutAnySecret(final JenkinsConfiguredWithCodeRule j) throws Exception {
        var context = new ConfigurationContext(ConfiguratorRegistry.get());

        var exported = toYamlString(getUnclassifiedRoot(context).get("mlops"));

        assertThat(exported).contains("production", "https://mlflow.example.com", "mlflow-token", "local")
                .doesNotContain("casc-s3cr3t");
    }

    @Test
    @ConfiguredWithCode("configuration-as-code.yml")
    void shouldKeepTheServersThroughTheSystemConfigurationPage(final JenkinsConfiguredWithCodeRule j)
            throws Exception {
        j.configRoundtrip();

        var configuration = GlobalConfiguration.all().get(MlopsConfiguration.class);
        assertThat(configuration.getServerNames()).containsExactly("production", "local");
        assertThat(configuration.getServers().get(0).getCredentialsId()).isEqualTo("mlflow-token");
    }
}
