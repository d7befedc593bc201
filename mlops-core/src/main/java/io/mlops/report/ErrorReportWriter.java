package io.mlops.report;

import io.mlops.util.InputException;
import io.mlops.util.Interruptions;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;

/**
 * Writes the four report files of an {@link ErrorReport}: report.json with status ERROR, a report.md and
 * report.html that say what went wrong, and a junit.xml whose single test case is an error, so that Jenkins'
 * JUnit plugin and other CI systems show the failure instead of an old result.
 */
public final class ErrorReportWriter {
    private static final String NO_RESULT = "The step stopped before it produced a result. Fix the input or "
            + "configuration named above and run it again; a step that was interrupted (an aborted build) only needs "
            + "to run again.";

    private ErrorReportWriter() {
    }

    /** A step that produces its result and reports. */
    @FunctionalInterface
    public interface Step<T, E extends Exception> {
        /** @param started when the step started, for its report */
        T run(Instant started) throws IOException, E;
    }

    /**
     * Runs a step that reads {@code reads} ("input", "the model") and whose reports go to {@code dir} (null: none)
     * and, when it stops before a result, writes an ERROR report there that says why and rethrows, so that no stale
     * or partial report is ever taken for a result: on bad input or configuration ({@link InputException}), on a
     * file that cannot be read ({@link IOException}), and when the thread is interrupted (an aborted build).
     *
     * <p>An interrupt is no input problem, wherever it surfaces (a channel or file lock it closed, a hand-off it
     * stopped, the "cannot read" or "cannot write" that a reader made of that): a failure while the thread is
     * interrupted ends the step with an {@link IllegalStateException} "interrupted while ...", and the interrupt
     * status stays set.
     */
    public static <T, E extends Exception> T unlessResult(final ReportKind kind, final Path dir, final String reads,
            final Step<T, E> step) throws IOException, E {
        var started = Instant.now();
        try {
            return step.run(started);
        }
        catch (IOException | RuntimeException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw interrupted(kind, dir, started, e);
            }
            if (e instanceof IOException) {
                writeIfWanted(kind, dir, started, "cannot read " + reads + ": " + e.getMessage());
            }
            else if (e instanceof InputException) {
                writeIfWanted(kind, dir, started, e.getMessage());
            }
            throw e;
        }
    }

    private static IllegalStateException interrupted(final ReportKind kind, final Path dir, final Instant started,
            final Exception e) throws IOException {
        Interruptions.despiteInterrupt(() -> writeIfWanted(kind, dir, started,
                kind.step() + " was interrupted and stopped before a result"));
        return e instanceof IllegalStateException stopped ? stopped : Interruptions.interrupted("running", e);
    }

    private static void writeIfWanted(final ReportKind kind, final Path dir, final Instant started,
            final String message) throws IOException {
        if (dir != null) {
            write(ErrorReport.since(kind, message, started), dir);
        }
    }

    /** Creates {@code dir} if needed and writes report.json, report.md, report.html and junit.xml into it. */
    public static void write(final ErrorReport report, final Path dir) throws IOException {
        files(report).writeTo(dir);
    }

    /** Renders the four files without writing them. */
    public static ReportFiles files(final ErrorReport report) {
        return new ReportFiles(json(report), markdown(report), html(report), junit(report));
    }

    private static String json(final ErrorReport report) {
        return ReportJson.stream(json -> {
            json.writeNumberField("schemaVersion", report.schemaVersion());
            json.writeStringField("kind", report.kind().id());
            json.writeStringField("status", report.status().name());
            json.writeStringField("summary", report.summary());
            json.writeFieldName("startedAt");
            ReportJson.value(json, report.startedAt());
            json.writeNumberField("durationMs", report.durationMs());
        });
    }

    private static String markdown(final ErrorReport report) {
        return MarkdownDocument.withHeadline(report.header())
                .paragraph(Markdown.text(NO_RESULT))
                .render();
    }

    private static String html(final ErrorReport report) {
        var facts = new LinkedHashMap<String, Object>();
        facts.put("Step", report.kind().step());
        facts.put("Cause", report.summary());
        return new HtmlPage(report.header())
                .section("error", "What went wrong", Html.concat(HtmlPage.facts(facts),
                        HtmlElement.of("p").cls("note").text(NO_RESULT).toHtml()))
                .render();
    }

    private static String junit(final ErrorReport report) {
        var step = report.kind().step();
        return new JunitXml("mlops." + step, report.startedAt(), report.durationMs())
                .property("status", Status.ERROR)
                .errored("mlops." + step, step, report.summary(), report.summary())
                .render();
    }
}
