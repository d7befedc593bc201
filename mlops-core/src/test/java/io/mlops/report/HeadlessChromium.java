package io.mlops.report;

import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Renders a local HTML file in headless Chromium (Debian package {@code chromium}) and returns the DOM after
 * loading plus every console message, for integration tests of report.html. Chromium's console messages,
 * including Content-Security-Policy violations and script errors, appear on stderr with
 * {@code --enable-logging=stderr} as lines containing {@code :CONSOLE}.
 */
public final class HeadlessChromium {
    /** Overrides where Chromium is looked for. */
    public static final String PATH_PROPERTY = "mlops.chromium";
    /** A {@code <script>} element in a rendered DOM: reports must have none. */
    public static final Pattern SCRIPT_ELEMENT = Pattern.compile("<script[\\s>/]", Pattern.CASE_INSENSITIVE);
    /** When true (CI), a missing Chromium fails the test instead of skipping it. */
    public static final String REQUIRE_PROPERTY = "mlops.requireExternalTools";
    private static final long TIMEOUT_SECONDS = 120;

    private final Path executable;

    /**
     * What Chromium made of a page.
     *
     * @param dom             the serialised DOM after loading ({@code --dump-dom})
     * @param consoleMessages the console messages, one per line of Chromium's log
     * @param log             Chromium's whole stderr, for failure messages
     */
    public record Rendering(String dom, List<String> consoleMessages, String log) {
        /**
         * The DOM of a page that behaved as every report must: the browser logged nothing (no script error, no
         * Content-Security-Policy violation) and no {@code <script>} element made it into the DOM.
         */
        public String quietDom() {
            if (!consoleMessages.isEmpty()) {
                throw new AssertionError("the browser logged " + consoleMessages + "; log:\n" + log);
            }
            if (SCRIPT_ELEMENT.matcher(dom).find()) {
                throw new AssertionError("a <script> element in the DOM:\n" + dom);
            }
            return dom;
        }
    }

    private HeadlessChromium(final Path executable) {
        this.executable = executable;
    }

    /**
     * Chromium, or a skipped test when it is not installed, or a failed test when it is not installed but
     * {@code -Dmlops.requireExternalTools=true}.
     */
    public static HeadlessChromium require() {
        var found = find();
        if (found.isEmpty()) {
            var message = "Chromium not found (looked at -D" + PATH_PROPERTY + ", /usr/bin/chromium and PATH): "
                    + "install the Debian packages chromium and chromium-driver to run the browser check of report.html";
            if (Boolean.getBoolean(REQUIRE_PROPERTY)) {
                throw new AssertionError(message + "; " + REQUIRE_PROPERTY + "=true makes this a failure");
            }
            Assumptions.abort(message);
        }
        return new HeadlessChromium(found.get());
    }

    /**
     * Loads a file and dumps its DOM.
     *
     * @param html        the page
     * @param workDir     an empty directory for Chromium's profile and output
     */
    public Rendering render(final Path html, final Path workDir) throws IOException, InterruptedException {
        var profile = Files.createDirectories(workDir.resolve("profile"));
        var out = workDir.resolve("dom.html");
        var err = workDir.resolve("chromium.log");
        var process = new ProcessBuilder(command(profile, html)).redirectOutput(out.toFile())
                .redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
            throw new AssertionError("Chromium did not finish rendering " + html + " in " + TIMEOUT_SECONDS + " s");
        }
        var log = Files.readString(err, StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new AssertionError("Chromium exited with " + process.exitValue() + " rendering " + html + ":\n" + log);
        }
        var console = log.lines().filter(line -> line.contains(":CONSOLE")).map(HeadlessChromium::message).toList();
        return new Rendering(Files.readString(out, StandardCharsets.UTF_8), console, log);
    }

    /**
     * The flags that start Chromium headless as root on a machine without network: no sandbox (root), no GPU,
     * and no background connections to Google services, which a closed network refuses noisily.
     */
    List<String> command(final Path profile, final Path html) {
        var command = new ArrayList<String>();
        command.add(executable.toString());
        command.addAll(List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile.toAbsolutePath(), "--enable-logging=stderr", "--v=0", "--dump-dom",
                html.toAbsolutePath().toUri().toString()));
        return command;
    }

    private static String message(final String logLine) {
        int end = logLine.indexOf("] ");
        return end < 0 ? logLine : logLine.substring(end + 2);
    }

    private static Optional<Path> find() {
        var configured = System.getProperty(PATH_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured)).filter(Files::isExecutable);
        }
        var debian = Path.of("/usr/bin/chromium");
        if (Files.isExecutable(debian)) {
            return Optional.of(debian);
        }
        var path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return Stream.of(path.split(File.pathSeparator))
                .flatMap(dir -> Stream.of("chromium", "chromium-browser").map(name -> Path.of(dir, name)))
                .filter(Files::isExecutable).findFirst();
    }
}
