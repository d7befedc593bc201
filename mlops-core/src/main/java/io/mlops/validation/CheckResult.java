package io.mlops.validation;

import io.mlops.report.Status;

/**
 * The result of one check of a dataset.
 *
 * @param name     the check (type, nullable, maxMissingFraction, min, max, allowed, pattern, unique, rows,
 *                 missingColumn, extraColumn, drift)
 * @param column   the column checked, or null for dataset-level checks
 * @param severity whether a failure fails the step
 * @param status   PASSED or FAILED
 * @param observed what the data showed (a number or a short text)
 * @param expected what the schema asked for
 * @param message  one sentence for people, naming the first offending line where there is one
 */
public record CheckResult(String name, String column, Severity severity, Status status, Object observed,
        Object expected, String message) {
    public boolean failed() {
        return status == Status.FAILED;
    }
}
