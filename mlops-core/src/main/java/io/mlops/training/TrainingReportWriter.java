package io.mlops.training;

import com.fasterxml.jackson.core.JsonGenerator;
import io.mlops.report.DisplayValues;
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
import io.mlops.training.TrainingSpec.CodeSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the four files of a {@link TrainingReport}: report.json (kind {@code training}), report.md, report.html and
 * junit.xml with one test case for the training. Secrets never appear: Secret variables are shown as their
 * {@code SECRET:KEY} reference, plain variables by name only (a value may still be sensitive), and the git URL
 * carries no credentials by construction.
 */
public final class TrainingReportWriter {
    private static final List<String> ATTEMPT_COLUMNS = List.of("Attempt", "Phase", "Node", "Started", "Wall time",
            "Explanation");

    private TrainingReportWriter() {
    }

    /** Creates {@code dir} if needed and writes the four files into it. */
    public static void write(final TrainingReport report, final Path dir) throws IOException {
        files(report).writeTo(dir);
    }

    /** Renders the four files without writing them. */
    public static ReportFiles files(final TrainingReport report) {
        return new ReportFiles(json(report), markdown(report), html(report), junit(report));
    }

    static String json(final TrainingReport report) {
        return ReportJson.stream(json -> {
            json.writeNumberField("schemaVersion", TrainingReport.SCHEMA_VERSION);
            json.writeStringField("kind", ReportKind.TRAINING.id());
            json.writeStringField("status", report.status().name());
            json.writeStringField("summary", report.summary());
            json.writeFieldName("startedAt");
            ReportJson.value(json, report.startedAt());
            json.writeNumberField("durationMs", report.durationMs());
            json.writeStringField("runner", report.runner());
            json.writeFieldName("spec");
            ReportJson.value(json, specFields(report.spec()));
            json.writeFieldName("outcome");
            writeOutcome(json, report.outcome());
            json.writeArrayFieldStart("attempts");
            for (var attempt : report.attempts()) {
                writeOutcome(json, attempt);
            }
            json.writeEndArray();
            json.writeFieldName("gpuHours");
            ReportJson.number(json, report.gpuHours());
            json.writeStringField("gitCommit", report.gitCommit());
            json.writeObjectFieldStart("mlflow");
            json.writeStringField("trackingUri", report.tracking().trackingUri());
            json.writeStringField("experimentId", report.tracking().experimentId());
            json.writeStringField("runId", report.tracking().runId());
            json.writeStringField("experimentLink", report.links().experiment());
            json.writeStringField("runLink", report.links().run());
            json.writeEndObject();
            json.writeFieldName("lineage");
            ReportJson.value(json, report.lineage().facts());
        });
    }

    private static void writeOutcome(final JsonGenerator json, final TrainingOutcome outcome) throws IOException {
        var fields = new LinkedHashMap<String, Object>();
        fields.put("job", outcome.job());
        fields.put("phase", outcome.phase().name());
        fields.put("exitCode", outcome.exitCode());
        fields.put("explanation", outcome.explanation());
        fields.put("node", outcome.node());
        fields.put("image", outcome.image());
        fields.put("imageDigest", outcome.imageDigest());
        fields.put("gpuType", outcome.gpuType());
        fields.put("gpus", outcome.gpus());
        fields.put("startedAt", outcome.startedAt());
        fields.put("finishedAt", outcome.finishedAt());
        fields.put("wallSeconds", outcome.wallTime().toMillis() / 1000.0);
        fields.put("gpuHours", outcome.gpuHours());
        ReportJson.value(json, fields);
    }

    /** The spec as report.json shows it: Secret variables as references, plain ones by name only. */
    static Map<String, Object> specFields(final TrainingSpec spec) {
        var fields = new LinkedHashMap<String, Object>();
        fields.put("name", spec.name());
        fields.put("image", spec.image());
        fields.put("command", spec.command());
        fields.put("workingDir", spec.workingDir());
        fields.put("env", List.copyOf(spec.env().keySet()));
        var secrets = new LinkedHashMap<String, Object>();
        spec.secretEnv().forEach((name, secret) -> secrets.put(name, secret.toString()));
        fields.put("secretEnv", secrets);
        var resources = new LinkedHashMap<String, Object>();
        resources.put("gpus", spec.resources().gpus());
        resources.put("gpuType", spec.resources().gpuType());
        resources.put("cpuRequest", spec.resources().cpuRequest());
        resources.put("cpuLimit", spec.resources().cpuLimit());
        resources.put("memoryRequest", spec.resources().memoryRequest());
        resources.put("memoryLimit", spec.resources().memoryLimit());
        fields.put("resources", resources);
        var placement = new LinkedHashMap<String, Object>();
        placement.put("namespace", spec.placement().namespace());
        placement.put("nodeSelector", spec.placement().nodeSelector());
        placement.put("tolerations", spec.placement().tolerations().stream().map(TrainingReportWriter::toleration)
                .toList());
        placement.put("serviceAccount", spec.placement().serviceAccount());
        fields.put("placement", placement);
        fields.put("code", codeFields(spec.code()));
        fields.put("timeoutSeconds", spec.timeout().toSeconds());
        fields.put("retries", spec.retries());
        fields.put("labels", spec.labels());
        fields.put("experiment", spec.experiment());
        return fields;
    }

