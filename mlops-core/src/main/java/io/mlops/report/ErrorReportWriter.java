package io.mlops.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;

/**
 * Writes the four report files of an {@link ErrorReport}: report.json with status ERROR, a report.md and
 * report.html that say what went wrong, and a junit.xml whose single test case is an error, so that Jenkins'
 * JUnit plugin and other CI systems show the failure instead of an old result.
 */
public final class ErrorReportWriter {
    private ErrorReportWriter() {
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
                .paragraph(Markdown.text("The step stopped before it produced a result. Fix the input or "
                        + "configuration named above and run it again."))
                .render();
    }

    private static String html(final ErrorReport report) {
        var facts = new LinkedHashMap<String, Object>();
        facts.put("Step", report.kind().step());
        facts.put("Cause", report.summary());
        return new HtmlPage(report.header())
                .section("error", "What went wrong", Html.concat(HtmlPage.facts(facts),
                        HtmlElement.of("p").cls("note").text("The step stopped before it produced a result. "
                                + "Fix the input or configuration named above and run it again.").toHtml()))
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
