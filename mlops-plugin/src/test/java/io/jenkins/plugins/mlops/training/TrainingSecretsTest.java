package io.jenkins.plugins.mlops.training;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.model.Run;
import hudson.util.Secret;
import io.jenkins.plugins.mlops.registry.RegistryTarget;
import io.mlops.util.InputException;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.MockedStatic;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockStatic;
import static org.mockito.Mockito.when;

class TrainingSecretsTest {
    private final Run<?, ?> run = mock(Run.class);
    private MockedStatic<CredentialsProvider> provider;

    @BeforeEach
    void mockCredentials() {
        provider = mockStatic(CredentialsProvider.class);
    }

    @AfterEach
    void closeCredentials() {
        provider.close();
    }

    @Test
    void shouldLookUpEverySecretVariableTheServersTokenAndTheGitTokenForTheBuild() {
        var huggingFace = secretText("hf_s3cr3t");
        var github = mock(StandardUsernamePasswordCredentials.class);
        var password = secret("ghp_t0ken");
        when(github.getPassword()).thenReturn(password);
        provider.when(() -> CredentialsProvider.findCredentialById(eq("huggingface-token"),
                eq(StringCredentials.class), eq(run), any(List.class))).thenReturn(huggingFace);
        provider.when(() -> CredentialsProvider.findCredentialById(eq("github"), eq(StandardCredentials.class),
                eq(run), any(List.class))).thenReturn(github);
        var server = mock(RegistryTarget.class);
        when(server.trainingVariables()).thenReturn(Map.of("MLFLOW_TRACKING_TOKEN", "mlflow-t0ken"));
        var step = new TrainModelStep("python train.py");
        step.setSecretEnv("HF_TOKEN=huggingface-token");
        step.setGitClone(true);
        step.setGitCredentialsId("github");

        var values = TrainingSecrets.lookUp(step.toParameters(), run, server);

        assertThat(values).containsExactly(entry("HF_TOKEN", "hf_s3cr3t"),
                entry("MLFLOW_TRACKING_TOKEN", "mlflow-t0ken"), entry("GIT_TOKEN", "ghp_t0ken"));
        assertThat(TrainingSecrets.keys(values)).containsExactly("HF_TOKEN", "MLFLOW_TRACKING_TOKEN", "GIT_TOKEN");
        provider.verify(() -> CredentialsProvider.track(run, huggingFace));
        provider.verify(() -> CredentialsProvider.track(run, github));
    }

    @Test
    void shouldNameTheVariableAndTheIdOfMissingCredentialsButNoValue() {
        var step = new TrainModelStep("python train.py");
        step.setSecretEnv("HF_TOKEN=huggingface-token");

        assertThatThrownBy(() -> TrainingSecrets.lookUp(step.toParameters(), run, null))
                .isInstanceOf(InputException.class).hasMessage("secretEnv: HF_TOKEN: no Secret text credentials "
                        + "'huggingface-token' that this build may use: expected the id of Secret text credentials");
    }

    @Test
    void shouldRefuseGitCredentialsThatHoldNoToken() {
        provider.when(() -> CredentialsProvider.findCredentialById(eq("ssh-key"), eq(StandardCredentials.class),
                eq(run), any(List.class))).thenReturn(mock(StandardCredentials.class));
        var step = new TrainModelStep("python train.py");
        step.setGitClone(true);
        step.setGitCredentialsId("ssh-key");

        assertThatThrownBy(() -> TrainingSecrets.lookUp(step.toParameters(), run, null))
                .isInstanceOf(InputException.class).hasMessage("gitCredentialsId: credentials 'ssh-key' are neither "
                        + "Secret text nor Username with password: expected an access token for HTTPS");
    }

    @Test
    void shouldRefuseToSetAServersVariableTwice() {
        var other = secretText("x");
        provider.when(() -> CredentialsProvider.findCredentialById(eq("other"), eq(StringCredentials.class),
                eq(run), any(List.class))).thenReturn(other);
        var server = mock(RegistryTarget.class);
        when(server.trainingVariables()).thenReturn(Map.of("MLFLOW_TRACKING_TOKEN", "mlflow-t0ken"));
        var step = new TrainModelStep("python train.py");
        step.setSecretEnv("MLFLOW_TRACKING_TOKEN=other");

        assertThatThrownBy(() -> TrainingSecrets.lookUp(step.toParameters(), run, server))
                .isInstanceOf(InputException.class).hasMessage("secretEnv: MLFLOW_TRACKING_TOKEN is set by the MLflow "
                        + "server's credentials: expected it only once");
    }

    private static StringCredentials secretText(final String value) {
        var credentials = mock(StringCredentials.class);
        var secret = secret(value);
        when(credentials.getSecret()).thenReturn(secret);
        return credentials;
    }

    private static Secret secret(final String value) {
        var secret = mock(Secret.class);
        when(secret.getPlainText()).thenReturn(value);
        return secret;
    }
}
