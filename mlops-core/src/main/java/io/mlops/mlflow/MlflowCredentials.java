package io.mlops.mlflow;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * How the client authenticates: not at all, with a bearer token, or with HTTP basic auth (MLflow's
 * {@code basic-auth} app). {@link #toString()} never shows the secret, so a credential can be logged or put in
 * an exception message by mistake without leaking.
 */
public sealed interface MlflowCredentials {
    /** No authentication. */
    MlflowCredentials NONE = new Anonymous();

    /** The value of the {@code Authorization} header, if any. */
    Optional<String> authorization();

    /** A bearer token ({@code MLFLOW_TRACKING_TOKEN}). */
    static MlflowCredentials bearer(final String token) {
        return new Bearer(token);
    }

    /** A user name and password ({@code MLFLOW_TRACKING_USERNAME} / {@code MLFLOW_TRACKING_PASSWORD}). */
    static MlflowCredentials basic(final String username, final String password) {
        return new Basic(username, password);
    }

    /** No authentication. */
    final class Anonymous implements MlflowCredentials {
        private Anonymous() {
        }

        @Override
        public Optional<String> authorization() {
            return Optional.empty();
        }

        @Override
        public String toString() {
            return "no credentials";
        }
    }

    /** A bearer token. */
    final class Bearer implements MlflowCredentials {
        private final String token;

        private Bearer(final String token) {
            this.token = Objects.requireNonNull(token);
        }

        @Override
        public Optional<String> authorization() {
            return Optional.of("Bearer " + token);
        }

        @Override
        public String toString() {
            return "bearer token ****";
        }
    }

    /** A user name and password. */
    final class Basic implements MlflowCredentials {
        private final String username;
        private final String password;

        private Basic(final String username, final String password) {
            this.username = Objects.requireNonNull(username);
            this.password = Objects.requireNonNull(password);
        }

        @Override
        public Optional<String> authorization() {
            var pair = username + ":" + password;
            return Optional.of("Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }

        @Override
        public String toString() {
            return "basic auth as " + username + " with password ****";
        }
    }
}
