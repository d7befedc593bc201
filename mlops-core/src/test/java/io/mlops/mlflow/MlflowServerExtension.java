package io.mlops.mlflow;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.TestAbortedException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/**
 * One real MLflow tracking server ({@link LocalMlflowServer}) for a test class, started before its first test and
 * stopped after its last. Where MLflow is missing, every test of the class is skipped with the reason, so the skip
 * shows in the test report (a failure instead with {@code -Dmlops.requireExternalTools=true}).
 *
 * <pre>{@code @RegisterExtension
 * static final MlflowServerExtension MLFLOW = new MlflowServerExtension();}</pre>
 */
public final class MlflowServerExtension implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {
    /** What else a test class needs besides the server; aborts (skips) when it is missing. */
    @FunctionalInterface
    public interface Requirement {
        void check() throws Exception;
    }

    private final Requirement also;
    private Path directory;
    private LocalMlflowServer server;
    private String skipReason;

    public MlflowServerExtension() {
        this(() -> { });
    }

    public MlflowServerExtension(final Requirement also) {
        this.also = also;
    }

    /** The running server. */
    public LocalMlflowServer server() {
        if (server == null) {
            throw new IllegalStateException("the MLflow server is not running: " + skipReason);
        }
        return server;
    }

    @Override
    public void beforeAll(final ExtensionContext context) throws Exception {
        try {
            directory = Files.createTempDirectory("mlops-mlflow-it-");
            server = LocalMlflowServer.start(directory);
            also.check();
        }
        catch (TestAbortedException e) {
            skipReason = e.getMessage();
        }
    }

    @Override
    public void beforeEach(final ExtensionContext context) {
        Assumptions.assumeTrue(skipReason == null, () -> skipReason);
    }

    @Override
    public void afterAll(final ExtensionContext context) throws IOException {
        if (server != null) {
            server.close();
            server = null;
        }
        if (directory != null) {
            try (var files = Files.walk(directory)) {
                for (var file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }
}
