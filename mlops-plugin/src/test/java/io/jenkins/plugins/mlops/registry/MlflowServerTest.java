package io.jenkins.plugins.mlops.registry;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import com.cloudbees.plugins.credentials.domains.DomainRequirement;
import com.cloudbees.plugins.credentials.domains.URIRequirementBuilder;
import hudson.model.Run;
import hudson.util.Secret;
import io.mlops.lineage.Lineage;
import io.mlops.mlflow.MlflowCredentials;
import io.mlops.registry.BuildInfo;
import io.mlops.util.InputException;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.MockedStatic;

import java.util.Base64;
import java.util.List;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockStatic;
import static org.mockito.Mockito.when;

/** Jenkins credentials become the engine's MLflow credentials, and the secret shows up nowhere else. */
class MlflowServerTest {
    private static final String URL = "https://mlflow.example.com";
    private static final String TOKEN = "s3cr3t-t0ken";
    private static final String PASSWORD = "pa55-w0rd";
    private static final List<DomainRequirement> DOMAIN = List.of(new DomainRequirement());

    private final Run<?, ?> run = mock(Run.class);
    private MockedStatic<CredentialsProvider> provider;
    private MockedStatic<URIRequirementBuilder> requirements;

    @BeforeEach
    void mockTheCredentialsStore() {
        provider = mockStatic(CredentialsProvider.class);
        requirements = mockStatic(URIRequirementBuilder.class);
        var builder = mock(URIRequirementBuilder.class);
        when(builder.build()).thenReturn(DOMAIN);
        requirements.when(() -> URIRequirementBuilder.fromUri(URL)).thenReturn(builder);
    }

    @AfterEach
    void closeTheMocks() {
        provider.close();
        requirements.close();
    }

    @Test
    void shouldSendSecretTextAsABearerTokenAndTrackItsUse() {
        var secret = secret(TOKEN);
        var token = mock(StringCredentials.class);
        when(token.getSecret()).thenReturn(secret);
        stored("mlflow-token", token);

        var login = server("mlflow-token").login(run);

        assertThat(login.toConnection().credentials().authorization()).contains("Bearer " + TOKEN);
        assertThat(login.toConnection().trackingUri()).hasToString(URL);
        provider.verify(() -> CredentialsProvider.track(run, token));
        assertThat(login).hasToString("MLflow at https://mlflow.example.com with a bearer token");
    }

    @Test
    void shouldSendUsernameAndPasswordAsBasicAuthentication() {
        var password = secret(PASSWORD);
        var user = mock(StandardUsernamePasswordCredentials.class);
        when(user.getUsername()).thenReturn("ci");
        when(user.getPassword()).thenReturn(password);
        stored("mlflow-user", user);

        var login = server("mlflow-user").login(run);

        assertThat(login.toConnection().credentials().authorization()).contains("Basic "
                + Base64.getEncoder().encodeToString(("ci:" + PASSWORD).getBytes(UTF_8)));
        assertThat(login.toString()).isEqualTo("MLflow at https://mlflow.example.com with a user name and password");
    }

    @Test
    void shouldReachAServerWithoutCredentialsAnonymously() {
        var login = new MlflowServer("local", "http://127.0.0.1:5000").login(run);

        assertThat(login.toConnection().credentials().authorization()).isEmpty();
        assertThat(login).hasToString("MLflow at http://127.0.0.1:5000 without credentials");
    }

    @Test
    void shouldNameTheServerAndTheIdWhenTheCredentialsAreMissing() {
        assertThatThrownBy(() -> server("gone").login(run)).isInstanceOf(InputException.class)
                .hasMessage("MLflow server 'production': no credentials 'gone' that this build may use: expected "
                        + "Secret text or Username with password credentials with that id");
    }

    @Test
    void shouldRejectCredentialsOfAnotherKind() {
        stored("ssh-key", mock(StandardCredentials.class));

        assertThatThrownBy(() -> server("ssh-key").login(run)).isInstanceOf(InputException.class)
                .hasMessage("MLflow server 'production': credentials 'ssh-key' are neither Secret text nor Username "
                        + "with password: expected a bearer token or a user name and password");
    }

    @Test
    void shouldRequireAUrl() {
        assertThatThrownBy(() -> new MlflowServer("production", " ").login(run)).isInstanceOf(InputException.class)
                .hasMessageStartingWith("MLflow server 'production' has no URL");
    }

    @Test
    void shouldKeepTheSecretOutOfEveryTextAndTheParameters() {
        var secret = secret(TOKEN);
        var token = mock(StringCredentials.class);
        when(token.getSecret()).thenReturn(secret);
        stored("mlflow-token", token);
        var step = Steps.everyParameterSet();
        var callable = new RegisterOnAgent(step.toParameters(), new RegistrationContext(BuildInfo.NONE,
                Lineage.EMPTY, null), new RegistryTarget(server("mlflow-token").login(run), null, null));

        assertThat(callable.toString()).doesNotContain(TOKEN).contains("with a bearer token");
        assertThat(callable.registry().login().toConnection().toString()).doesNotContain(TOKEN);
        assertThat(step.toParameters().toString()).doesNotContain(TOKEN);
        assertThat(RegistrationFixture.summary(true).toString()).doesNotContain(TOKEN);
    }

    @Test
    void shouldHideUserInfoInAUrlWhenShowingTheLogin() {
        var login = MlflowLogin.bearer("https://admin:hunter2@mlflow.example.com", TOKEN);

        assertThat(login.toString()).isEqualTo("MLflow at https://***@mlflow.example.com with a bearer token");
        assertThatThrownBy(login::toConnection).isInstanceOf(InputException.class)
                .hasMessageNotContaining("hunter2").hasMessageContaining("contains credentials");
    }

    @Test
    void shouldCheckUrlsAsTheEngineDoesWithoutEchoingThem() {
        assertThatThrownBy(() -> MlflowLogin.connection("https://user:pw@bad url", MlflowCredentials.NONE))
                .isInstanceOf(InputException.class).hasMessageStartingWith("the MLflow server URL is not a valid URL")
                .hasMessageNotContaining("pw");
        assertThatThrownBy(() -> MlflowLogin.connection("file:///var/mlruns", MlflowCredentials.NONE))
                .isInstanceOf(InputException.class).hasMessageContaining("http or https");
    }

    private MlflowServer server(final String credentialsId) {
        var server = new MlflowServer(" production ", " " + URL + " ");
        server.setCredentialsId(" " + credentialsId + " ");
        return server;
    }

    private void stored(final String id, final StandardCredentials credentials) {
        provider.when(() -> CredentialsProvider.findCredentialById(eq(id), eq(StandardCredentials.class), eq(run),
                eq(DOMAIN))).thenReturn(credentials);
    }

    private static Secret secret(final String text) {
        var secret = mock(Secret.class);
        when(secret.getPlainText()).thenReturn(text);
        when(secret.toString()).thenReturn(text);
        return secret;
    }
}
