package io.mlops.validation.drift;

import java.util.Map;

/**
 * A categorical column (string or boolean) as kept for drift tests.
 *
 * @param count      non-missing values
 * @param counts     counts of the values kept: every value while there are at most
 *                   {@link #MAX_EXACT_CATEGORIES}, else the most frequent ones (frequent-items estimates)
 * @param otherCount values not in {@code counts}
 * @param exact      whether {@code counts} is exact and complete
 */
public record CategoricalSample(long count, Map<String, Long> counts, long otherCount, boolean exact)
        implements ColumnSample {
    /** Categorical columns with at most this many distinct values keep exact counts. */
    public static final int MAX_EXACT_CATEGORIES = 10_000;
}
