package io.mlops.evaluation;

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
import io.mlops.report.ReportHeader;
import io.mlops.report.ReportJson;
import io.mlops.report.ReportKind;
import io.mlops.report.Status;
import io.mlops.report.SvgLineChart;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the report directory of {@code evaluateModel}: report.json (kind {@code model-evaluation}), report.md
 * (the metric-diff table, fit for a pull-request comment), a self-contained report.html (metric diff, gates,
 * curves, confusion matrix, slices, fairness) and junit.xml (one test case per gate).
 */
public final class EvaluationReportWriter {
    private static final String SUITE = "mlops.evaluateModel";

    private EvaluationReportWriter() {
    }

    /** Creates {@code dir} if needed and writes the four report files into it. */
    public static void write(final EvaluationReport report, final Path dir) throws IOException {
        files(report).writeTo(dir);
    }

    /** Renders the four files without writing them. */
    public static ReportFiles files(final EvaluationReport report) {
        return new ReportFiles(ReportJson.toJson(report), markdown(report), html(report), junit(report));
    }

    static ReportHeader header(final EvaluationReport report) {
        return new ReportHeader(ReportKind.MODEL_EVALUATION, report.status(), report.summary(), report.startedAt(),
                report.durationMs());
    }

    // ---- Markdown

    private static String markdown(final EvaluationReport report) {
        var document = MarkdownDocument.withHeadline(header(report));
        if (!report.gates().isEmpty()) {
            var gates = new MarkdownTable("Gate", "Rule", "Verdict", "Why");
            for (GateResult gate : report.gates()) {
                gates.row(gateName(gate), gate.rule(), Markdown.bold(gate.status().name()), gate.message());
            }
            document.heading(2, "Gates").table(gates);
        }
        document.heading(2, report.baseline() == null ? "Metrics" : "Metrics against the production model");
        document.table(metricTable(report));
        if (report.baseline() != null && "metrics".equals(report.baseline().kind())) {
            document.paragraph(Markdown.text("Point comparison only: the baseline came as metrics ("
                    + report.baseline().source() + "), not as predictions on the same rows, so there are no "
                    + "confidence intervals or p-values."));
        }
        return document.paragraph(Markdown.text("The full report, with curves, slices and fairness, is in "
                + "report.html; report.json holds the machine-readable result.")).render();
    }

    private static MarkdownTable metricTable(final EvaluationReport report) {
        if (report.baseline() == null) {
            var table = new MarkdownTable("Metric", "Candidate");
            report.metrics().forEach((name, value) -> table.row(name, DisplayValues.of(value)));
            return table;
        }
        var verdicts = verdicts(report);
        var table = new MarkdownTable("Metric", "Candidate", "Production", "Δ", "95% interval", "p", "Test", "Gate");
        for (EvaluationReport.Comparison c : report.comparisons()) {
            var verdict = verdicts.get(c.metric());
            table.row(c.metric(), DisplayValues.number(c.candidate()), DisplayValues.number(c.baseline()),
                    signed(c.delta()), interval(c), c.pValue() == null ? "—" : DisplayValues.number(c.pValue()),
                    c.test(), verdict == null ? "" : Markdown.bold(verdict.name()));
        }
        return table;
    }

    // ---- HTML

