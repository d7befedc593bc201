package io.mlops.validation;

import io.mlops.report.Markdown;
import io.mlops.report.MarkdownDocument;
import io.mlops.report.MarkdownTable;
import io.mlops.validation.ValidationReportText.DriftVerdict;
import io.mlops.validation.ValidationReportText.Outcome;
import io.mlops.validation.drift.DriftReport;

import java.util.Comparator;
import java.util.List;

/**
 * Renders report.md of a validation for pull-request comments and job summaries: the verdict and the failed
 * checks up front, everything else in tables (long ones collapsed).
 */
final class ValidationReportMarkdown {
    /**
     * Rows per table at most: GitHub rejects comments over 65,536 characters, and report.html lists
     * everything anyway.
     */
    static final int MAX_ROWS = 200;

    private ValidationReportMarkdown() {
    }

    static String render(final ValidationReport report) {
        var document = MarkdownDocument.withHeadline(ValidationReportText.header(report));
        datasets(document, report);
        problems(document, "Failed checks", ValidationReportText.checksWith(report, Outcome.FAILED));
        problems(document, "Check errors", ValidationReportText.checksWith(report, Outcome.ERROR));
        problems(document, "Warnings", ValidationReportText.checksWith(report, Outcome.WARNING));
        document.details("All " + ValidationReportText.checkCounts(report), checks(report));
        if (report.drift() != null) {
            drift(document, report.drift());
        }
        if (!ValidationReportText.columns(report).isEmpty()) {
            document.details("Column profile — " + ValidationReportText.columns(report).size() + " columns",
                    columns(report));
        }
        return document.paragraph(Markdown.text("The full report is in report.html; report.json holds the "
                + "machine-readable result.")).render();
    }

    private static void datasets(final MarkdownDocument document, final ValidationReport report) {
        if (report.dataset() != null) {
            document.paragraph(Markdown.concat(Markdown.bold("Dataset:"),
                    Markdown.text(" " + ValidationReportText.datasetLine(report.dataset()))));
        }
        if (report.reference() != null) {
            document.paragraph(Markdown.concat(Markdown.bold("Reference:"),
                    Markdown.text(" " + ValidationReportText.datasetLine(report.reference()))));
        }
    }

    private static void problems(final MarkdownDocument document, final String heading,
            final List<CheckResult> checks) {
        if (checks.isEmpty()) {
            return;
        }
        document.heading(3, heading + " (" + checks.size() + ")");
        document.bullets(checks.stream().limit(MAX_ROWS)
                .map(c -> Markdown.concat(Markdown.bold(c.name()), Markdown.text(" on " + ValidationReportText.where(c)
                        + (c.message() == null || c.message().isBlank() ? "" : ": " + c.message()))))
                .toList());
        truncated(document, checks.size());
    }

    private static MarkdownDocument checks(final ValidationReport report) {
        var table = new MarkdownTable("Result", "Check", "Column", "Severity", "Observed", "Expected", "Message");
        var checks = ValidationReportText.checksWorstFirst(report);
        checks.stream().limit(MAX_ROWS).forEach(c -> table.row(symbol(Outcome.of(c)), c.name(),
                ValidationReportText.where(c), c.severity() == null ? null : c.severity().id(), c.observed(),
                c.expected(), c.message()));
        var body = new MarkdownDocument().table(table);
        truncated(body, checks.size());
        return body;
    }

    private static void drift(final MarkdownDocument document, final DriftReport drift) {
        document.heading(3, "Drift");
        document.paragraph(Markdown.text(ValidationReportText.driftSummary(drift)));
        var table = new MarkdownTable("Column", "Method", "Statistic", "p-value", "Threshold", "Verdict");
        drift.columns().entrySet().stream()
                .sorted(Comparator.comparing(e -> DriftVerdict.of(e.getValue())))
                .limit(MAX_ROWS)
                .forEach(e -> table.row(e.getKey(), e.getValue().method().id(), e.getValue().statistic(),
                        e.getValue().pValue(), e.getValue().threshold(), symbol(DriftVerdict.of(e.getValue()))));
        document.table(table);
        truncated(document, drift.columns().size());
    }

    private static MarkdownDocument columns(final ValidationReport report) {
        var table = new MarkdownTable("Column", "Type", "Missing", "Distinct", "Min", "Max", "Mean");
        var columns = ValidationReportText.columns(report);
        columns.entrySet().stream().limit(MAX_ROWS).forEach(e -> {
            var profile = e.getValue();
            table.row(e.getKey(), profile.type() == null ? null : profile.type().id(),
                    ValidationReportText.missing(profile), profile.distinct(), profile.min(), profile.max(),
                    profile.mean());
        });
        var body = new MarkdownDocument().table(table);
        truncated(body, columns.size());
        return body;
    }

    private static void truncated(final MarkdownDocument document, final int total) {
        if (total > MAX_ROWS) {
            document.paragraph(Markdown.text("… and " + (total - MAX_ROWS) + " more; see report.html."));
        }
    }

    private static String symbol(final Outcome outcome) {
        return switch (outcome) {
            case FAILED -> "❌ failed";
            case ERROR -> "⛔ error";
            case WARNING -> "⚠️ warning";
            case INCONCLUSIVE -> "❔ inconclusive";
            case PASSED -> "✅ passed";
        };
    }

    private static String symbol(final DriftVerdict verdict) {
        return switch (verdict) {
            case DRIFTED -> "⚠️ drifted";
            case NEGLIGIBLE -> "ℹ️ negligible shift";
            case STABLE -> "✅ no drift";
        };
    }
}
