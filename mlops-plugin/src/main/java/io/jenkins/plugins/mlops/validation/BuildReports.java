package io.jenkins.plugins.mlops.validation;

import io.mlops.report.ReportJson;
import io.mlops.validation.ValidationReport;

import java.io.File;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The full reports of a build, kept in the build directory rather than in build.xml:
 * {@code <build>/mlops/validation-N/report.json}, one folder per {@code validateData} call.
 */
final class BuildReports {
    static final String REPORT_JSON = "report.json";
    private static final String PREFIX = "validation-";

    private final Path root;

    BuildReports(final File buildDirectory) {
        this.root = buildDirectory.toPath().resolve("mlops");
    }

    /**
     * Creates the folder of the next validation of this build. Creating it is atomic, so parallel branches of one
     * Pipeline that validate at the same time each get their own.
     *
     * @return its id, {@code validation-N}
     * @throws IOException when the build directory cannot be written
     */
    String newId() throws IOException {
        Files.createDirectories(root);
        for (int n = 1; ; n++) {
            var id = PREFIX + n;
            try {
                Files.createDirectory(root.resolve(id));
                return id;
            } catch (FileAlreadyExistsException e) {
                // taken by an earlier validation of this build: try the next number
            }
        }
    }

    /** The report.json of a validation. */
    Path reportFile(final String id) {
        return root.resolve(id).resolve(REPORT_JSON);
    }

    /**
     * Reads the report.json of a validation into the engine's types, with the engine's own JSON setup (which
     * ignores fields it does not know, so reports of a newer engine still load).
     *
     * @throws IOException when the file is missing or unreadable
     */
    ValidationReport read(final String id) throws IOException {
        return ReportJson.read(reportFile(id), ValidationReport.class);
    }

    /** The sequence number in an id, for display. */
    static int number(final String id) {
        return Integer.parseInt(id.substring(PREFIX.length()));
    }
}
