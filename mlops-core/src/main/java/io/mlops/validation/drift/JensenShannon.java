package io.mlops.validation.drift;

/**
 * Evidently's Jensen-Shannon distance (jensenshannon.py, drift when ≥ threshold, default 0.1): scipy's
 * spatial.distance.jensenshannon (natural logarithm) of the two samples' shares on Evidently's bins, without
 * smoothing of empty bins.
 */
final class JensenShannon {
    private JensenShannon() {
    }

    static TestOutcome test(final ColumnSample reference, final ColumnSample current) {
        Bins.Shares shares = Bins.shares(reference, current);
        return TestOutcome.distance(distance(shares.reference(), shares.current()), shares.exact(),
                shares.errorBound());
    }

    /** √((KL(p‖m) + KL(q‖m)) / 2), m = (p + q) / 2, after normalising p and q to sum to 1 (scipy). */
    static double distance(final double[] p, final double[] q) {
        double pSum = sum(p);
        double qSum = sum(q);
        double left = 0;
        double right = 0;
        for (int i = 0; i < p.length; i++) {
            double pi = p[i] / pSum;
            double qi = q[i] / qSum;
            double m = (pi + qi) / 2.0;
            left += relativeEntropy(pi, m);
            right += relativeEntropy(qi, m);
        }
        return Math.sqrt((left + right) / 2.0);
    }

    /** scipy.special.rel_entr: x ln(x/y), 0 when x = 0. */
    private static double relativeEntropy(final double x, final double y) {
        return x > 0 ? x * Math.log(x / y) : 0.0;
    }

    private static double sum(final double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum;
    }
}
