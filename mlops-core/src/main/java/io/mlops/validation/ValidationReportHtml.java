package io.mlops.validation;

import io.mlops.data.DatasetInfo;
import io.mlops.report.DisplayValues;
import io.mlops.report.Html;
import io.mlops.report.HtmlElement;
import io.mlops.report.HtmlPage;
import io.mlops.report.HtmlTable;
import io.mlops.report.SvgBarChart;
import io.mlops.validation.ValidationReportText.DriftVerdict;
import io.mlops.validation.ValidationReportText.Outcome;
import io.mlops.validation.drift.ColumnDrift;
import io.mlops.validation.drift.DriftReport;
import io.mlops.validation.drift.Histogram;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Renders report.html of a validation: status banner, datasets, checks (failures first, colour-coded), column
 * profiles with quantiles and top values, and drift with a reference-vs-current chart per drifted column.
 */
final class ValidationReportHtml {
    /** Charts beyond this many would make the page slow to open; the drift table still lists every column. */
    static final int MAX_CHARTS = 50;
    /** Bars beyond this many per chart are unreadable; the largest bins are kept. */
    static final int MAX_BINS = 40;
    private static final int TOP_VALUES = 5;

    private ValidationReportHtml() {
    }

    static String render(final ValidationReport report) {
        var page = new HtmlPage(ValidationReportText.header(report))
                .section("datasets", "Datasets", datasets(report))
                .section("checks", "Checks", checks(report))
                .section("columns", "Column profiles", columns(report));
        if (report.drift() != null) {
            page.section("drift", "Drift", drift(report.drift()));
        }
        return page.render();
    }

    private static Html datasets(final ValidationReport report) {
        var parts = new ArrayList<Html>();
        parts.add(dataset("Dataset", report.dataset()));
        if (report.reference() != null) {
            parts.add(dataset("Reference", report.reference()));
        }
        else {
            parts.add(HtmlElement.of("div").add(HtmlElement.of("h3").text("Reference"))
                    .add(HtmlElement.of("p").cls("note").text("None given, so drift was not tested.")).toHtml());
        }
        return HtmlElement.of("div").cls("columns-2").addAll(parts).toHtml();
    }

    private static Html dataset(final String title, final DatasetInfo dataset) {
        if (dataset == null) {
            return Html.EMPTY;
        }
        var facts = new LinkedHashMap<String, Object>();
        facts.put("Path", dataset.path());
        facts.put("Format", dataset.format());
        facts.put("Rows", dataset.rows());
        facts.put("Columns", dataset.columns());
        facts.put("SHA-256", dataset.sha256());
        return HtmlElement.of("div").add(HtmlElement.of("h3").text(title).toHtml()).add(HtmlPage.facts(facts)).toHtml();
    }

    private static Html checks(final ValidationReport report) {
        var table = new HtmlTable("checks",
                List.of("Result", "Check", "Column", "Severity", "Observed", "Expected", "Message"));
        for (CheckResult check : ValidationReportText.checksWorstFirst(report)) {
            var outcome = Outcome.of(check);
            table.rowWithClass(rowClass(outcome), HtmlPage.badge(outcome.label(), badgeTone(outcome)), check.name(),
                    ValidationReportText.where(check), check.severity() == null ? null : check.severity().id(),
                    check.observed(), check.expected(), check.message());
        }
        return Html.concat(HtmlElement.of("p").text(ValidationReportText.checkCounts(report)).toHtml(),
                table.toHtml());
    }

    private static Html columns(final ValidationReport report) {
        var table = new HtmlTable("columns", List.of("Column", "Type", "Count", "Missing", "Distinct", "Min", "Max",
                "Mean", "Std dev", "Quantiles", "Top values"));
        ValidationReportText.columns(report).forEach((name, profile) -> table.row(HtmlElement.of("strong")
                        .text(name).toHtml(), profile.type() == null ? null : profile.type().id(), profile.count(),
                ValidationReportText.missing(profile), profile.distinct(), profile.min(), profile.max(), profile.mean(),
                profile.stddev(), ValidationReportText.quantiles(profile),
                ValidationReportText.topValues(profile, TOP_VALUES)));
        if (table.rowCount() == 0) {
            return HtmlElement.of("p").cls("note").text("No columns were profiled.").toHtml();
        }
        return table.toHtml();
    }

    private static Html drift(final DriftReport drift) {
        var parts = new ArrayList<Html>();
        parts.add(HtmlElement.of("p")
                .add(HtmlPage.badge(drift.drifted() ? "dataset drifted" : "no dataset drift",
                        drift.drifted() ? "failed" : "passed"))
                .text(" " + ValidationReportText.driftSummary(drift)).toHtml());
        parts.add(driftTable(drift));
        var charted = drift.columns().entrySet().stream()
                .filter(e -> DriftVerdict.of(e.getValue()) != DriftVerdict.STABLE && drawable(e.getValue().histogram()))
                .toList();
        if (!charted.isEmpty()) {
            parts.add(HtmlElement.of("h3").text("Distributions of drifted columns").toHtml());
            parts.add(HtmlElement.of("p").cls("note").text("Share of rows per bin in the reference and the current "
                    + "dataset; hover a bar for its count.").toHtml());
            charted.stream().limit(MAX_CHARTS).forEach(e -> parts.add(chartFigure(e.getKey(), e.getValue())));
            if (charted.size() > MAX_CHARTS) {
                parts.add(HtmlElement.of("p").cls("note").text("Charts are shown for the first " + MAX_CHARTS + " of "
                        + charted.size() + " drifted columns; the table above lists them all.").toHtml());
            }
        }
        return Html.concat(parts);
    }

