package io.jenkins.plugins.mlops.training;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Run;
import io.jenkins.plugins.mlops.registry.RegistryTarget;
import io.mlops.util.InputException;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The secret values of a training, looked up on the controller as the build may use them: each {@code secretEnv}
 * variable's Secret text credentials, the MLflow server's token (or user name and password), and the git token of
 * {@code gitCredentialsId}. The values live only in memory, on their way into the training's Kubernetes Secret or
 * the local process's environment; the step keeps their keys and credentials ids, never them.
 */
final class TrainingSecrets {
    private TrainingSecrets() {
    }

    /**
     * Looks the values up.
     *
     * @param parameters the step's parameters
     * @param run        the build, whose credentials are used (and tracked)
     * @param registry   the registry the training's run is made in (an MLflow server's credentials are among the
     *                   values), or {@code null}
     * @return the values by the Secret's keys, in the order of {@link TrainingCall#secretKeys()}
     * @throws InputException when credentials are missing, not usable by this build or of another kind
     */
    static Map<String, String> lookUp(final TrainingParameters parameters, final Run<?, ?> run,
            @CheckForNull final RegistryTarget registry) {
        var values = new LinkedHashMap<String, String>();
        parameters.secretVariables().forEach((variable, credentialsId) ->
                values.put(variable, secretText(variable, credentialsId, run)));
        if (registry != null) {
            registry.trainingVariables().forEach((variable, value) -> {
                if (values.containsKey(variable)) {
                    throw new InputException("secretEnv: " + variable + " is set by the MLflow server's credentials: "
                            + "expected it only once");
                }
                values.put(variable, value);
            });
        }
        if (parameters.gitCredentialsId() != null) {
            values.put(TrainingParameters.GIT_TOKEN, gitToken(parameters.gitCredentialsId(), run));
        }
        return values;
    }

    /** The keys of the values, to build the spec from without holding the values longer. */
    static List<String> keys(final Map<String, String> values) {
        return List.copyOf(values.keySet());
    }

    private static String secretText(final String variable, final String credentialsId, final Run<?, ?> run) {
        var credentials = CredentialsProvider.findCredentialById(credentialsId, StringCredentials.class, run,
                List.of());
        if (credentials == null) {
            throw new InputException("secretEnv: " + variable + ": no Secret text credentials '" + credentialsId
                    + "' that this build may use: expected the id of Secret text credentials");
        }
        CredentialsProvider.track(run, credentials);
        return credentials.getSecret().getPlainText();
    }

    private static String gitToken(final String credentialsId, final Run<?, ?> run) {
        var credentials = CredentialsProvider.findCredentialById(credentialsId, StandardCredentials.class, run,
                List.of());
        if (credentials == null) {
            throw new InputException("gitCredentialsId: no credentials '" + credentialsId + "' that this build may "
                    + "use: expected Secret text (an access token) or Username with password credentials");
        }
        CredentialsProvider.track(run, credentials);
        if (credentials instanceof StringCredentials token) {
            return token.getSecret().getPlainText();
        }
        if (credentials instanceof StandardUsernamePasswordCredentials user) {
            return user.getPassword().getPlainText();
        }
        throw new InputException("gitCredentialsId: credentials '" + credentialsId + "' are neither Secret text nor "
                + "Username with password: expected an access token for HTTPS");
    }
}
