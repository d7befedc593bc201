package io.mlops.validation;

import io.mlops.report.ReportFiles;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes the report directory of {@code validateData}: report.json (kind {@code data-validation}), report.md,
 * report.html and junit.xml, each replaced atomically.
 */
public final class ValidationReportWriter {
    private ValidationReportWriter() {
    }

    /** Creates {@code dir} if needed and writes the four report files into it. */
    public static void write(final ValidationReport report, final Path dir) throws IOException {
        files(report).writeTo(dir);
    }

    /** Renders the four files without writing them. */
    public static ReportFiles files(final ValidationReport report) {
        return new ReportFiles(ValidationReportJson.render(report), ValidationReportMarkdown.render(report),
                ValidationReportHtml.render(report), ValidationReportJunit.render(report));
    }
}
