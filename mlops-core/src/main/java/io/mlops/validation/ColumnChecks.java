package io.mlops.validation;

import io.mlops.report.Status;

import io.mlops.util.NumberText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns a profiled dataset and its schema into check results: dataset-level checks (rows, missing and extra
 * columns) first, then each schema column's constraints in schema order.
 */
final class ColumnChecks {
    private final DataSchema schema;
    private final DatasetProfile profile;
    private final Map<String, UniqueOutcome> uniques;
    private final List<CheckResult> results = new ArrayList<>();

    /** What the uniqueness check found for a column. */
    record UniqueOutcome(long duplicateRows, boolean exact, String example) {
    }

    private ColumnChecks(final DataSchema schema, final DatasetProfile profile,
            final Map<String, UniqueOutcome> uniques) {
        this.schema = schema;
        this.profile = profile;
        this.uniques = uniques;
    }

    static List<CheckResult> of(final DataSchema schema, final DatasetProfile profile,
            final Map<String, UniqueOutcome> uniques) {
        var checks = new ColumnChecks(schema, profile, uniques);
        checks.datasetChecks();
        schema.columns().forEach(checks::columnChecks);
        return checks.results;
    }

    private void datasetChecks() {
        long rows = profile.info().rows();
        var bounds = schema.rows();
        if (bounds != null && (bounds.min() != null || bounds.max() != null)) {
            boolean tooFew = bounds.min() != null && rows < bounds.min();
            boolean tooMany = bounds.max() != null && rows > bounds.max();
            String expected = bounds.min() != null && bounds.max() != null
                    ? bounds.min() + ".." + bounds.max()
                    : bounds.min() != null ? ">= " + bounds.min() : "<= " + bounds.max();
            add("rows", null, Severity.ERROR, !(tooFew || tooMany), rows, expected,
                    tooFew ? rows + " rows, fewer than the " + bounds.min() + " required"
                            : tooMany ? rows + " rows, more than the " + bounds.max() + " allowed"
                            : rows + " rows");
        }
        for (String column : schema.columns().keySet()) {
            if (profile.stats(column) == null) {
                add("missingColumn", column, Severity.ERROR, false, "absent", "present",
                        "column '" + column + "' is in the schema but not in the data");
            }
        }
        var policy = schema.extraColumnsPolicy();
        if (policy != ExtraColumns.IGNORE) {
            var severity = policy == ExtraColumns.ERROR ? Severity.ERROR : Severity.WARNING;
            for (String column : profile.columnNames()) {
                if (!schema.columns().containsKey(column)) {
                    add("extraColumn", column, severity, false, "present", "absent",
                            "column '" + column + "' is in the data but not in the schema");
                }
            }
        }
    }

    private void columnChecks(final String column, final ColumnSpec spec) {
        var stats = profile.stats(column);
        if (stats == null) {
            return;
        }
        var plan = stats.plan();
        if (spec.type() != null) {
            var wrong = profile.typeViolations().get(plan.index());
            add("type", column, Severity.ERROR, wrong.count() == 0,
                    wrong.count() == 0 ? spec.type().id() : wrong.count() + " values of another type",
                    spec.type().id(), wrong.count() == 0 ? "every value is " + spec.type().id()
                            : wrong.count() + " values are not " + spec.type().id() + ", " + wrong.first());
        }
        long rows = profile.info().rows();
        if (!spec.isNullable()) {
            add("nullable", column, Severity.ERROR, stats.missing() == 0, stats.missing(), 0,
                    stats.missing() == 0 ? "no missing values" : stats.missing() + " missing values, none allowed");
        }
        if (spec.maxMissingFraction() != null) {
            double fraction = rows == 0 ? 0 : (double) stats.missing() / rows;
            add("maxMissingFraction", column, Severity.ERROR, fraction <= spec.maxMissingFraction(),
                    round(fraction), "<= " + spec.maxMissingFraction(),
                    String.format(NumberText.LOCALE, "%.2f%% missing (%d of %d rows), at most %.2f%% allowed",
                            100 * fraction, stats.missing(), rows, 100 * spec.maxMissingFraction()));
        }
        var columnProfile = stats.profile();
        if (spec.min() != null) {
            bound("min", column, stats.below(), columnProfile.min(), ">= " + spec.min(), "below the minimum " + spec.min());
        }
        if (spec.max() != null) {
            bound("max", column, stats.above(), columnProfile.max(), "<= " + spec.max(), "above the maximum " + spec.max());
        }
        if (spec.allowed() != null) {
            var bad = stats.notAllowed();
            add("allowed", column, Severity.ERROR, bad.count() == 0, bad.count() + " values not allowed",
                    spec.allowed().toString(), bad.count() == 0 ? "every value is allowed"
                            : bad.count() + " values are not in the allowed list, " + bad.first());
        }
        if (spec.pattern() != null) {
            var bad = stats.noMatch();
            add("pattern", column, Severity.ERROR, bad.count() == 0, bad.count() + " values do not match",
                    spec.pattern(), bad.count() == 0 ? "every value matches the pattern"
                            : bad.count() + " values do not match the pattern, " + bad.first());
        }
        if (spec.isUnique()) {
            var unique = uniques.get(column);
            long duplicates = unique == null ? 0 : unique.duplicateRows();
            add("unique", column, Severity.ERROR, duplicates == 0, duplicates + " repeated values", "0 repeated values",
                    duplicates == 0 ? "every value is unique"
                            : (unique.exact() ? "" : "at least ") + duplicates + " rows repeat an earlier value, e.g. "
                                    + unique.example());
        }
    }

    private void bound(final String name, final String column, final Violations bad, final Object observed,
            final String expected, final String what) {
        add(name, column, Severity.ERROR, bad.count() == 0, observed, expected, bad.count() == 0
                ? "every value is " + expected.replace(">=", "at least").replace("<=", "at most")
                : bad.count() + " values are " + what + ", " + bad.first());
    }

    private void add(final String name, final String column, final Severity severity, final boolean passed,
            final Object observed, final Object expected, final String message) {
        results.add(new CheckResult(name, column, severity, passed ? Status.PASSED : Status.FAILED, observed,
                expected, message));
    }

    private static double round(final double value) {
        return Math.round(value * 1e6) / 1e6;
    }
}
