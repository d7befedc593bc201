package io.mlops.validation.drift;

import io.mlops.stats.Gamma;

/**
 * Evidently's chi-square test (chisquare_stattest.py, drift when p &lt; threshold, default 0.05): the current
 * counts against the reference counts scaled to the current size, scipy.stats.chisquare, k - 1 degrees of freedom.
 * A value the reference never had makes the statistic infinite and p zero, as in scipy.
 *
 * <p>Effect size: Cramér's V of the 2 × k table reference/current × values (scipy.stats.contingency.association,
 * no continuity correction), which does not grow with the sample size.
 */
final class ChiSquare {
    private ChiSquare() {
    }

    static TestOutcome test(final Frequencies frequencies) {
        int k = frequencies.size();
        if (k < 2) {
            // one value in both samples: nothing can have shifted (scipy would return p = NaN)
            return new TestOutcome(0.0, 1.0, 0.0, frequencies.exact(), null);
        }
        double scale = frequencies.currentTotal() / frequencies.referenceTotal();
        double statistic = 0;
        for (int i = 0; i < k; i++) {
            double expected = frequencies.reference(i) * scale;
            double difference = frequencies.current(i) - expected;
            statistic += difference * difference / expected;
        }
        double p = Double.isInfinite(statistic) ? 0.0 : Gamma.regularizedQ((k - 1) / 2.0, statistic / 2);
        return new TestOutcome(statistic, p, cramersV(frequencies), frequencies.exact(), null);
    }

    /** V = √(χ² / (N · min(rows - 1, columns - 1))) of the 2 × k contingency table (Cramér 1946). */
    static double cramersV(final Frequencies frequencies) {
        int k = frequencies.size();
        double referenceTotal = frequencies.referenceTotal();
        double currentTotal = frequencies.currentTotal();
        double total = referenceTotal + currentTotal;
        double statistic = 0;
        for (int i = 0; i < k; i++) {
            double column = frequencies.reference(i) + frequencies.current(i);
            statistic += squaredDeviation(frequencies.reference(i), referenceTotal * column / total);
            statistic += squaredDeviation(frequencies.current(i), currentTotal * column / total);
        }
        return k < 2 ? 0.0 : Math.sqrt(statistic / total / Math.min(1, k - 1));
    }

    private static double squaredDeviation(final double observed, final double expected) {
        double difference = observed - expected;
        return difference * difference / expected;
    }
}
