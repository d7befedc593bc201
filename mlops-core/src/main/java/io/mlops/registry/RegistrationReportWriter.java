package io.mlops.registry;

import io.mlops.report.Html;
import io.mlops.report.HtmlElement;
import io.mlops.report.HtmlPage;
import io.mlops.report.HtmlTable;
import io.mlops.report.JunitXml;
import io.mlops.report.Markdown;
import io.mlops.report.MarkdownDocument;
import io.mlops.report.MarkdownTable;
import io.mlops.report.ReportFiles;
import io.mlops.report.ReportJson;
import io.mlops.report.ReportKind;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the four files of a {@link RegistrationReport}: report.json (kind {@code model-registration}),
 * report.md, report.html and junit.xml with one test case for the registration.
 */
public final class RegistrationReportWriter {
    private RegistrationReportWriter() {
    }

    /** Creates {@code dir} if needed and writes the four files into it. */
    public static void write(final RegistrationReport report, final Path dir) throws IOException {
        files(report).writeTo(dir);
    }

    /** Renders the four files without writing them. */
    public static ReportFiles files(final RegistrationReport report) {
        return new ReportFiles(json(report), markdown(report), html(report), junit(report));
    }

    static String json(final RegistrationReport report) {
        var version = report.version();
        return ReportJson.stream(json -> {
            json.writeNumberField("schemaVersion", RegistrationReport.SCHEMA_VERSION);
            json.writeStringField("kind", ReportKind.MODEL_REGISTRATION.id());
            json.writeStringField("status", report.status().name());
            json.writeStringField("summary", report.summary());
            json.writeFieldName("startedAt");
            ReportJson.value(json, report.startedAt());
            json.writeNumberField("durationMs", report.durationMs());
            json.writeStringField("registry", report.registry());
            json.writeObjectFieldStart("model");
            json.writeStringField("name", version.name());
            json.writeStringField("version", version.version());
            json.writeStringField("uri", version.uri());
            json.writeStringField("source", version.source());
            json.writeStringField("runId", version.runId());
            json.writeStringField("description", version.description());
            json.writeStringField("experimentId", report.experimentId());
            json.writeStringField("alias", report.alias());
            json.writeArrayFieldStart("aliases");
            for (var alias : version.aliases()) {
                json.writeString(alias);
            }
            json.writeEndArray();
            json.writeBooleanField("created", report.created());
            json.writeObjectFieldStart("tags");
            for (var tag : version.tags().entrySet()) {
                json.writeStringField(tag.getKey(), tag.getValue());
            }
            json.writeEndObject();
            json.writeEndObject();
            json.writeObjectFieldStart("links");
            json.writeStringField("experiment", report.links().experiment());
            json.writeStringField("run", report.links().run());
            json.writeStringField("version", report.links().version());
            json.writeEndObject();
        });
    }

    private static Map<String, Object> facts(final RegistrationReport report) {
        var version = report.version();
        var facts = new LinkedHashMap<String, Object>();
        facts.put("Model", version.uri());
        facts.put("Alias", report.alias() == null ? "none set by this step" : report.alias());
        facts.put("All aliases of this version", version.aliases().isEmpty() ? "none" : String.join(", ",
                version.aliases()));
        facts.put("Registry", report.registry());
        if (version.description() != null) {
            facts.put("Description", version.description());
        }
        facts.put("Source", version.source());
        facts.put("Run", version.runId() == null ? "none" : version.runId());
        facts.put("New version", report.created() ? "yes" : "no: this build had registered it already");
        return facts;
    }

    private static String markdown(final RegistrationReport report) {
        var document = MarkdownDocument.withHeadline(report.header());
        var table = new MarkdownTable("", "");
        facts(report).forEach((name, value) -> table.row(name, value));
        document.table(table);
        var links = linkList(report);
        if (!links.isEmpty()) {
            document.heading(2, "Links");
            document.bullets(links.entrySet().stream().map(link -> Markdown.text(link.getKey() + ": "
                    + link.getValue())).toList());
        }
        var tags = new MarkdownTable("Tag", "Value");
        report.tags().forEach((key, value) -> tags.row(key, value));
        return document.heading(2, "Tags on the version").table(tags).render();
    }

    private static String html(final RegistrationReport report) {
        var page = new HtmlPage(report.header()).section("model", "Model version",
                HtmlPage.facts(facts(report)));
        var links = linkList(report);
        if (!links.isEmpty()) {
            var list = HtmlElement.of("ul");
            links.forEach((title, url) -> list.add(HtmlElement.of("li").add(HtmlElement.of("a").link(url)
                    .text(title))));
            page.section("links", "Links", list.toHtml());
        }
        var tags = new HtmlTable("tags", List.of("Tag", "Value"));
        report.tags().forEach((key, value) -> tags.row(key, value));
        return page.section("tags", "Tags on the version", tags.rowCount() == 0 ? Html.text("No tags.")
                : tags.toHtml()).render();
    }

    /** The links that are http(s) URLs, titled. */
    private static Map<String, String> linkList(final RegistrationReport report) {
        var links = new LinkedHashMap<String, String>();
        putLink(links, "MLflow experiment", report.links().experiment());
        putLink(links, "MLflow run", report.links().run());
        putLink(links, "Model version", report.links().version());
        return links;
    }

    private static void putLink(final Map<String, String> links, final String title, final String url) {
        if (url != null && (url.startsWith("https://") || url.startsWith("http://"))) {
            links.put(title, url);
        }
    }

    private static String junit(final RegistrationReport report) {
        var step = ReportKind.MODEL_REGISTRATION.step();
        return new JunitXml("mlops." + step, report.startedAt(), report.durationMs())
                .property("status", report.status())
                .property("model", report.version().uri())
                .result("mlops." + step, "register " + report.version().name(), report.status(), report.summary())
                .render();
    }
}
