package io.mlops.validation;

import java.util.List;

/**
 * One profiling pass over a file: what it is, how its columns were read, and their accumulators.
 *
 * @param info           path, format, rows, columns, SHA-256
 * @param plans          the column plans, in file order
 * @param stats          the accumulator of each column, in file order
 * @param typeViolations values of the wrong kind per column (JSON Lines and Parquet only)
 */
record DatasetProfile(DatasetInfo info, List<ColumnPlan> plans, List<ColumnStats> stats,
        List<Violations> typeViolations) {
    /** The accumulator of a column, or null when the file has no such column. */
    ColumnStats stats(final String column) {
        for (ColumnPlan plan : plans) {
            if (plan.name().equals(column)) {
                return stats.get(plan.index());
            }
        }
        return null;
    }

    List<String> columnNames() {
        return plans.stream().map(ColumnPlan::name).toList();
    }
}
