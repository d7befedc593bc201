package io.mlops.validation.drift;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Map;

/**
 * Evidently's binning for Jensen-Shannon and PSI (stattests/utils.py get_binned_data): a numeric column whose
 * reference has more than 20 distinct values is cut into Sturges bins spanning both samples
 * (numpy.histogram_bin_edges(..., bins='sturges'), then numpy.histogram); every other column gets one bin per value
 * of either sample. Each bin holds the share count / sample size. From samples, the outer Sturges bins the samples
 * cannot resolve are pooled (see {@link #poolSparseTails}); with exact data the bins are Evidently's exactly.
 */
final class Bins {
    /** Evidently bins by value up to this many distinct reference values. */
    static final int MAX_VALUE_BINS = 20;

    /**
     * The shares of both samples per bin.
     *
     * @param reference  reference share per bin
     * @param current    current share per bin
     * @param exact      whether the counts are exact
     * @param errorBound the summed rank error of the samples used, or null
     */
    record Shares(double[] reference, double[] current, boolean exact, Double errorBound) {
    }

    private Bins() {
    }

    static Shares shares(final ColumnSample reference, final ColumnSample current) {
        if (reference instanceof NumericSample r && current instanceof NumericSample c) {
            return r.valueCounts() != null && r.valueCounts().size() <= MAX_VALUE_BINS ? byValue(r, c) : sturges(r, c);
        }
        Frequencies frequencies = Frequencies.of(reference, current, DriftMethod.JENSEN_SHANNON);
        int k = frequencies.size();
        double[] referenceShares = new double[k];
        double[] currentShares = new double[k];
        for (int i = 0; i < k; i++) {
            referenceShares[i] = frequencies.reference(i) / reference.count();
            currentShares[i] = frequencies.current(i) / current.count();
        }
        return new Shares(referenceShares, currentShares, frequencies.exact(), null);
    }

    /** Sturges bins over both columns' whole range, from exact data where there is, else from the samples. */
    private static Shares sturges(final NumericSample reference, final NumericSample current) {
        SortedValues[] pair = SortedValues.pair(reference, current);
        double[] edges = sturgesEdges(Math.min(pair[0].min(), pair[1].min()), Math.max(pair[0].max(), pair[1].max()),
                pair[0].count() + pair[1].count());
        Double errorBound = SortedValues.errorBound(pair);
        if (errorBound == null) {
            return new Shares(histogram(pair[0], edges), histogram(pair[1], edges), true, null);
        }
        return poolSparseTails(histogram(pair[0], edges), histogram(pair[1], edges), errorBound);
    }

    /**
     * From samples, a bin's share is only known to within the rank errors, which swamps the sparse outer bins and
     * makes PSI's logarithms (and, less, Jensen-Shannon) report noise as drift. Outer bins whose shares are below the
     * error bound on both sides are therefore pooled into their inner neighbour.
     */
    private static Shares poolSparseTails(final double[] reference, final double[] current, final double errorBound) {
        int first = 0;
        int last = reference.length - 1;
        double[] pooledReference = reference.clone();
        double[] pooledCurrent = current.clone();
        while (first < last && pooledReference[first] < errorBound && pooledCurrent[first] < errorBound) {
            pooledReference[first + 1] += pooledReference[first];
            pooledCurrent[first + 1] += pooledCurrent[first];
            first++;
        }
        while (last > first && pooledReference[last] < errorBound && pooledCurrent[last] < errorBound) {
            pooledReference[last - 1] += pooledReference[last];
            pooledCurrent[last - 1] += pooledCurrent[last];
            last--;
        }
        return new Shares(java.util.Arrays.copyOfRange(pooledReference, first, last + 1),
                java.util.Arrays.copyOfRange(pooledCurrent, first, last + 1), false, errorBound);
    }

    /**
     * numpy's Sturges edges: width = range / (log2(n) + 1), ⌈range / width⌉ equal bins from the minimum to the
     * maximum (numpy.linspace), and one bin [min - 0.5, max + 0.5] when all values are equal.
     */
    static double[] sturgesEdges(final double min, final double max, final long n) {
        double range = max - min;
        double first = range == 0 ? min - 0.5 : min;
        double last = range == 0 ? max + 0.5 : max;
        double width = range / (log2(n) + 1.0);
        int bins = width != 0 ? (int) Math.ceil((last - first) / width) : 1;
        return linspace(first, last, bins + 1);
    }