    /** The spec as people read it: only what was set, in words rather than report.json's field names. */
    static Map<String, String> specRows(final TrainingSpec spec) {
        var rows = new LinkedHashMap<String, String>();
        var resources = spec.resources();
        var placement = spec.placement();
        putIf(rows, "Image", spec.image());
        rows.put("Command", CommandWords.join(spec.command()));
        putIf(rows, "Working directory", spec.workingDir());
        putIf(rows, "Environment", String.join(", ", spec.env().keySet()));
        putIf(rows, "Secret environment", String.join(", ", spec.secretEnv().entrySet().stream()
                .map(secret -> secret.getKey() + " from " + secret.getValue()).toList()));
        if (resources.gpus() > 0) {
            rows.put("GPUs", resources.gpus() + " × " + (resources.gpuType() == null ? "any GPU" : resources.gpuType()));
        }
        putIf(rows, "CPU", requestAndLimit(resources.cpuRequest(), resources.cpuLimit()));
        putIf(rows, "Memory", requestAndLimit(resources.memoryRequest(), resources.memoryLimit()));
        putIf(rows, "Namespace", placement.namespace());
        putIf(rows, "Node selector", String.join(", ", placement.nodeSelector().entrySet().stream()
                .map(label -> label.getKey() + "=" + label.getValue()).toList()));
        putIf(rows, "Tolerations", String.join(", ", placement.tolerations().stream()
                .map(TrainingReportWriter::toleration).toList()));
        putIf(rows, "Service account", placement.serviceAccount());
        if (spec.code() instanceof CodeSource.GitClone clone) {
            rows.put("Code", "git clone of " + clone.url() + " at " + clone.commit()
                    + (clone.token() == null ? "" : ", token from " + clone.token()));
        }
        else if (spec.code() instanceof CodeSource.VolumeClaim claim) {
            rows.put("Code", "volume claim " + claim.claimName() + " at " + claim.mountPath());
        }
        rows.put("Timeout", DisplayValues.duration(spec.timeout().toMillis()));
        rows.put("Retries of interrupted attempts", Integer.toString(spec.retries()));
        putIf(rows, "Labels", String.join(", ", spec.labels().entrySet().stream()
                .map(label -> label.getKey() + "=" + label.getValue()).toList()));
        putIf(rows, "Experiment", spec.experiment());
        return rows;
    }

    private static String requestAndLimit(final String request, final String limit) {
        if (request == null && limit == null) {
            return null;
        }
        return (request == null ? "no request" : request + " requested") + ", "
                + (limit == null ? "no limit" : "limit " + limit);
    }

    private static void putIf(final Map<String, String> rows, final String name, final String value) {
        if (value != null && !value.isBlank()) {
            rows.put(name, value);
        }
    }

    private static String toleration(final TrainingSpec.Toleration toleration) {
        return toleration.key() + (toleration.value() == null ? "" : "=" + toleration.value())
                + (toleration.effect() == null ? "" : ":" + toleration.effect()) + " (" + toleration.operator() + ")";
    }

    private static Map<String, Object> codeFields(final CodeSource code) {
        var fields = new LinkedHashMap<String, Object>();
        if (code instanceof CodeSource.GitClone clone) {
            fields.put("type", "git");
            fields.put("url", clone.url());
            fields.put("commit", clone.commit());
            fields.put("token", clone.token() == null ? null : clone.token().toString());
        }
        else if (code instanceof CodeSource.VolumeClaim claim) {
            fields.put("type", "volumeClaim");
            fields.put("claimName", claim.claimName());
            fields.put("mountPath", claim.mountPath());
        }
        else {
            fields.put("type", "image");
        }
        return fields;
    }

