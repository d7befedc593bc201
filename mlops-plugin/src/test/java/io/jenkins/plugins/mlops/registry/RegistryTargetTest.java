package io.jenkins.plugins.mlops.registry;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.domains.URIRequirementBuilder;
import hudson.model.Run;
import hudson.util.Secret;
import io.jenkins.plugins.mlops.util.JenkinsFacade;
import io.mlops.registry.LocalRegistry;
import io.mlops.registry.MlflowRegistry;
import io.mlops.util.InputException;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockStatic;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/** The registry that {@code server} and {@code localRegistry} name: found on the controller, opened on the agent. */
class RegistryTargetTest {
    private static final String TOKEN = "s3cr3t-t0ken";

    private final Run<?, ?> run = mock(Run.class);
    private final JenkinsFacade jenkins = mock(JenkinsFacade.class);

    @Test
    void shouldOpenTheLocalRegistryWithoutAskingJenkinsForAServer(@TempDir final Path workspace) {
        var target = RegistryTarget.of(null, "registry", run, Map.of(), jenkins);

        assertThat(target.open(workspace)).isInstanceOf(LocalRegistry.class)
                .satisfies(registry -> assertThat(registry.describe()).endsWith(workspace.resolve("registry")
                        .toString()));
        assertThat(target).hasToString("the embedded local registry in registry");
        verifyNoInteractions(jenkins);
    }

    @Test
    void shouldFindTheLocalRegistryInTheParameterTheBuildOrTheAgentUsersHome(@TempDir final Path workspace) {
        var byVariable = Map.of("MLOPS_REGISTRY_DIR", "/srv/mlops/registry");

        assertThat(RegistryTarget.of(null, " registry ", run, byVariable, jenkins).localDirectory(workspace))
                .isEqualTo(workspace.resolve("registry"));
        assertThat(RegistryTarget.of(" ", null, run, byVariable, jenkins).localDirectory(workspace))
                .isEqualTo(Path.of("/srv/mlops/registry"));
        assertThat(RegistryTarget.of(null, null, run, Map.of(), jenkins).localDirectory(workspace))
                .isEqualTo(Path.of(System.getProperty("user.home"), ".mlops", "registry"));
    }

    @Test
    void shouldKeepTheLocalRegistryInsideTheWorkspace(@TempDir final Path workspace) {
        var target = RegistryTarget.of(null, "/var/registry", run, Map.of(), jenkins);

        assertThatThrownBy(() -> target.open(workspace)).isInstanceOf(InputException.class)
                .hasMessageStartingWith("localRegistry: '/var/registry' is outside the workspace");
    }

    @Test
    void shouldLogInToTheNamedServerForTheBuildAndCarryTheSecretOnlyInMemory(@TempDir final Path workspace) {
        var server = new MlflowServer("production", "https://mlflow.example.com");
        server.setCredentialsId("mlflow-token");
        configure(server, new MlflowServer("staging", "https://staging.example.com"));
        var secret = mock(Secret.class);
        when(secret.getPlainText()).thenReturn(TOKEN);
        var token = mock(StringCredentials.class);
        when(token.getSecret()).thenReturn(secret);

        try (var provider = mockStatic(CredentialsProvider.class);
                var domains = mockStatic(URIRequirementBuilder.class)) {
            domains.when(() -> URIRequirementBuilder.fromUri(any())).thenReturn(mock(URIRequirementBuilder.class));
            provider.when(() -> CredentialsProvider.findCredentialById(eq("mlflow-token"), any(), eq(run), any()))
                    .thenReturn(token);

            var target = RegistryTarget.of("production", null, run, Map.of(), jenkins);

            assertThat(target.open(workspace)).isInstanceOf(MlflowRegistry.class);
            assertThat(target.login().toConnection().credentials().authorization()).contains("Bearer " + TOKEN);
            assertThat(target).hasToString("MLflow at https://mlflow.example.com with a bearer token");
            provider.verify(() -> CredentialsProvider.track(run, token));
        }
    }

    @Test
    void shouldNameTheConfiguredServersWhenTheNameIsUnknown() {
        configure(new MlflowServer("production", "https://mlflow.example.com"));

        assertThatThrownBy(() -> RegistryTarget.of("prod", null, run, Map.of(), jenkins))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("server: no MLflow server is named 'prod': expected one of 'production'");
    }

    @Test
    void shouldDescribeTheRegistryForTheLog() {
        assertThat(RegistryTarget.describe("production")).isEqualTo("MLflow server 'production'");
        assertThat(RegistryTarget.describe(null)).isEqualTo("the embedded local registry");
    }

    private void configure(final MlflowServer... servers) {
        when(jenkins.getGlobalConfiguration(MlopsConfiguration.class)).thenReturn(ConfiguredServers.of(servers));
    }
}