    private static String html(final EvaluationReport report) {
        var page = new HtmlPage(header(report));
        var facts = new LinkedHashMap<String, Object>();
        facts.put("Predictions", report.predictions().path());
        facts.put("Task", report.task().id());
        facts.put("Rows", DisplayValues.count(report.rows()));
        if (report.positiveLabel() != null) {
            facts.put("Positive class", report.positiveLabel());
        }
        facts.put("SHA-256", report.predictions().sha256());
        if (report.baseline() != null) {
            facts.put("Production model", report.baseline().source() + " (" + report.baseline().kind() + ")");
        }
        page.section("evaluation", "Evaluation", HtmlPage.facts(facts));
        if (!report.gates().isEmpty()) {
            var gates = new HtmlTable("gates", List.of("Gate", "Rule", "Verdict", "Why"));
            for (GateResult gate : report.gates()) {
                gates.rowWithClass(tone(gate.status()), gateName(gate), gate.rule(),
                        HtmlPage.badge(gate.status().name(), tone(gate.status())), gate.message());
            }
            page.section("gates", "Gates", gates.toHtml());
        }
        page.section("metrics", report.baseline() == null ? "Metrics" : "Metric diff against production",
                metricsHtml(report));
        if (!report.curves().isEmpty()) {
            page.section("curves", "Curves", curves(report.curves()));
        }
        if (report.confusionMatrix() != null) {
            page.section("confusion", "Confusion matrix", confusion(report.confusionMatrix()));
        }
        if (!report.classes().isEmpty()) {
            var classes = new HtmlTable("classes", List.of("Class", "Precision", "Recall", "F1", "Support"));
            for (ClassMetrics c : report.classes()) {
                classes.row(c.label(), DisplayValues.number(c.precision()), DisplayValues.number(c.recall()),
                        DisplayValues.number(c.f1()), DisplayValues.count(c.support()));
            }
            page.section("classes", "Per class", classes.toHtml());
        }
        for (Map.Entry<String, Map<String, EvaluationReport.Slice>> column : report.slices().entrySet()) {
            page.section("slices-" + column.getKey(), "Slices by " + column.getKey(), slices(column.getValue()));
        }
        for (Map.Entry<String, FairnessResult> attribute : report.fairness().entrySet()) {
            page.section("fairness-" + attribute.getKey(), "Fairness across " + attribute.getKey(),
                    fairness(attribute.getValue()));
        }
        return page.render();
    }

    private static Html metricsHtml(final EvaluationReport report) {
        if (report.baseline() == null) {
            var table = new HtmlTable("metrics", List.of("Metric", "Candidate"));
            report.metrics().forEach((name, value) -> table.row(name, DisplayValues.of(value)));
            return table.toHtml();
        }
        var verdicts = verdicts(report);
        var table = new HtmlTable("metrics", List.of("Metric", "Candidate", "Production", "Δ", "95% interval", "p",
                "Test", "Gate"));
        for (EvaluationReport.Comparison c : report.comparisons()) {
            var verdict = verdicts.get(c.metric());
            table.rowWithClass(verdict == null ? null : tone(verdict), c.metric(), DisplayValues.number(c.candidate()),
                    DisplayValues.number(c.baseline()), signed(c.delta()), interval(c),
                    c.pValue() == null ? "—" : DisplayValues.number(c.pValue()), c.test(),
                    verdict == null ? "" : HtmlPage.badge(verdict.name(), tone(verdict)));
        }
        return table.toHtml();
    }

    private static Html curves(final Map<String, Map<String, Curve>> curves) {
        return HtmlElement.of("div").cls("charts").addAll(curveCharts(curves)).toHtml();
    }

    /**
     * The ROC, precision-recall and calibration charts of a report's curves, as in report.html (the Jenkins build
     * page shows the same).
     *
     * @param curves {@link EvaluationReport#curves()}
     * @return one SVG chart per curve kind present, in that order
     */
    public static List<Html> curveCharts(final Map<String, Map<String, Curve>> curves) {
        var charts = new ArrayList<Html>();
        addChart(charts, curves.get("roc"), "ROC curve", "False positive rate", "True positive rate", true);
        addChart(charts, curves.get("precision_recall"), "Precision-recall curve", "Recall", "Precision", false);
        addChart(charts, curves.get("calibration"), "Calibration", "Mean predicted probability", "Share positive",
                true);
        return charts;
    }

    private static void addChart(final List<Html> charts, final Map<String, Curve> byModel, final String title,
            final String x, final String y, final boolean diagonal) {
        if (byModel == null || byModel.isEmpty()) {
            return;
        }
        var series = new ArrayList<SvgLineChart.Series>();
        byModel.forEach((model, curve) -> series.add(new SvgLineChart.Series(model, curve.x(), curve.y())));
        charts.add(new SvgLineChart(title, x, y, series, diagonal).toHtml());
    }

