package io.mlops.validation.drift;

/**
 * What a profiling pass keeps of one column so that two datasets can be compared for drift. Numeric
 * samples keep exact values while they fit a memory budget and a quantile sketch always.
 */
public sealed interface ColumnSample permits NumericSample, CategoricalSample {
    /** Non-missing values seen. */
    long count();
}
