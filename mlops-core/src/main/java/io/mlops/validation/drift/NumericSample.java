package io.mlops.validation.drift;

import java.util.SortedMap;

/**
 * A numeric column (integer, number, or timestamp as epoch seconds) as kept for drift tests.
 *
 * @param count        non-missing values
 * @param sortedValues in ascending order: every value while the column fit its share of the exact-value budget,
 *                     else a uniform random sample of that many values
 * @param sampled      whether sortedValues is a sample rather than every value
 * @param min          the smallest value (of all values, also when sampled)
 * @param max          the largest value (of all values, also when sampled)
 * @param valueCounts  exact value counts while the column has at most {@link #MAX_EXACT_DISTINCT}
 *                     distinct values, else null
 * @param distinct     distinct values: exact when valueCounts is present, else an estimate (a lower bound for a
 *                     reference, which is not profiled)
 */
public record NumericSample(long count, double[] sortedValues, boolean sampled, double min, double max,
        SortedMap<Double, Long> valueCounts, long distinct) implements ColumnSample {
    /** Columns with at most this many distinct values keep exact counts. */
    public static final int MAX_EXACT_DISTINCT = 64;

    /** Whether every value is available. */
    public boolean isExact() {
        return !sampled;
    }
}