    private static Html confusion(final EvaluationReport.ConfusionMatrix matrix) {
        var headers = new ArrayList<String>();
        headers.add("actual \\ predicted");
        headers.addAll(matrix.labels());
        var table = new HtmlTable("confusion", headers);
        for (int actual = 0; actual < matrix.labels().size(); actual++) {
            var cells = new ArrayList<Object>();
            cells.add(matrix.labels().get(actual));
            for (long count : matrix.counts()[actual]) {
                cells.add(DisplayValues.count(count));
            }
            table.row(cells.toArray());
        }
        return table.toHtml();
    }

    private static Html slices(final Map<String, EvaluationReport.Slice> slices) {
        var metricNames = new ArrayList<String>();
        slices.values().stream().findFirst().ifPresent(s -> s.metrics().keySet().stream()
                .filter(m -> !m.equals("example_count")).forEach(metricNames::add));
        var headers = new ArrayList<String>(List.of("Value", "Rows", "Gated"));
        headers.addAll(metricNames);
        var table = new HtmlTable("slices", headers);
        slices.forEach((value, slice) -> {
            var cells = new ArrayList<Object>(List.of(value, DisplayValues.count(slice.rows()),
                    slice.gated() ? "yes" : "no (too few rows)"));
            metricNames.forEach(m -> cells.add(DisplayValues.of(slice.metrics().get(m))));
            table.row(cells.toArray());
        });
        return table.toHtml();
    }

    private static Html fairness(final FairnessResult result) {
        var measures = new LinkedHashMap<String, Object>();
        result.measures().forEach((name, value) -> measures.put(name, DisplayValues.number(value)));
        var groups = new HtmlTable("groups", List.of("Group", "Rows", "Selection rate", "True positive rate",
                "False positive rate"));
        result.groups().forEach((name, rates) -> groups.row(name, DisplayValues.count(rates.rows()),
                DisplayValues.number(rates.selectionRate()), DisplayValues.number(rates.truePositiveRate()),
                DisplayValues.number(rates.falsePositiveRate())));
        return Html.concat(HtmlPage.facts(measures), groups.toHtml());
    }

    // ---- JUnit

    private static String junit(final EvaluationReport report) {
        var junit = new JunitXml(SUITE, report.startedAt(), report.durationMs()).property("status", report.status())
                .property("predictions", report.predictions().path()).property("rows", report.rows());
        if (report.gates().isEmpty()) {
            junit.passed("evaluateModel", "evaluation", report.summary());
        }
        for (GateResult gate : report.gates()) {
            junit.result(gate.scope() == null ? "evaluateModel.gates" : "evaluateModel.gates." + gate.scope(),
                    gate.metric(), gate.status(), gate.rule() + ": " + gate.message());
        }
        return junit.render();
    }

    // ---- shared

    /** The verdict of each metric's gate on the whole evaluation set. */
    static Map<String, Status> verdicts(final EvaluationReport report) {
        var verdicts = new LinkedHashMap<String, Status>();
        report.gates().stream().filter(g -> g.scope() == null).forEach(g -> verdicts.put(g.metric(), g.status()));
        return verdicts;
    }

    private static String gateName(final GateResult gate) {
        return gate.scope() == null ? gate.metric() : gate.metric() + " [" + gate.scope() + "]";
    }

    private static String tone(final Status status) {
        return switch (status) {
            case PASSED -> "passed";
            case FAILED -> "failed";
            default -> "inconclusive";
        };
    }

    private static String signed(final double value) {
        return (value > 0 ? "+" : "") + DisplayValues.number(value);
    }

    private static String interval(final EvaluationReport.Comparison comparison) {
        if (comparison.ci() == null) {
            return "—";
        }
        return "[" + signed(comparison.ci()[0]) + ", " + signed(comparison.ci()[1]) + "]";
    }
}
