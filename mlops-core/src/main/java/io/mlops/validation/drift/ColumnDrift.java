package io.mlops.validation.drift;

/**
 * The drift test result for one column. {@link DriftDetector} describes the methods, thresholds and the
 * negligible-effect rule.
 *
 * @param method     the test used
 * @param statistic  the test statistic (KS D, chi-square, z, normed Wasserstein distance, JS distance, PSI); chi-square
 *                   is infinite when the current data has a value the reference never had (as in scipy)
 * @param pValue     the p-value for ks, chi2 and z; null for distance methods. With sampling "sketch", the ks p-value
 *                   is an upper bound: the p-value of D minus errorBound, so sketch error never causes a rejection
 * @param threshold  p-value threshold (chi2, z: drift when p &lt; threshold; ks: when p ≤ threshold, as Evidently) or
 *                   distance threshold (drift when the distance ≥ threshold)
 * @param drifted    whether the column counts as drifted
 * @param sampling   "exact" when computed from every value, "sketch" when from quantile sketches (or, for
 *                   categorical columns, from frequent-items estimates)
 * @param errorBound when sampling is "sketch" and quantile sketches were used: the sum of the sketches' normalized
 *                   rank errors (single-sided, 99% confidence), the most their CDFs (and so KS D) can be off; else null
 * @param effectSize a size-independent effect measure (KS D, Cramér's V, Cohen's h) where the test has a p-value
 * @param negligible true when the test is significant but the effect size is below its negligible cut-off, as
 *                   happens on huge samples; such a column is reported, not counted as drifted
 * @param histogram  reference and current distributions for charts
 */
public record ColumnDrift(DriftMethod method, double statistic, Double pValue, double threshold, boolean drifted,
        String sampling, Double errorBound, Double effectSize, boolean negligible, Histogram histogram) {
}
