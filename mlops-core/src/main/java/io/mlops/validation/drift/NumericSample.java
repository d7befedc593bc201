package io.mlops.validation.drift;

import org.apache.datasketches.kll.KllDoublesSketch;

import java.util.SortedMap;

/**
 * A numeric column (integer, number, or timestamp as epoch seconds) as kept for drift tests.
 *
 * @param count        non-missing values
 * @param sortedValues every value in ascending order while the column fit the exact-value budget, else null
 * @param sketch       a KLL quantile sketch of every value (k = {@link #SKETCH_K})
 * @param valueCounts  exact value counts while the column has at most {@link #MAX_EXACT_DISTINCT}
 *                     distinct values, else null
 * @param distinct     distinct values (exact when valueCounts is present, else an estimate)
 */
public record NumericSample(long count, double[] sortedValues, KllDoublesSketch sketch,
        SortedMap<Double, Long> valueCounts, long distinct) implements ColumnSample {
    /** KLL k for drift: k = 200 is too coarse for KS (reference/performance.md §2), k = 1000 detects D ≈ 0.04. */
    public static final int SKETCH_K = 1000;
    /** Columns with at most this many distinct values keep exact counts. */
    public static final int MAX_EXACT_DISTINCT = 64;

    /** Whether exact values are available. */
    public boolean isExact() {
        return sortedValues != null;
    }
}
