package io.mlops.validation.drift;

/**
 * The drift test result for one column. {@link DriftDetector} describes the methods, thresholds and the
 * negligible-effect rule.
 *
 * @param method     the test used
 * @param statistic  the test statistic (KS D, chi-square, z, normed Wasserstein distance, JS distance, PSI); chi-square
 *                   is infinite when the current data has a value the reference never had (as in scipy)
 * @param pValue     the p-value for ks, chi2 and z; null for distance methods. With sampling "sample", the ks p-value
 *                   is an upper bound: the p-value of D minus errorBound, so sampling error never causes a rejection
 * @param threshold  p-value threshold (chi2, z: drift when p &lt; threshold; ks: when p ≤ threshold, as Evidently) or
 *                   distance threshold (drift when the distance ≥ threshold)
 * @param drifted    whether the column counts as drifted
 * @param sampling   "exact" when computed from every value, "sample" when a numeric column was too large for its
 *                   share of the exact-value budget and a uniform random sample of it was used, "sketch" when a
 *                   categorical column had too many values and frequent-items estimates were used
 * @param errorBound with sampling "sample": the sum of the samples' rank errors (99% confidence each), the most their
 *                   CDFs (and so KS D) can be off; else null
 * @param effectSize a size-independent effect measure (KS D, Cramér's V, Cohen's h) where the test has a p-value
 * @param negligible true when the test is significant but the effect size is below its negligible cut-off, as
 *                   happens on huge samples; such a column is reported, not counted as drifted
 * @param histogram  reference and current distributions for charts
 */
public record ColumnDrift(DriftMethod method, double statistic, Double pValue, double threshold, boolean drifted,
        String sampling, Double errorBound, Double effectSize, boolean negligible, Histogram histogram) {
}