    private static Html driftTable(final DriftReport drift) {
        var table = new HtmlTable("drift", List.of("Column", "Method", "Statistic", "p-value", "Threshold",
                "Effect size", "Sampling", "Verdict"));
        drift.columns().entrySet().stream()
                .sorted(Comparator.comparing(e -> DriftVerdict.of(e.getValue())))
                .forEach(e -> {
                    var column = e.getValue();
                    var verdict = DriftVerdict.of(column);
                    table.rowWithClass(driftRowClass(verdict), HtmlElement.of("strong").text(e.getKey()).toHtml(),
                            column.method().id(), column.statistic(), column.pValue(), column.threshold(),
                            column.effectSize(), ValidationReportText.sampling(column),
                            HtmlPage.badge(verdict.label(), driftTone(verdict)));
                });
        return table.toHtml();
    }

    private static Html chartFigure(final String column, final ColumnDrift drift) {
        var verdict = DriftVerdict.of(drift);
        var figure = HtmlElement.of("figure")
                .add(HtmlElement.of("figcaption").text(column + " ").add(HtmlPage.badge(verdict.label(),
                        driftTone(verdict))))
                .add(chart(column, drift.histogram()));
        var note = ValidationReportText.driftTest(drift);
        if (verdict == DriftVerdict.NEGLIGIBLE) {
            note += ". Significant only because the sample is large; the effect is negligible.";
        }
        return figure.add(HtmlElement.of("p").cls("note").text(note)).toHtml();
    }

    /** Bars show each dataset's share per bin, since reference and current usually differ in size. */
    static Html chart(final String column, final Histogram histogram) {
        var bins = shownBins(histogram);
        var labels = bins.stream().map(histogram.labels()::get).toList();
        var reference = series("reference", histogram.reference(), bins);
        var current = series("current", histogram.current(), bins);
        var chart = new SvgBarChart("Reference vs current distribution of " + column, labels,
                List.of(reference, current), "%").toHtml();
        if (bins.size() == histogram.labels().size()) {
            return chart;
        }
        return Html.concat(chart, HtmlElement.of("p").cls("note").text("Showing the " + bins.size() + " largest of "
                + histogram.labels().size() + " bins.").toHtml());
    }

    private static SvgBarChart.Series series(final String name, final List<Long> counts, final List<Integer> bins) {
        double total = counts.stream().mapToLong(Long::longValue).sum();
        var shares = bins.stream().map(i -> total == 0 ? 0.0 : 100.0 * counts.get(i) / total).toList();
        var details = bins.stream().map(i -> DisplayValues.count(counts.get(i)) + " rows").toList();
        return new SvgBarChart.Series(name, shares, details);
    }

    /** Whether a histogram has one reference and one current count per label. */
    private static boolean drawable(final Histogram histogram) {
        return histogram != null && histogram.labels() != null && !histogram.labels().isEmpty()
                && histogram.reference() != null && histogram.current() != null
                && histogram.reference().size() == histogram.labels().size()
                && histogram.current().size() == histogram.labels().size();
    }

    /** The indices of the bins to draw, in their original order: all of them, or the largest MAX_BINS. */
    private static List<Integer> shownBins(final Histogram histogram) {
        int size = histogram.labels().size();
        var all = IntStream.range(0, size).boxed().toList();
        if (size <= MAX_BINS) {
            return all;
        }
        Map<Integer, Long> weight = new LinkedHashMap<>();
        all.forEach(i -> weight.put(i, histogram.reference().get(i) + histogram.current().get(i)));
        return all.stream().sorted(Comparator.comparing(weight::get).reversed()).limit(MAX_BINS).sorted().toList();
    }

    private static String rowClass(final Outcome outcome) {
        return switch (outcome) {
            case FAILED, ERROR -> "failed";
            case WARNING, INCONCLUSIVE -> "warning";
            case PASSED -> null;
        };
    }

    private static String badgeTone(final Outcome outcome) {
        return switch (outcome) {
            case FAILED, ERROR -> "failed";
            case WARNING -> "warning";
            case INCONCLUSIVE -> "inconclusive";
            case PASSED -> "passed";
        };
    }

    private static String driftRowClass(final DriftVerdict verdict) {
        return switch (verdict) {
            case DRIFTED -> "warning";
            case NEGLIGIBLE -> "negligible";
            case STABLE -> null;
        };
    }

    private static String driftTone(final DriftVerdict verdict) {
        return switch (verdict) {
            case DRIFTED -> "warning";
            case NEGLIGIBLE -> "info";
            case STABLE -> "passed";
        };
    }
}