    /** numpy.linspace(first, last, count): i · step + first, the last edge exactly last. */
    static double[] linspace(final double first, final double last, final int count) {
        double step = (last - first) / (count - 1);
        double[] edges = new double[count];
        for (int i = 0; i < count; i++) {
            edges[i] = i * step + first;
        }
        edges[count - 1] = last;
        return edges;
    }

    /** log2 of a count; exact for powers of two, where ⌈range / width⌉ is most sensitive to rounding. */
    static double log2(final long n) {
        if (Long.bitCount(n) == 1) {
            return Long.numberOfTrailingZeros(n);
        }
        return Math.log(n) / Math.log(2);
    }

    /** numpy.histogram over the given edges, divided by the sample size: [e_i, e_i+1), the last bin closed. */
    static double[] histogram(final SortedValues values, final double[] edges) {
        double[] shares = new double[edges.length - 1];
        long below = values.countBelow(edges[0], false);
        for (int i = 0; i < shares.length; i++) {
            long upTo = values.countBelow(edges[i + 1], i == shares.length - 1);
            shares[i] = (double) (upTo - below) / values.count();
            below = upTo;
        }
        return shares;
    }

    /**
     * One bin per value of either sample. The current counts come from its value counts, else from its exact values,
     * else from its sample (then approximate).
     */
    private static Shares byValue(final NumericSample reference, final NumericSample current) {
        double[][] referenceRuns = runs(reference.valueCounts());
        double[][] currentRuns;
        boolean exact = true;
        Double errorBound = null;
        if (current.valueCounts() != null) {
            currentRuns = runs(current.valueCounts());
        } else {
            SortedValues values = SortedValues.of(current);
            currentRuns = runs(values);
            errorBound = SortedValues.errorBound(values);
            exact = errorBound == null;
        }
        return mergeRuns(referenceRuns, reference.count(), currentRuns, current.count(), exact, errorBound);
    }

    /** {distinct values ascending, their counts} from value counts. */
    private static double[][] runs(final Map<Double, Long> valueCounts) {
        double[][] runs = new double[2][valueCounts.size()];
        int i = 0;
        for (var entry : new java.util.TreeMap<>(valueCounts).entrySet()) {
            runs[0][i] = entry.getKey();
            runs[1][i] = entry.getValue();
            i++;
        }
        return runs;
    }

    /** {distinct values ascending, their weights} from sorted values. */
    private static double[][] runs(final SortedValues values) {
        int distinct = 0;
        for (int i = 0; i < values.size(); i++) {
            if (i == 0 || values.value(i) != values.value(i - 1)) {
                distinct++;
            }
        }
        double[][] runs = new double[2][distinct];
        int run = -1;
        long previous = 0;
        for (int i = 0; i < values.size(); i++) {
            if (i == 0 || values.value(i) != values.value(i - 1)) {
                run++;
                runs[0][run] = values.value(i);
            }
            long cumulative = values.cumulativeWeight(i);
            runs[1][run] += cumulative - previous;
            previous = cumulative;
        }
        return runs;
    }

    /** Shares of both samples over the union of their values (both run lists ascending). */
    private static Shares mergeRuns(final double[][] reference, final long referenceCount, final double[][] current,
            final long currentCount, final boolean exact, final Double errorBound) {
        int a = reference[0].length;
        int b = current[0].length;
        double[] referenceShares = new double[a + b];
        double[] currentShares = new double[a + b];
        int i = 0;
        int j = 0;
        int k = 0;
        while (i < a || j < b) {
            double x = i == a ? current[0][j] : j == b ? reference[0][i] : Math.min(reference[0][i], current[0][j]);
            if (i < a && reference[0][i] == x) {
                referenceShares[k] = reference[1][i++] / referenceCount;
            }
            if (j < b && current[0][j] == x) {
                currentShares[k] = current[1][j++] / currentCount;
            }
            k++;
        }
        return new Shares(java.util.Arrays.copyOf(referenceShares, k), java.util.Arrays.copyOf(currentShares, k),
                exact, errorBound);
    }

    /** A bin edge or value as a short label: whole numbers without ".0", others to 4 significant digits. */
    static String format(final double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(4, RoundingMode.HALF_EVEN))
                .stripTrailingZeros();
        int magnitude = rounded.precision() - rounded.scale() - 1;
        return magnitude < -4 || magnitude >= 9 ? rounded.toString() : rounded.toPlainString();
    }
}
