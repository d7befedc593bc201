package io.mlops.validation;

import io.mlops.lineage.LineageEvent;
import io.mlops.report.Status;

import java.io.Serializable;
import java.util.List;

/**
 * The small result of a validation that crosses process boundaries (for example from a Jenkins agent to
 * the controller); the full result stays in report.json.
 *
 * @param status         the outcome
 * @param summary        one sentence
 * @param rows           rows validated
 * @param failedChecks   number of failed error-severity checks
 * @param failedCheckNames "check(column)" of each failed error-severity check, at most 20
 * @param driftedColumns names of the drifted columns
 * @param reportDir      where the reports were written, or null
 * @param lineage        what the validation adds to the build's lineage ({@link ValidationReport#lineageEvent()})
 */
public record ValidationSummary(Status status, String summary, long rows, int failedChecks,
        List<String> failedCheckNames, List<String> driftedColumns, String reportDir, LineageEvent lineage)
        implements Serializable {
    private static final long serialVersionUID = 2L;

    /** Summarises a report. */
    public static ValidationSummary of(final ValidationReport report, final String reportDir) {
        return of(report, reportDir, report.lineageEvent());
    }

    /**
     * Summarises a report with a lineage event of the caller's: one that names the data as the caller's users
     * know it (for example relative to a Jenkins workspace rather than by the agent's absolute path).
     */
    public static ValidationSummary of(final ValidationReport report, final String reportDir,
            final LineageEvent lineage) {
        var failed = report.failedChecks();
        var names = failed.stream().limit(20)
                .map(c -> c.column() == null ? c.name() : c.name() + "(" + c.column() + ")").toList();
        return new ValidationSummary(report.status(), report.summary(), report.dataset().rows(), failed.size(),
                List.copyOf(names), List.copyOf(report.driftedColumns()), reportDir, lineage);
    }
}
