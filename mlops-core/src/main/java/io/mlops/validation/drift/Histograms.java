package io.mlops.validation.drift;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The report's distribution charts: both samples on the same bins. Numeric columns with at most 20 distinct values
 * in both samples get one bin per value; other numeric columns 20 equal-width bins over the combined range (from
 * exact values, or the samples); categorical columns their 20 most frequent values and "(other)".
 */
final class Histograms {
    static final int BINS = 20;
    static final int TOP_VALUES = 20;

    private Histograms() {
    }

    static Histogram of(final ColumnSample reference, final ColumnSample current) {
        if (reference instanceof NumericSample r && current instanceof NumericSample c) {
            if (r.valueCounts() != null && c.valueCounts() != null) {
                Frequencies frequencies = Frequencies.of(r, c, DriftMethod.CHI2);
                if (frequencies.size() <= BINS) {
                    return byValue(frequencies, frequencies.size());
                }
            }
            return equalWidth(r, c);
        }
        return byValue(Frequencies.of(reference, current, DriftMethod.CHI2), TOP_VALUES);
    }

    private static Histogram equalWidth(final NumericSample reference, final NumericSample current) {
        SortedValues[] pair = SortedValues.pair(reference, current);
        double min = Math.min(pair[0].min(), pair[1].min());
        double max = Math.max(pair[0].max(), pair[1].max());
        if (min == max) {
            return new Histogram(List.of("[" + Bins.format(min) + ", " + Bins.format(max) + "]"),
                    List.of(pair[0].count()), List.of(pair[1].count()));
        }
        double[] edges = Bins.linspace(min, max, BINS + 1);
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < BINS; i++) {
            labels.add("[" + Bins.format(edges[i]) + ", " + Bins.format(edges[i + 1]) + (i == BINS - 1 ? "]" : ")"));
        }
        return new Histogram(labels, counts(pair[0], edges), counts(pair[1], edges));
    }

    private static List<Long> counts(final SortedValues values, final double[] edges) {
        List<Long> counts = new ArrayList<>();
        long below = 0;
        for (int i = 1; i < edges.length; i++) {
            long upTo = values.countBelow(edges[i], i == edges.length - 1);
            counts.add(upTo - below);
            below = upTo;
        }
        return counts;
    }

    /** The most frequent values (reference + current) in value order, then "(other)" for the rest. */
    private static Histogram byValue(final Frequencies frequencies, final int limit) {
        List<Integer> shown = IntStream.range(0, frequencies.size()).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -(frequencies.reference(i) + frequencies.current(i)))
                        .thenComparing(i -> i))
                .limit(limit).sorted().toList();
        List<String> labels = new ArrayList<>();
        List<Long> reference = new ArrayList<>();
        List<Long> current = new ArrayList<>();
        long otherReference = Math.round(frequencies.referenceTotal());
        long otherCurrent = Math.round(frequencies.currentTotal());
        for (int i : shown) {
            labels.add(frequencies.label(i));
            reference.add(Math.round(frequencies.reference(i)));
            current.add(Math.round(frequencies.current(i)));
            otherReference -= Math.round(frequencies.reference(i));
            otherCurrent -= Math.round(frequencies.current(i));
        }
        if (otherReference > 0 || otherCurrent > 0) {
            labels.add(Frequencies.OTHER_LABEL);
            reference.add(otherReference);
            current.add(otherCurrent);
        }
        return new Histogram(List.copyOf(labels), List.copyOf(reference), List.copyOf(current));
    }
}
