package io.mlops.validation.drift;

import org.apache.datasketches.kll.KllDoublesSketch;

import java.util.Map;
import java.util.SortedMap;

/**
 * A numeric column as ascending values with cumulative weights: every value with weight 1 when the exact values are
 * kept, each distinct value with its count when exact value counts are kept, or the KLL sketch's sorted view
 * (retained items and their cumulative weights) otherwise. Empirical CDFs, distances and bin counts are computed the
 * same way from all three; only the sketch's are approximate.
 */
final class SortedValues {
    private final double[] values;
    /** cumulative[i] = weight of values[0..i]; null means every weight is 1 (exact values). */
    private final long[] cumulative;
    private final long count;
    /** 0 for exact data, else the sketch's normalized rank error. */
    private final double rankError;

    private SortedValues(final double[] values, final long[] cumulative, final long count, final double rankError) {
        this.values = values;
        this.cumulative = cumulative;
        this.count = count;
        this.rankError = rankError;
    }

    /** Exact values, already sorted (not copied). */
    static SortedValues exact(final double[] sortedValues) {
        return new SortedValues(sortedValues, null, sortedValues.length, 0.0);
    }

    /** Exact value counts: each distinct value once, weighted by its count. */
    static SortedValues counts(final SortedMap<Double, Long> valueCounts) {
        double[] values = new double[valueCounts.size()];
        long[] cumulative = new long[valueCounts.size()];
        long total = 0;
        int i = 0;
        for (Map.Entry<Double, Long> entry : valueCounts.entrySet()) {
            total += entry.getValue();
            values[i] = entry.getKey();
            cumulative[i] = total;
            i++;
        }
        return new SortedValues(values, cumulative, total, 0.0);
    }

    /** The sketch's sorted view; its rank error is the sketch's single-sided normalized rank error (99%). */
    static SortedValues sketch(final KllDoublesSketch sketch) {
        var view = sketch.getSortedView();
        return new SortedValues(view.getQuantiles(), view.getCumulativeWeights(), sketch.getN(),
                sketch.getNormalizedRankError(false));
    }

    /** The exact values, else the exact value counts, else null. */
    static SortedValues exactOrNull(final NumericSample sample) {
        if (sample.isExact()) {
            return exact(sample.sortedValues());
        }
        return sample.valueCounts() == null ? null : counts(sample.valueCounts());
    }

    /** Exact data (values or value counts) when both samples have it, else both sketches. */
    static SortedValues[] pair(final NumericSample reference, final NumericSample current) {
        SortedValues a = exactOrNull(reference);
        SortedValues b = exactOrNull(current);
        if (a != null && b != null) {
            return new SortedValues[] {a, b};
        }
        return new SortedValues[] {sketch(reference.sketch()), sketch(current.sketch())};
    }

    /** The values themselves, when every weight is 1 (exact values, not counts or a sketch). */
    double[] unitWeightValues() {
        if (!hasUnitWeights()) {
            throw new IllegalStateException("a sketch's sorted view has weights; use value() and cumulativeWeight()");
        }
        return values;
    }

    int size() {
        return values.length;
    }

    double value(final int i) {
        return values[i];
    }

    /** The weight of values[0..i]. */
    long cumulativeWeight(final int i) {
        return cumulative == null ? i + 1L : cumulative[i];
    }

    /** The weight of values[0..index-1]: how many values come before position index. */
    long weightBefore(final int index) {
        return index == 0 ? 0 : cumulativeWeight(index - 1);
    }

    /** Values represented (the column's non-missing count). */
    long count() {
        return count;
    }

    /** Whether the data is exact (values or value counts, not a sketch). */
    boolean isExact() {
        return rankError == 0.0;
    }

    boolean hasUnitWeights() {
        return cumulative == null;
    }

    /** 0 for exact data, else the sketch's normalized rank error. */
    double rankError() {
        return rankError;
    }

    double min() {
        return values[0];
    }

    double max() {
        return values[values.length - 1];
    }

    /** How many values are below x (strictly, or at most x when inclusive). */
    long countBelow(final double x, final boolean inclusive) {
        return weightBefore(inclusive ? upperBound(x) : lowerBound(x));
    }

    /** The first index with value ≥ x. */
    private int lowerBound(final double x) {
        int low = 0;
        int high = values.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (values[mid] < x) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** The first index with value &gt; x. */
    private int upperBound(final double x) {
        int low = 0;
        int high = values.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (values[mid] <= x) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** The population standard deviation (numpy.std, ddof 0), weighted for a sketch. */
    double standardDeviation() {
        double sum = 0;
        long previous = 0;
        for (int i = 0; i < values.length; i++) {
            long weight = cumulativeWeight(i) - previous;
            previous += weight;
            sum += weight * values[i];
        }
        double mean = sum / count;
        double squares = 0;
        previous = 0;
        for (int i = 0; i < values.length; i++) {
            long weight = cumulativeWeight(i) - previous;
            previous += weight;
            double deviation = values[i] - mean;
            squares += weight * deviation * deviation;
        }
        return Math.sqrt(squares / count);
    }
}
