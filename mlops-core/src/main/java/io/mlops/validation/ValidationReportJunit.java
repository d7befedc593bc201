package io.mlops.validation;

import io.mlops.report.DisplayValues;
import io.mlops.report.JunitXml;
import io.mlops.report.ReportKind;
import io.mlops.validation.ValidationReportText.DriftVerdict;
import io.mlops.validation.ValidationReportText.Outcome;
import io.mlops.validation.drift.ColumnDrift;

import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Renders junit.xml of a validation. One test case per check, class name {@code mlops.validateData.<column>}
 * ({@code .dataset} for dataset-level checks), name = check name; and one test case {@code drift} per
 * drift-tested column, unless a check of that name and column already stands for it.
 *
 * <p>Mapping: a failed check of severity error is a {@code <failure>}; everything that does not fail the
 * step passes, with what is worth knowing in {@code <system-out>} ("WARNING: …" for failed warnings, the
 * verdict for drift). Jenkins marks a build UNSTABLE for any failed test, so junit.xml has failures exactly
 * when the step itself fails on a check. A check that could not be evaluated is an {@code <error>}, an
 * inconclusive one is {@code <skipped>}.
 */
final class ValidationReportJunit {
    static final String SUITE = "mlops." + ReportKind.DATA_VALIDATION.step();
    static final String DRIFT_TEST = "drift";

    private ValidationReportJunit() {
    }

    static String render(final ValidationReport report) {
        var junit = new JunitXml(SUITE, report.startedAt(), report.durationMs())
                .property("status", report.status());
        if (report.dataset() != null) {
            junit.property("dataset", report.dataset().path()).property("rows", report.dataset().rows());
        }
        if (report.reference() != null) {
            junit.property("reference", report.reference().path());
        }
        var written = new HashSet<String>();
        for (CheckResult check : ValidationReportText.checks(report)) {
            addCheck(junit, check);
            written.add(classname(ValidationReportText.where(check)) + "#" + check.name());
        }
        if (report.drift() != null) {
            addDrift(junit, report.drift().columns(), written);
        }
        return junit.render();
    }

    private static void addCheck(final JunitXml junit, final CheckResult check) {
        var classname = classname(ValidationReportText.where(check));
        var message = check.message() == null ? "" : check.message();
        switch (Outcome.of(check)) {
            case FAILED -> junit.failed(classname, check.name(), message, details(check));
            case ERROR -> junit.errored(classname, check.name(), message, details(check));
            case INCONCLUSIVE -> junit.skipped(classname, check.name(), "inconclusive: " + message);
            case WARNING -> junit.passed(classname, check.name(), "WARNING: " + details(check));
            case PASSED -> junit.passed(classname, check.name(), details(check));
        }
    }

    private static void addDrift(final JunitXml junit, final Map<String, ColumnDrift> columns,
            final Set<String> written) {
        columns.forEach((column, drift) -> {
            var classname = classname(column);
            if (!written.contains(classname + "#" + DRIFT_TEST)) {
                var verdict = DriftVerdict.of(drift);
                junit.passed(classname, DRIFT_TEST, verdict.label().toUpperCase(Locale.ROOT) + ": "
                        + ValidationReportText.driftTest(drift));
            }
        });
    }

    private static String details(final CheckResult check) {
        var details = new StringBuilder();
        if (check.message() != null && !check.message().isBlank()) {
            details.append(check.message()).append('\n');
        }
        details.append("observed: ").append(DisplayValues.of(check.observed())).append('\n')
                .append("expected: ").append(DisplayValues.of(check.expected()));
        return details.toString();
    }

    static String classname(final String column) {
        return SUITE + "." + column;
    }
}
