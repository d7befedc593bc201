package io.mlops.validation;

import io.mlops.data.DatasetInfo;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One profiling pass over a file: what it is, how its columns were read, and their accumulators.
 *
 * @param info           path, format, rows, columns, SHA-256
 * @param plans          the column plans, in file order
 * @param stats          the accumulator of each column, in file order
 * @param typeViolations values of the wrong kind per column (JSON Lines and Parquet only)
 * @param byName         the accumulators by column name
 */
record DatasetProfile(DatasetInfo info, List<ColumnPlan> plans, List<ColumnStats> stats,
        List<Violations> typeViolations, Map<String, ColumnStats> byName) {
    DatasetProfile(final DatasetInfo info, final List<ColumnPlan> plans, final List<ColumnStats> stats,
            final List<Violations> typeViolations) {
        // Checks and drift look columns up by name; a map keeps that linear in the number of columns.
        this(info, plans, stats, typeViolations, stats.stream()
                .collect(Collectors.toUnmodifiableMap(s -> s.plan().name(), Function.identity())));
    }

    /** The accumulator of a column, or null when the file has no such column. */
    ColumnStats stats(final String column) {
        return byName.get(column);
    }

    List<String> columnNames() {
        return plans.stream().map(ColumnPlan::name).toList();
    }
}
