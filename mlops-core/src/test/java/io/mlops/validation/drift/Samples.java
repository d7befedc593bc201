package io.mlops.validation.drift;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** Builds column samples the way the profiling pass does, for tests. */
final class Samples {
    private Samples() {
    }

    /** Exact values, and value counts while there are at most 64 distinct values. */
    static NumericSample numeric(final double... values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return exact(sorted);
    }

    /** Every value, already sorted, as the profiling pass keeps a column within the exact-value budget. */
    static NumericSample exact(final double[] sorted) {
        return new NumericSample(sorted.length, sorted, false, sorted[0], sorted[sorted.length - 1],
                valueCounts(sorted), distinct(sorted));
    }

    /**
     * A column over the exact-value budget: a uniform random sample of sampleSize of its values (seeded), its true
     * extremes, and its value counts while it has at most 64 distinct values.
     */
    static NumericSample sampled(final int sampleSize, final double... values) {
        NumericSample exact = numeric(values);
        double[] shuffled = values.clone();
        java.util.SplittableRandom random = new java.util.SplittableRandom(sampleSize);
        for (int i = 0; i < sampleSize; i++) {
            int j = i + random.nextInt(shuffled.length - i);
            double swap = shuffled[i];
            shuffled[i] = shuffled[j];
            shuffled[j] = swap;
        }
        double[] sample = Arrays.copyOf(shuffled, sampleSize);
        Arrays.sort(sample);
        return new NumericSample(values.length, sample, true, exact.min(), exact.max(), exact.valueCounts(),
                exact.distinct());
    }

    /**
     * A column of count values known only through a uniform sample of them (sampleValues; for iid data, simply
     * values drawn from the same distribution), as the profiling pass keeps a column over the exact-value budget.
     */
    static NumericSample sampledOf(final long count, final double[] sampleValues) {
        double[] sorted = sampleValues.clone();
        Arrays.sort(sorted);
        return new NumericSample(count, sorted, true, sorted[0], sorted[sorted.length - 1], null, count);
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
