package io.mlops.mlflow;

import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real MLflow tracking server for integration tests, installed from PyPI ({@code pip install mlflow}) and
 * started as {@code mlflow server} on 127.0.0.1 with a SQLite backend and served artifacts in a temporary
 * directory. When MLflow is not installed the test is skipped, or fails with
 * {@code -Dmlops.requireExternalTools=true} (CI), as for Chromium.
 */
public final class LocalMlflowServer implements AutoCloseable {
    /** Overrides where the {@code mlflow} command is looked for. */
    public static final String PATH_PROPERTY = "mlops.mlflow";
    /** When true (CI), a missing MLflow fails the test instead of skipping it. */
    public static final String REQUIRE_PROPERTY = "mlops.requireExternalTools";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    private final Process process;
    private final URI uri;
    private final Path log;

    private LocalMlflowServer(final Process process, final URI uri, final Path log) {
        this.process = process;
        this.uri = uri;
        this.log = log;
    }

    /**
     * Starts a server in a directory and waits until {@code /health} answers; skips (or fails, see above) when
     * the {@code mlflow} command is missing or cannot run a server (e.g. only {@code mlflow-skinny} installed).
     */
    public static LocalMlflowServer start(final Path directory) throws IOException, InterruptedException {
        return start(directory, false);
    }

    /**
     * Starts a server with MLflow's basic-auth app ({@code --app-name basic-auth}, {@code pip install
     * mlflow[auth]}), whose admin is {@link #ADMIN_USER} / {@link #ADMIN_PASSWORD}.
     */
    public static LocalMlflowServer startWithBasicAuth(final Path directory) throws IOException,
            InterruptedException {
        return start(directory, true);
    }

    /** The admin of the basic-auth app, written into its configuration file. */
    public static final String ADMIN_USER = "admin";
    public static final String ADMIN_PASSWORD = "mlops-IT-admin-Passw0rd";

    private static LocalMlflowServer start(final Path directory, final boolean basicAuth)
            throws IOException, InterruptedException {
        var mlflow = find().orElse(null);
        if (mlflow == null) {
            missing("the mlflow command was not found (looked at -D" + PATH_PROPERTY + " and PATH)");
        }
        int port = freePort();
        var log = directory.resolve("mlflow-server.log");
        var command = new java.util.ArrayList<>(List.of(mlflow.toString(), "server", "--host", "127.0.0.1",
                "--port", Integer.toString(port), "--backend-store-uri", "sqlite:///" + directory.resolve("mlflow.db"),
                "--artifacts-destination", directory.resolve("artifacts").toString(), "--serve-artifacts"));
        if (basicAuth) {
            command.addAll(List.of("--app-name", "basic-auth"));
        }
        // The basic-auth app keeps its users in basic_auth.db in the working directory.
        var builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        var env = builder.environment();
        List.of("MLFLOW_TRACKING_URI", "MLFLOW_TRACKING_TOKEN", "MLFLOW_TRACKING_USERNAME",
                "MLFLOW_TRACKING_PASSWORD").forEach(env::remove);
        // No usage telemetry from a test server on a machine that may have no network.
        env.put("MLFLOW_DISABLE_TELEMETRY", "true");
        env.put("DO_NOT_TRACK", "true");
        env.put("MLFLOW_FLASK_SERVER_SECRET_KEY", "mlops-integration-test");
        if (basicAuth) {
            // MLflow 3 ships no default admin password (and refuses 2.x's old default): both read this file.
            var config = directory.resolve("basic_auth.ini");
            Files.writeString(config, "[mlflow]\ndefault_permission = READ\ndatabase_uri = sqlite:///basic_auth.db\n"
                    + "admin_username = " + ADMIN_USER + "\nadmin_password = " + ADMIN_PASSWORD + "\n"
                    + "authorization_function = mlflow.server.auth:authenticate_request_basic_auth\n");
            env.put("MLFLOW_AUTH_CONFIG_PATH", config.toString());
        }
        var server = new LocalMlflowServer(builder.start(), URI.create("http://127.0.0.1:" + port), log);
        server.awaitHealthy();
        return server;
    }

    /** The server's base URL. */
    public URI uri() {
        return uri;
    }

    private void awaitHealthy() throws IOException, InterruptedException {
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        var health = HttpRequest.newBuilder(URI.create(uri + "/health")).timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                var output = Files.readString(log, StandardCharsets.UTF_8);
                if (output.contains("ModuleNotFoundError") || output.contains("No such command 'server'")
                        || output.contains("requires the Flask-WTF package")) {
                    missing("the mlflow command cannot run a tracking server (is only mlflow-skinny installed?):\n"
                            + tail(output));
                }
                throw new AssertionError("mlflow server exited with " + process.exitValue() + ":\n" + tail(output));
            }
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        close();
        throw new AssertionError("mlflow server did not answer /health within " + START_TIMEOUT + ":\n"
                + tail(Files.readString(log, StandardCharsets.UTF_8)));
    }

    private static void missing(final String reason) {
        var message = reason + "; install it with `python3 -m pip install mlflow` to run the MLflow integration tests";
        if (Boolean.getBoolean(REQUIRE_PROPERTY)) {
            throw new AssertionError(message + "; " + REQUIRE_PROPERTY + "=true makes this a failure");
        }
        Assumptions.abort(message);
    }

    private static String tail(final String output) {
        var lines = output.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static Optional<Path> find() {
        var configured = System.getProperty(PATH_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured)).filter(Files::isExecutable);
        }
        var path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return Stream.of(path.split(File.pathSeparator)).map(dir -> Path.of(dir, "mlflow"))
                .filter(Files::isExecutable).findFirst();
    }

    /** Stops the server and the workers it started. */
    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
