package io.mlops.validation.drift;

import org.apache.datasketches.kll.KllDoublesSketch;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** Builds column samples the way the profiling pass does, for tests. */
final class Samples {
    private Samples() {
    }

    /** Exact values, the sketch, and value counts while there are at most 64 distinct values. */
    static NumericSample numeric(final double... values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return new NumericSample(sorted.length, sorted, sketch(sorted), valueCounts(sorted), distinct(sorted));
    }

    /** Only the sketch, as for a column over the exact-value budget. */
    static NumericSample sketchOnly(final double... values) {
        NumericSample exact = numeric(values);
        return new NumericSample(exact.count(), null, exact.sketch(), exact.valueCounts(), exact.distinct());
    }

    /** A sketch-only sample from an existing sketch (large columns built in the test). */
    static NumericSample sketchOnly(final KllDoublesSketch sketch) {
        return new NumericSample(sketch.getN(), null, sketch, null, sketch.getN());
    }

    static KllDoublesSketch sketch(final double[] values) {
        KllDoublesSketch sketch = KllDoublesSketch.newHeapInstance(NumericSample.SKETCH_K);
        sketch.update(values, 0, values.length);
        return sketch;
    }

    /** n normal values with the given mean and standard deviation, reproducible for a seed. */
    static double[] normal(final long seed, final int n, final double mean, final double sd) {
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = mean + sd * random.nextGaussian();
        }
        return values;
    }

    /** n values drawn uniformly from 0, 1, ..., distinct - 1. */
    static double[] integers(final long seed, final int n, final int distinct) {
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = random.nextInt(distinct);
        }
        return values;
    }

    /** Exact counts of a categorical column, in the order given: "a", 3, "b", 5, ... */
    static CategoricalSample categorical(final Object... valuesAndCounts) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (int i = 0; i < valuesAndCounts.length; i += 2) {
            counts.put((String) valuesAndCounts[i], ((Number) valuesAndCounts[i + 1]).longValue());
        }
        return categorical(counts);
    }

    static CategoricalSample categorical(final Map<String, Long> counts) {
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        return new CategoricalSample(total, Map.copyOf(counts), 0, true);
    }

    /** Repeats values[i] counts[i] times (the fixtures' run-length encoding). */
    static double[] expand(final double[] values, final long[] counts) {
        int total = (int) Arrays.stream(counts).sum();
        double[] expanded = new double[total];
        int position = 0;
        for (int i = 0; i < values.length; i++) {
            Arrays.fill(expanded, position, position + (int) counts[i], values[i]);
            position += (int) counts[i];
        }
        return expanded;
    }

    private static SortedMap<Double, Long> valueCounts(final double[] sorted) {
        SortedMap<Double, Long> counts = new TreeMap<>();
        for (double value : sorted) {
            counts.merge(value, 1L, Long::sum);
            if (counts.size() > NumericSample.MAX_EXACT_DISTINCT) {
                return null;
            }
        }
        return counts;
    }

    private static long distinct(final double[] sorted) {
        long distinct = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                distinct++;
            }
        }
        return distinct;
    }
}