    /** The facts people look for first, in order. */
    private static Map<String, Object> facts(final TrainingReport report) {
        var outcome = report.outcome();
        var facts = new LinkedHashMap<String, Object>();
        facts.put("Outcome", outcome.explanation());
        facts.put("Runner", report.runner() + ", " + outcome.job());
        facts.put("Command", CommandWords.join(report.spec().command()));
        if (outcome.image() != null || report.spec().image() != null) {
            facts.put("Image", (outcome.image() != null ? outcome.image() : report.spec().image())
                    + (outcome.imageDigest() == null ? "" : " (" + outcome.imageDigest() + ")"));
        }
        facts.put("Node", outcome.node() == null ? "none" : outcome.node());
        facts.put("GPUs", outcome.gpus() == 0 ? "none" : outcome.gpus() + " × " + (outcome.gpuType() == null ? "GPU"
                : outcome.gpuType()));
        facts.put("Started", DisplayValues.time(outcome.startedAt()));
        facts.put("Wall time", DisplayValues.duration(outcome.wallTime().toMillis()));
        facts.put("GPU-hours (all attempts)", String.format(Locale.ROOT, "%.2f", report.gpuHours()));
        facts.put("Exit code", outcome.exitCode() == null ? "none" : outcome.exitCode().toString());
        facts.put("Commit", report.gitCommit() == null ? "unknown" : report.gitCommit());
        facts.put("MLflow run", report.tracking().runId() == null ? "none (no experiment given)"
                : report.tracking().runId());
        return facts;
    }

    private static String markdown(final TrainingReport report) {
        var document = MarkdownDocument.withHeadline(report.header());
        var table = new MarkdownTable("", "");
        facts(report).forEach(table::row);
        document.table(table);
        var links = links(report);
        if (!links.isEmpty()) {
            document.heading(2, "Links");
            document.bullets(links.entrySet().stream().map(link -> Markdown.text(link.getKey() + ": "
                    + link.getValue())).toList());
        }
        var attempts = new MarkdownTable(ATTEMPT_COLUMNS);
        report.attempts().forEach(attempt -> attempts.row(attemptRow(attempt)));
        return document.heading(2, "Attempts").table(attempts).render();
    }

    private static String html(final TrainingReport report) {
        var page = new HtmlPage(report.header()).section("training", "Training", HtmlPage.facts(facts(report)));
        var links = links(report);
        if (!links.isEmpty()) {
            var list = HtmlElement.of("ul");
            links.forEach((title, url) -> list.add(HtmlElement.of("li").add(HtmlElement.of("a").link(url)
                    .text(title))));
            page.section("links", "Links", list.toHtml());
        }
        var attempts = new HtmlTable("attempts", ATTEMPT_COLUMNS);
        report.attempts().forEach(attempt -> attempts.row(attemptRow(attempt)));
        page.section("attempts", "Attempts", attempts.toHtml());
        var spec = new HtmlTable("spec", List.of("Setting", "Value"));
        specRows(report.spec()).forEach(spec::row);
        return page.section("spec", "Job spec", spec.rowCount() == 0 ? Html.text("none") : spec.toHtml()).render();
    }

    private static Object[] attemptRow(final TrainingOutcome attempt) {
        return new Object[] {attempt.job(), attempt.phase().name(), attempt.node() == null ? "none" : attempt.node(),
                DisplayValues.time(attempt.startedAt()), DisplayValues.duration(attempt.wallTime().toMillis()),
                attempt.explanation()};
    }

    /** The links that are http(s) URLs, titled. */
    private static Map<String, String> links(final TrainingReport report) {
        var links = new LinkedHashMap<String, String>();
        putLink(links, "MLflow experiment", report.links().experiment());
        putLink(links, "MLflow run", report.links().run());
        return links;
    }

    private static void putLink(final Map<String, String> links, final String title, final String url) {
        if (url != null && (url.startsWith("https://") || url.startsWith("http://"))) {
            links.put(title, url);
        }
    }

    private static String junit(final TrainingReport report) {
        var step = ReportKind.TRAINING.step();
        var outcome = report.outcome();
        return new JunitXml("mlops." + step, report.startedAt(), report.durationMs())
                .property("status", report.status())
                .property("runner", report.runner())
                .property("job", outcome.job())
                .property("gpuHours", String.format(Locale.ROOT, "%.4f", report.gpuHours()))
                .result("mlops." + step, "train " + report.spec().name(), report.status(), report.summary())
                .render();
    }
}
