package io.mlops.cli;

import io.mlops.util.NumberText;
import io.mlops.validation.CheckResult;
import io.mlops.validation.Severity;
import io.mlops.validation.ValidationReport;

import java.io.PrintWriter;
import java.nio.file.Path;

/** Prints a validation result for people: the verdict, what failed, what drifted, where the reports are. */
final class ValidationConsole {
    private static final int MAX_LINES = 20;

    private ValidationConsole() {
    }

    static void print(final ValidationReport report, final Path reportDir, final PrintWriter out) {
        out.println(report.status() + ": " + report.dataset().path() + ": " + report.summary());
        int shown = 0;
        for (CheckResult check : report.checks()) {
            if (check.failed() && shown++ < MAX_LINES) {
                var label = check.severity() == Severity.ERROR ? "  FAILED   " : "  WARNING  ";
                out.println(label + (check.column() == null ? check.name() : check.name() + "(" + check.column() + ")")
                        + ": " + check.message());
            }
        }
        if (report.drift() != null) {
            report.drift().columns().forEach((column, drift) -> {
                if (drift.drifted() || drift.negligible()) {
                    out.println(String.format(NumberText.LOCALE, "  %-9s %s: %s %.4g (threshold %.4g%s)",
                            drift.drifted() ? "DRIFT" : "NEGLIGIBLE", column, drift.method().id(), drift.statistic(),
                            drift.threshold(), drift.pValue() == null ? ""
                                    : String.format(NumberText.LOCALE, ", p = %.3g", drift.pValue())));
                }
            });
        }
        if (reportDir != null) {
            out.println("Reports: " + reportDir.resolve("report.html") + " (also report.json, report.md, junit.xml)");
        }
        out.flush();
    }
}
