package io.mlops.validation.drift;

/**
 * The drift test result for one column.
 *
 * @param method     the test used
 * @param statistic  the test statistic (KS D, chi-square, z, normed Wasserstein distance, JS distance, PSI)
 * @param pValue     the p-value for ks, chi2 and z; null for distance methods
 * @param threshold  p-value threshold (ks, chi2, z: drift when p &lt; threshold) or distance threshold
 * @param drifted    whether the column counts as drifted
 * @param sampling   "exact" when computed from every value, "sketch" when from a quantile sketch
 * @param errorBound the sketch's rank-error bound (99% confidence) when sampling is "sketch", else null
 * @param effectSize a size-independent effect measure (KS D, Cramér's V, Cohen's h) where the test has a p-value
 * @param negligible true when the shift is statistically significant only because the sample is huge and the
 *                   effect size is negligible; such a column is reported, not counted as drifted
 * @param histogram  reference and current distributions for charts
 */
public record ColumnDrift(DriftMethod method, double statistic, Double pValue, double threshold, boolean drifted,
        String sampling, Double errorBound, Double effectSize, boolean negligible, Histogram histogram) {
}
