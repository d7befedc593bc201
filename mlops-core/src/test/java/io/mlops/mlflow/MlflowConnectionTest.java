package io.mlops.mlflow;

import io.mlops.util.InputException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.random.RandomGenerator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MlflowConnectionTest {
    private static final String SECRET = "hunter2-secret";

    @Test
    void shouldReadTheStandardVariables() {
        var connection = MlflowConnection.fromEnvironment(Map.of("MLFLOW_TRACKING_URI", "https://mlflow.example.com/",
                "MLFLOW_TRACKING_TOKEN", SECRET));

        assertThat(connection.trackingUri()).hasToString("https://mlflow.example.com");
        assertThat(connection.credentials().authorization()).contains("Bearer " + SECRET);
        assertThat(connection.toString()).isEqualTo("MLflow at https://mlflow.example.com (bearer token ****)");
    }

    @Test
    void shouldUseBasicAuthFromUserNameAndPassword() {
        var connection = MlflowConnection.fromEnvironment(Map.of("MLFLOW_TRACKING_URI", "http://127.0.0.1:5000",
                "MLFLOW_TRACKING_USERNAME", "ci", "MLFLOW_TRACKING_PASSWORD", SECRET));

        assertThat(connection.credentials().authorization()).contains("Basic Y2k6aHVudGVyMi1zZWNyZXQ=");
        assertThat(connection.toString()).doesNotContain(SECRET);
    }

    @Test
    void shouldRequireATrackingUri() {
        assertThatThrownBy(() -> MlflowConnection.fromEnvironment(Map.of()))
                .isInstanceOf(InputException.class).hasMessageContaining("MLFLOW_TRACKING_URI is not set");
    }

    @Test
    void shouldRejectCredentialsInTheUriWithoutEchoingThem() {
        assertThatThrownBy(() -> MlflowConnection.fromEnvironment(Map.of("MLFLOW_TRACKING_URI",
                "http://ci:" + SECRET + "@mlflow:5000")))
                .isInstanceOf(InputException.class).hasMessageContaining("contains credentials")
                .message().doesNotContain(SECRET);
    }

    @Test
    void shouldRejectTokenAndPasswordTogether() {
        assertThatThrownBy(() -> MlflowConnection.fromEnvironment(Map.of("MLFLOW_TRACKING_URI", "http://mlflow",
                "MLFLOW_TRACKING_TOKEN", SECRET, "MLFLOW_TRACKING_USERNAME", "ci", "MLFLOW_TRACKING_PASSWORD", SECRET)))
                .isInstanceOf(InputException.class).hasMessageContaining("either a bearer token or basic auth")
                .message().doesNotContain(SECRET);
    }

    @Test
    void shouldRejectAFileStore() {
        assertThatThrownBy(() -> MlflowConnection.fromEnvironment(Map.of("MLFLOW_TRACKING_URI", "file:///tmp/mlruns")))
                .isInstanceOf(InputException.class).hasMessageContaining("must be an http or https URL");
    }

    @Test
    void shouldRejectACaFileWithoutCertificates() {
        var connection = MlflowConnection.of(java.net.URI.create("https://mlflow"), MlflowCredentials.NONE)
                .withCaFile(java.nio.file.Path.of("pom.xml"));

        assertThatThrownBy(() -> MlflowClient.connect(connection)).isInstanceOf(InputException.class)
                .hasMessageContaining("pom.xml");
    }

    @Test
    void shouldBackOffExponentiallyWithJitterUpToTheCap() {
        var policy = new RetryPolicy(10, Duration.ofMillis(100), Duration.ofMillis(1000));
        RandomGenerator highest = new RandomGenerator() {
            @Override
            public long nextLong() {
                return 0;
            }

            @Override
            public long nextLong(final long bound) {
                return bound - 1;
            }
        };

        assertThat(policy.delayAfter(1, highest)).isEqualTo(Duration.ofMillis(100));
        assertThat(policy.delayAfter(3, highest)).isEqualTo(Duration.ofMillis(400));
        assertThat(policy.delayAfter(8, highest)).isEqualTo(Duration.ofMillis(1000));
        assertThat(policy.capped(Duration.ofSeconds(30))).isEqualTo(Duration.ofMillis(1000));
    }

    @Test
    void shouldParseServerVersions() {
        assertThat(ServerVersion.parse("3.1.4\n").isAtLeast3()).isTrue();
        assertThat(ServerVersion.parse("2.22.1").isAtLeast3()).isFalse();
        assertThat(ServerVersion.parse("<html>")).isEqualTo(ServerVersion.UNKNOWN);
    }
}
