package io.mlops.validation.drift;

/**
 * What a profiling pass keeps of one column so that two datasets can be compared for drift. Numeric
 * columns keep every value while they fit a memory budget and a uniform random sample of that size above it.
 */
public sealed interface ColumnSample permits NumericSample, CategoricalSample {
    /** Non-missing values seen. */
    long count();
}
