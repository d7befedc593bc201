package io.mlops.validation.drift;

import io.mlops.util.InputException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The counts of two samples over the union of their values: numbers ascending, text in natural order, and what a
 * frequent-items sketch did not keep as one last "(other)" entry. Chi-square, the z-test and categorical
 * Jensen-Shannon / PSI compare these.
 */
final class Frequencies {
    /** Label of the pooled entry for values a sketch did not keep, or that a histogram does not show. */
    static final String OTHER_LABEL = "(other)";
    private static final Object OTHER = new Object() {
        @Override
        public String toString() {
            return OTHER_LABEL;
        }
    };
    private static final Comparator<Object> KEY_ORDER = (a, b) -> {
        if (a == b) {
            return 0;
        }
        if (a == OTHER || b == OTHER) {
            return a == OTHER ? 1 : -1;
        }
        if (a instanceof Double x && b instanceof Double y) {
            return Double.compare(x, y);
        }
        return a.toString().compareTo(b.toString());
    };

    private final List<Object> keys;
    private final double[] reference;
    private final double[] current;
    private final boolean exact;

    private Frequencies(final List<Object> keys, final double[] reference, final double[] current,
            final boolean exact) {
        this.keys = keys;
        this.reference = reference;
        this.current = current;
        this.exact = exact;
    }

    /**
     * Categorical counts, or the exact value counts of numeric columns (kept while a column has at most
     * {@link NumericSample#MAX_EXACT_DISTINCT} distinct values).
     *
     * @throws InputException when a numeric column has too many distinct values for a test on counts
     */
    static Frequencies of(final ColumnSample reference, final ColumnSample current, final DriftMethod method) {
        if (reference instanceof CategoricalSample r && current instanceof CategoricalSample c) {
            return align(categoricalCounts(r), categoricalCounts(c), r.exact() && c.exact());
        }
        if (!(reference instanceof NumericSample r && current instanceof NumericSample c)) {
            throw new IllegalArgumentException("samples of different kinds: " + reference + ", " + current);
        }
        if (r.valueCounts() == null || c.valueCounts() == null) {
            throw new InputException(method.id() + " compares value counts and needs a categorical column or a "
                    + "numeric one with at most " + NumericSample.MAX_EXACT_DISTINCT + " distinct values; this "
                    + "column has more (" + Math.max(r.distinct(), c.distinct()) + "): use ks, wasserstein, "
                    + "jensen_shannon or psi");
        }
        return align(new HashMap<Object, Long>(r.valueCounts()), new HashMap<Object, Long>(c.valueCounts()), true);
    }

    private static Map<Object, Long> categoricalCounts(final CategoricalSample sample) {
        Map<Object, Long> counts = new HashMap<>(sample.counts());
        if (sample.otherCount() > 0) {
            counts.put(OTHER, sample.otherCount());
        }
        return counts;
    }

    /** Both samples' counts over the union of their keys, zeros where a sample lacks a key. */
    static Frequencies align(final Map<Object, Long> reference, final Map<Object, Long> current,
            final boolean exact) {
        TreeSet<Object> union = new TreeSet<>(KEY_ORDER);
        addPresent(union, reference);
        addPresent(union, current);
        List<Object> keys = new ArrayList<>(union);
        double[] referenceCounts = new double[keys.size()];
        double[] currentCounts = new double[keys.size()];
        for (int i = 0; i < keys.size(); i++) {
            referenceCounts[i] = reference.getOrDefault(keys.get(i), 0L);
            currentCounts[i] = current.getOrDefault(keys.get(i), 0L);
        }
        return new Frequencies(keys, referenceCounts, currentCounts, exact);
    }

    private static void addPresent(final TreeSet<Object> union, final Map<Object, Long> counts) {
        counts.forEach((key, count) -> {
            if (count > 0) {
                union.add(key);
            }
        });
    }

    int size() {
        return keys.size();
    }

    /** The value as a label: numbers without a trailing ".0" when whole, text as is. */
    String label(final int i) {
        Object key = keys.get(i);
        return key instanceof Double value ? Bins.format(value) : key.toString();
    }

    double reference(final int i) {
        return reference[i];
    }

    double current(final int i) {
        return current[i];
    }

    double referenceTotal() {
        return sum(reference);
    }

    double currentTotal() {
        return sum(current);
    }

    /** Whether every count is exact (no frequent-items estimates, no pooled "(other)" entry). */
    boolean exact() {
        return exact;
    }

    private static double sum(final double[] counts) {
        double sum = 0;
        for (double count : counts) {
            sum += count;
        }
        return sum;
    }
}
