package io.mlops.validation.drift;

/**
 * The test {@code auto} picks for a column, exactly as Evidently's registry.py {@code _get_default_stattest}: by
 * the reference's (non-missing) size and the number of distinct values in both samples together.
 */
final class AutoSelection {
    /** Evidently switches from p-value tests to distances above this many reference values. */
    static final long SMALL_REFERENCE = 1000;
    /** Numeric columns with at most this many distinct values are tested like categorical ones. */
    static final long FEW_VALUES = 5;

    private AutoSelection() {
    }

    static DriftMethod choose(final ColumnSample reference, final ColumnSample current) {
        long values = distinctTogether(reference, current);
        boolean numeric = reference instanceof NumericSample;
        if (reference.count() <= SMALL_REFERENCE) {
            if (numeric && values > FEW_VALUES) {
                return DriftMethod.KS;
            }
            return values > 2 ? DriftMethod.CHI2 : DriftMethod.Z;
        }
        if (numeric && values > FEW_VALUES) {
            return DriftMethod.WASSERSTEIN;
        }
        return DriftMethod.JENSEN_SHANNON;
    }

    /** Distinct values of both samples together; exact while both keep exact counts, else a lower bound. */
    static long distinctTogether(final ColumnSample reference, final ColumnSample current) {
        if (reference instanceof NumericSample r && current instanceof NumericSample c) {
            if (r.valueCounts() == null || c.valueCounts() == null) {
                // a sample without value counts has more than MAX_EXACT_DISTINCT distinct values
                return Math.max(Math.max(r.distinct(), c.distinct()), NumericSample.MAX_EXACT_DISTINCT + 1L);
            }
            return Frequencies.of(r, c, DriftMethod.AUTO).size();
        }
        return Frequencies.of(reference, current, DriftMethod.AUTO).size();
    }
}
