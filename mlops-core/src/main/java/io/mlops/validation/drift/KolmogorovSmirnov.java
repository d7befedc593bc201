package io.mlops.validation.drift;

/**
 * The two-sample Kolmogorov-Smirnov test, two-sided, as scipy.stats.ks_2samp(method='auto') computes it and
 * Evidently calls it (ks_stattest.py: drift when p ≤ threshold, default 0.05).
 *
 * <p>With exact data on both sides (values, or value counts), D is found by one merge of the two sorted samples, and
 * the p-value is exact (lattice paths) while both samples have at most 10,000 values, else scipy's 'asymp' value
 * kstwo.sf(D, round(n1 n2 / (n1 + n2))). When either side is a sample, D is computed from the weighted samples and
 * may be off by up to the sum of their rank errors, ε1 + ε2 (0 for a side with every value; the same allowance
 * datasketches' KolmogorovSmirnov adds to its threshold for sketches); the p-value reported is then the asymptotic
 * p-value of all values at D - ε1 - ε2, an upper bound of the exact p-value whenever the samples are within their
 * (99% confidence) error bounds, so a rejection is never due to sampling error.
 */
final class KolmogorovSmirnov {
    /** scipy ks_2samp MAX_AUTO_N: 'auto' attempts the exact p-value up to this sample size. */
    static final int MAX_EXACT_N = 10_000;

    private KolmogorovSmirnov() {
    }

    static TestOutcome test(final NumericSample reference, final NumericSample current) {
        SortedValues[] pair = SortedValues.pair(reference, current);
        return test(pair[0], pair[1]);
    }

    static TestOutcome test(final SortedValues reference, final SortedValues current) {
        double d = statistic(reference, current);
        long n1 = reference.count();
        long n2 = current.count();
        Double errorBound = SortedValues.errorBound(reference, current);
        if (errorBound == null) {
            double[] result = pValue(n1, n2, d);
            return new TestOutcome(result[0], result[1], result[0], true, null);
        }
        double p = asymptoticPValue(n1, n2, Math.max(0.0, d - errorBound));
        return new TestOutcome(d, p, d, false, errorBound);
    }

    /** D = max |F1(x) - F2(x)| over all values x, by one merge of the two sorted samples. */
    static double statistic(final SortedValues a, final SortedValues b) {
        if (a.hasUnitWeights() && b.hasUnitWeights()) {
            return statistic(a.unitWeightValues(), b.unitWeightValues());
        }
        double n1 = a.count();
        double n2 = b.count();
        int i = 0;
        int j = 0;
        double max = 0;
        // once one sample is exhausted its CDF is 1 and |F1 - F2| can only shrink, so stop there
        while (i < a.size() && j < b.size()) {
            double x = Math.min(a.value(i), b.value(j));
            while (i < a.size() && a.value(i) <= x) {
                i++;
            }
            while (j < b.size() && b.value(j) <= x) {
                j++;
            }
            max = Math.max(max, Math.abs(a.weightBefore(i) / n1 - b.weightBefore(j) / n2));
        }
        return max;
    }

    /**
     * D of two sorted arrays. The maximum of |i/n1 - j/n2| is searched exactly as |i n2 - j n1| in integers (no
     * division per step); D is then evaluated at that point as scipy does, i/n1 - j/n2 in doubles.
     */
    static double statistic(final double[] a, final double[] b) {
        long n1 = a.length;
        long n2 = b.length;
        int i = 0;
        int j = 0;
        long max = 0;
        int maxI = 0;
        int maxJ = 0;
        while (i < a.length && j < b.length) {
            double x = Math.min(a[i], b[j]);
            while (i < a.length && a[i] <= x) {
                i++;
            }
            while (j < b.length && b[j] <= x) {
                j++;
            }
            long difference = Math.abs(i * n2 - j * n1);
            if (difference > max) {
                max = difference;
                maxI = i;
                maxJ = j;
            }
        }
        return Math.abs((double) maxI / n1 - (double) maxJ / n2);
    }

    /**
     * scipy's ks_2samp p-value for statistic d: exact below {@link #MAX_EXACT_N} (D rounded to the lattice h /
     * lcm(n1, n2) as scipy does), asymptotic above or when the exact computation fails.
     *
     * @return {statistic, p-value}
     */
    static double[] pValue(final long n1, final long n2, final double d) {
        double statistic = d;
        if (Math.max(n1, n2) <= MAX_EXACT_N) {
            long lcm = LatticePaths.lcm((int) n1, (int) n2);
            long h = (long) Math.rint(d * lcm);
            statistic = (double) h / lcm;
            double p = LatticePaths.pValue((int) n1, (int) n2, h);
            if (!Double.isNaN(p)) {
                return new double[] {statistic, p};
            }
        }
        return new double[] {statistic, asymptoticPValue(n1, n2, statistic)};
    }

    /**
     * scipy's 'asymp' two-sided p-value: kstwo.sf(d, round(m n / (m + n))), m ≥ n (Smirnov 1939). Beyond 2^31 - 1
     * (both samples above four billion values) the distribution is evaluated there; it has long reached its limit.
     */
    static double asymptoticPValue(final long n1, final long n2, final double d) {
        double m = Math.max(n1, n2);
        double n = Math.min(n1, n2);
        double effective = Math.min(Math.rint(m * n / (m + n)), Integer.MAX_VALUE);
        return KolmogorovDistribution.sf((int) effective, d);
    }
}
