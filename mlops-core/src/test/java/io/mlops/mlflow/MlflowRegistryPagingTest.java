package io.mlops.mlflow;

import io.mlops.mlflow.FakeMlflowServer.Response;
import io.mlops.registry.MlflowRegistry;
import io.mlops.registry.RegistryVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link MlflowRegistry}'s paged searches: every page is read for the latest version, and only as far as needed. */
class MlflowRegistryPagingTest {
    private final FakeMlflowServer server;

    MlflowRegistryPagingTest() throws IOException {
        server = new FakeMlflowServer();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void shouldFindTheLatestVersionAcrossPages() {
        server.then(Response.json(200, "{\"model_versions\": [" + version("churn", "1") + ", " + version("churn", "10")
                        + ", " + version("churn-2", "99") + "], \"next_page_token\": \"p2\"}"),
                Response.json(200, "{\"model_versions\": [" + version("churn", "9") + "]}"));
        var registry = new MlflowRegistry(MlflowClient.connect(MlflowConnection.of(server.uri(),
                MlflowCredentials.NONE)));

        var latest = registry.latestVersion("churn");

        // 10, not "9" as text would have it; another model's version found by the search does not count
        assertThat(latest.map(RegistryVersion::version)).contains("10");
        assertThat(server.requests()).hasSize(2);
        assertThat(server.requests().get(1).query()).contains("page_token=p2");
    }

    @Test
    void shouldFindNoLatestVersionOfAModelWithoutVersions() {
        server.then(Response.json(200, "{}"));
        var registry = new MlflowRegistry(MlflowClient.connect(MlflowConnection.of(server.uri(),
                MlflowCredentials.NONE)));

        assertThat(registry.latestVersion("churn")).isEmpty();
        assertThat(server.requests()).hasSize(1);
    }

    private static String version(final String name, final String number) {
        return "{\"name\": \"" + name + "\", \"version\": \"" + number + "\", \"source\": \"s3://b/" + number
                + "\", \"run_id\": \"r" + number + "\", \"creation_timestamp\": 1000}";
    }
}
