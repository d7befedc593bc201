package io.jenkins.plugins.mlops.util;

import hudson.FilePath;
import io.mlops.report.ReportJson;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The full reports of a build, kept in the build directory rather than in build.xml:
 * {@code <build>/mlops/<kind>-N/report.json}, one folder per step call (for example {@code validation-2} for the
 * second {@code validateData} of a build).
 */
public final class BuildReports {
    public static final String REPORT_JSON = "report.json";

    private final Path root;
    private final String prefix;

    /**
     * Creates the reports of one kind of step in a build.
     *
     * @param buildDirectory the build's root directory on the controller
     * @param kind           the folder name before the sequence number, such as {@code validation}
     */
    public BuildReports(final File buildDirectory, final String kind) {
        this.root = directory(buildDirectory);
        this.prefix = kind + "-";
    }

    /** The folder of a build that holds everything the steps keep: {@code <build>/mlops}. */
    public static Path directory(final File buildDirectory) {
        return buildDirectory.toPath().resolve("mlops");
    }

    /**
     * Creates the folder of the next call of this build. Creating it is atomic, so parallel branches of one
     * Pipeline that run the step at the same time each get their own.
     *
     * @return its id, {@code <kind>-N}
     * @throws IOException when the build directory cannot be written
     */
    public String newId() throws IOException {
        Files.createDirectories(root);
        for (int n = 1; ; n++) {
            var id = prefix + n;
            try {
                Files.createDirectory(root.resolve(id));
                return id;
            } catch (FileAlreadyExistsException e) {
                // taken by an earlier call in this build: try the next number
            }
        }
    }

    /** The report.json of a call. */
    public Path reportFile(final String id) {
        return root.resolve(id).resolve(REPORT_JSON);
    }

    /**
     * Copies the report.json that the engine wrote into the workspace to the folder of a call. Without one, the build
     * page can show only the summary, and the log says so.
     *
     * @param workspace the workspace
     * @param reportDir the report directory, relative to the workspace
     * @param id        the id from {@link #newId()}
     * @param log       the build log
     * @param function  the step's Pipeline function name, which starts the log line
     * @throws IOException          when the agent or the build directory cannot be reached
     * @throws InterruptedException when the build is aborted
     */
    public void copyFrom(final FilePath workspace, final String reportDir, final String id, final PrintStream log,
            final String function) throws IOException, InterruptedException {
        var reportJson = workspace.child(reportDir + "/" + REPORT_JSON);
        if (!reportJson.exists()) {
            log.println(function + ": no " + REPORT_JSON + " in " + reportDir
                    + ", so the build page shows the summary only");
            return;
        }
        try (var out = Files.newOutputStream(reportFile(id))) {
            reportJson.copyTo(out);
        }
    }

    /**
     * Reads the report.json of a call into the engine's types, with the engine's own JSON setup (which ignores
     * fields it does not know, so reports of a newer engine still load).
     *
     * @throws IOException when the file is missing or unreadable
     */
    public <T> T read(final String id, final Class<T> type) throws IOException {
        return ReportJson.read(reportFile(id), type);
    }

    /** The sequence number in an id, for display. */
    public static int number(final String id) {
        return Integer.parseInt(id.substring(id.lastIndexOf('-') + 1));
    }
}
