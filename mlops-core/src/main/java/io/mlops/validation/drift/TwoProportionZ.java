package io.mlops.validation.drift;

import io.mlops.stats.Normal;
import io.mlops.util.InputException;

/**
 * Evidently's z-test for a binary column (z_stattest.py, drift when p &lt; threshold, default 0.05): the share of
 * values other than the smallest one in each sample, pooled two-proportion z statistic, two-sided p = 2 (1 - Φ(|z|))
 * (computed as 2 Φ(-|z|), which Evidently's form rounds to 0 beyond |z| ≈ 8.3).
 *
 * <p>Effect size: Cohen's h = |2 asin √p1 - 2 asin √p2| (Cohen 1988, §6.2).
 */
final class TwoProportionZ {
    private TwoProportionZ() {
    }

    static TestOutcome test(final Frequencies frequencies) {
        if (frequencies.size() > 2) {
            throw new InputException("z compares two proportions and needs a column with at most two distinct "
                    + "values in both datasets together; this column has " + frequencies.size() + ": use chi2");
        }
        if (frequencies.size() == 1) {
            // Evidently: one and the same value in both samples gives p = 1
            return new TestOutcome(0.0, 1.0, 0.0, frequencies.exact(), null);
        }
        double n1 = frequencies.referenceTotal();
        double n2 = frequencies.currentTotal();
        double p1 = (n1 - frequencies.reference(0)) / n1;
        double p2 = (n2 - frequencies.current(0)) / n2;
        double pooled = (p1 * n1 + p2 * n2) / (n1 + n2);
        double z = (p1 - p2) / Math.sqrt(pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2));
        double p = 2 * Normal.sf(Math.abs(z));
        return new TestOutcome(z, p, cohensH(p1, p2), frequencies.exact(), null);
    }

    /** Cohen's h, the difference of arcsine-transformed proportions (Cohen 1988, eq. 6.2.1). */
    static double cohensH(final double p1, final double p2) {
        return Math.abs(2 * Math.asin(Math.sqrt(p1)) - 2 * Math.asin(Math.sqrt(p2)));
    }
}
