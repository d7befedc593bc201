package io.mlops.mlflow;

import io.mlops.util.InputException;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the MLflow tracking server is and how to talk to it. {@link #toString()} shows no secret.
 *
 * @param trackingUri    the server's base URL, e.g. {@code https://mlflow.example.com} (no credentials in it)
 * @param credentials    how to authenticate
 * @param caFile         a PEM file of CA certificates to trust in addition to the JDK's, if any
 * @param connectTimeout how long to wait for a TCP/TLS connection
 * @param requestTimeout how long to wait for a whole response
 * @param retryPolicy    how to retry 429, 5xx and connection errors
 */
public record MlflowConnection(URI trackingUri, MlflowCredentials credentials, Optional<Path> caFile,
        Duration connectTimeout, Duration requestTimeout, RetryPolicy retryPolicy) {
    /** The standard variable with the server's URL. */
    public static final String TRACKING_URI = "MLFLOW_TRACKING_URI";
    /** The standard variable with a bearer token. */
    public static final String TRACKING_TOKEN = "MLFLOW_TRACKING_TOKEN";
    /** The standard variable with the basic-auth user name. */
    public static final String TRACKING_USERNAME = "MLFLOW_TRACKING_USERNAME";
    /** The standard variable with the basic-auth password. */
    public static final String TRACKING_PASSWORD = "MLFLOW_TRACKING_PASSWORD";
    /** The CA bundle variable of MLflow's Python client ({@code mlflow/environment_variables.py}). */
    public static final String TRACKING_SERVER_CERT_PATH = "MLFLOW_TRACKING_SERVER_CERT_PATH";

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(120);

    /** Validates the connection. */
    public MlflowConnection {
        Objects.requireNonNull(credentials);
        Objects.requireNonNull(caFile);
        Objects.requireNonNull(retryPolicy);
        trackingUri = checkedUri(trackingUri);
        if (connectTimeout.isNegative() || connectTimeout.isZero() || requestTimeout.isNegative()
                || requestTimeout.isZero()) {
            throw new InputException("MLflow timeouts must be positive, got connect " + connectTimeout
                    + " and request " + requestTimeout);
        }
    }

    /** A connection with default timeouts and retries. */
    public static MlflowConnection of(final URI trackingUri, final MlflowCredentials credentials) {
        return new MlflowConnection(trackingUri, credentials, Optional.empty(), CONNECT_TIMEOUT, REQUEST_TIMEOUT,
                RetryPolicy.DEFAULT);
    }

    /**
     * Reads the standard MLflow variables: {@code MLFLOW_TRACKING_URI} (required, http or https),
     * {@code MLFLOW_TRACKING_TOKEN}, or {@code MLFLOW_TRACKING_USERNAME} with {@code MLFLOW_TRACKING_PASSWORD},
     * and {@code MLFLOW_TRACKING_SERVER_CERT_PATH}.
     *
     * @param env the environment, e.g. {@link System#getenv()}
     * @throws InputException when the variables are missing or contradict each other
     */
    public static MlflowConnection fromEnvironment(final Map<String, String> env) {
        var uri = value(env, TRACKING_URI).orElseThrow(() -> new InputException(TRACKING_URI
                + " is not set: expected the MLflow tracking server's URL, e.g. http://127.0.0.1:5000"));
        var parsed = parse(uri);
        var token = value(env, TRACKING_TOKEN);
        var username = value(env, TRACKING_USERNAME);
        var password = value(env, TRACKING_PASSWORD);
        if (token.isPresent() && (username.isPresent() || password.isPresent())) {
            throw new InputException("both " + TRACKING_TOKEN + " and " + TRACKING_USERNAME + "/"
                    + TRACKING_PASSWORD + " are set: expected either a bearer token or basic auth");
        }
        if (username.isPresent() != password.isPresent()) {
            throw new InputException(TRACKING_USERNAME + " and " + TRACKING_PASSWORD
                    + " must be set together for basic auth");
        }
        MlflowCredentials credentials = token.map(MlflowCredentials::bearer)
                .or(() -> username.map(user -> MlflowCredentials.basic(user, password.orElseThrow())))
                .orElse(MlflowCredentials.NONE);
        return new MlflowConnection(parsed, credentials, value(env, TRACKING_SERVER_CERT_PATH).map(Path::of),
                CONNECT_TIMEOUT, REQUEST_TIMEOUT, RetryPolicy.DEFAULT);
    }

    /** The same connection with other retries. */
    public MlflowConnection withRetryPolicy(final RetryPolicy policy) {
        return new MlflowConnection(trackingUri, credentials, caFile, connectTimeout, requestTimeout, policy);
    }

    /** The same connection with other timeouts. */
    public MlflowConnection withTimeouts(final Duration connect, final Duration request) {
        return new MlflowConnection(trackingUri, credentials, caFile, connect, request, retryPolicy);
    }

    /** The same connection trusting the CA certificates in a PEM file too. */
    public MlflowConnection withCaFile(final Path pem) {
        return new MlflowConnection(trackingUri, credentials, Optional.of(pem), connectTimeout, requestTimeout,
                retryPolicy);
    }

    private static Optional<String> value(final Map<String, String> env, final String name) {
        return Optional.ofNullable(env.get(name)).map(String::trim).filter(text -> !text.isEmpty());
    }

    private static URI parse(final String uri) {
        try {
            return URI.create(uri);
        } catch (IllegalArgumentException e) {
            // The text may hold credentials (user:password@host): say what is wrong, never echo it.
            throw new InputException(TRACKING_URI + " is not a valid URL: " + e.getClass().getSimpleName()
                    + "; expected e.g. http://127.0.0.1:5000");
        }
    }

    private static URI checkedUri(final URI uri) {
        Objects.requireNonNull(uri);
        if (uri.getRawUserInfo() != null) {
            throw new InputException("the MLflow tracking URI contains credentials: put them in "
                    + TRACKING_USERNAME + "/" + TRACKING_PASSWORD + " or " + TRACKING_TOKEN + " instead");
        }
        var scheme = uri.getScheme();
        if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme) || uri.getHost() == null) {
            throw new InputException("the MLflow tracking URI must be an http or https URL of a tracking server, got "
                    + uri + " (file stores and databricks URIs are not supported)");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new InputException("the MLflow tracking URI must not have a query or fragment, got " + uri);
        }
        var text = uri.toString();
        return URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
    }

    @Override
    public String toString() {
        return "MLflow at " + trackingUri + " (" + credentials + ")";
    }
}
