package io.mlops.report;

import io.mlops.util.AtomicFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The four rendered files of a report directory, written so that a reader never sees half a file: each is
 * written to a temporary file in the same directory and then moved over the old one. Everything is rendered
 * before anything is written, and report.json comes last, so a reader that sees a new report.json also finds
 * the Markdown, HTML and JUnit files that go with it.
 *
 * @param json     report.json
 * @param markdown report.md
 * @param html     report.html
 * @param junitXml junit.xml
 */
public record ReportFiles(String json, String markdown, String html, String junitXml) {
    public static final String REPORT_JSON = "report.json";
    public static final String REPORT_MD = "report.md";
    public static final String REPORT_HTML = "report.html";
    public static final String JUNIT_XML = "junit.xml";

    public ReportFiles {
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(markdown, "markdown");
        Objects.requireNonNull(html, "html");
        Objects.requireNonNull(junitXml, "junitXml");
    }

    /** Creates the directory (and its parents) if needed and writes the four files into it. */
    public void writeTo(final Path dir) throws IOException {
        Files.createDirectories(dir);
        writeAtomically(dir.resolve(REPORT_MD), markdown);
        writeAtomically(dir.resolve(REPORT_HTML), html);
        writeAtomically(dir.resolve(JUNIT_XML), junitXml);
        writeAtomically(dir.resolve(REPORT_JSON), json);
    }

    /** Writes a UTF-8 text file via a temporary sibling and a move, so the target is either old or new. */
    public static void writeAtomically(final Path target, final String content) throws IOException {
        AtomicFiles.write(target, content.getBytes(StandardCharsets.UTF_8));
    }
}
