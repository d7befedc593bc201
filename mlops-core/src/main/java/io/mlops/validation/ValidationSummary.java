package io.mlops.validation;

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
 */
public record ValidationSummary(Status status, String summary, long rows, int failedChecks,
        List<String> failedCheckNames, List<String> driftedColumns, String reportDir) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Summarises a report. */
    public static ValidationSummary of(final ValidationReport report, final String reportDir) {
        var failed = report.failedChecks();
        var names = failed.stream().limit(20)
                .map(c -> c.column() == null ? c.name() : c.name() + "(" + c.column() + ")").toList();
        return new ValidationSummary(report.status(), report.summary(), report.dataset().rows(), failed.size(),
                List.copyOf(names), List.copyOf(report.driftedColumns()), reportDir);
    }
}
