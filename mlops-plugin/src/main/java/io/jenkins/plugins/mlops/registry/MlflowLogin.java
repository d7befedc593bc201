package io.jenkins.plugins.mlops.registry;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.mlops.mlflow.MlflowConnection;
import io.mlops.mlflow.MlflowCredentials;
import io.mlops.util.InputException;

import java.io.Serializable;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An MLflow server and the secret to reach it, as a step's callable carries it to the agent (inside a
 * {@link RegistryTarget}), where {@link #toConnection()} builds the engine's connection. The secret exists only in
 * memory, on the controller while the step starts and in the callable: it is in no step field, build.xml, report,
 * log line or {@link #toString()}.
 */
final class MlflowLogin implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String url;
    private final String username;
    private final String secret;

    private MlflowLogin(final String url, @CheckForNull final String username, @CheckForNull final String secret) {
        this.url = url;
        this.username = username;
        this.secret = secret;
    }

    /** A server that needs no authentication. */
    static MlflowLogin anonymous(final String url) {
        return new MlflowLogin(url, null, null);
    }

    /** A server that takes a bearer token (Jenkins "Secret text" credentials). */
    static MlflowLogin bearer(final String url, final String token) {
        return new MlflowLogin(url, null, token);
    }

    /** A server with HTTP basic authentication (Jenkins "Username with password" credentials). */
    static MlflowLogin basic(final String url, final String username, final String password) {
        return new MlflowLogin(url, username, password);
    }

    /**
     * The engine's connection to the server.
     *
     * @throws InputException when the URL is not that of a tracking server
     */
    MlflowConnection toConnection() {
        return connection(url, credentials());
    }

    /**
     * Checks a server URL as the engine will use it: http or https, with a host, without credentials, query or
     * fragment. Parse errors do not echo the text, which may hold a password.
     *
     * @throws InputException when it is not such a URL
     */
    static MlflowConnection connection(final String url, final MlflowCredentials credentials) {
        try {
            return MlflowConnection.of(new URI(url), credentials);
        } catch (URISyntaxException e) {
            throw new InputException("the MLflow server URL is not a valid URL (" + e.getReason()
                    + " at index " + e.getIndex() + "): expected e.g. https://mlflow.example.com");
        }
    }

    MlflowCredentials credentials() {
        if (secret == null) {
            return MlflowCredentials.NONE;
        }
        return username == null ? MlflowCredentials.bearer(secret) : MlflowCredentials.basic(username, secret);
    }

    String url() {
        return url;
    }

    /**
     * The variables with which MLflow's own client in a training process authenticates
     * ({@code MLFLOW_TRACKING_TOKEN}, or {@code MLFLOW_TRACKING_USERNAME} and {@code MLFLOW_TRACKING_PASSWORD}),
     * in that order; none for a server without credentials. Secret values: for a Kubernetes Secret or a process's
     * environment only.
     */
    Map<String, String> variables() {
        var variables = new LinkedHashMap<String, String>();
        if (secret != null && username == null) {
            variables.put(MlflowConnection.TRACKING_TOKEN, secret);
        } else if (secret != null) {
            variables.put(MlflowConnection.TRACKING_USERNAME, username);
            variables.put(MlflowConnection.TRACKING_PASSWORD, secret);
        }
        return variables;
    }

    @Override
    public String toString() {
        var how = secret == null ? "without credentials" : username == null ? "with a bearer token"
                : "with a user name and password";
        // user info in the URL would be a password too; MlflowConnection rejects such URLs, but not before the agent
        return "MLflow at " + url.replaceFirst("^([A-Za-z][A-Za-z0-9+.-]*://)[^/@]*@", "$1***@") + " " + how;
    }
}
