package io.mlops.validation.drift;

/**
 * Evidently's population stability index (psi.py, drift when ≥ threshold, default 0.1): Σ (r - c) ln(r / c) over
 * Evidently's bins, after replacing each sample's empty bins by its smallest non-zero share / 10^6 when that share
 * is at most 0.0001, else by 0.0001 (utils.py get_binned_data, feel_zeroes).
 */
final class PopulationStability {
    private PopulationStability() {
    }

    static TestOutcome test(final ColumnSample reference, final ColumnSample current) {
        Bins.Shares shares = Bins.shares(reference, current);
        return TestOutcome.distance(index(smoothed(shares.reference()), smoothed(shares.current())), shares.exact(),
                shares.errorBound());
    }

    static double index(final double[] reference, final double[] current) {
        double psi = 0;
        for (int i = 0; i < reference.length; i++) {
            psi += (reference[i] - current[i]) * Math.log(reference[i] / current[i]);
        }
        return psi;
    }

    /** Evidently's smoothing of empty bins. */
    static double[] smoothed(final double[] shares) {
        double smallest = Double.POSITIVE_INFINITY;
        for (double share : shares) {
            if (share != 0) {
                smallest = Math.min(smallest, share);
            }
        }
        double replacement = smallest <= 0.0001 ? smallest / 1_000_000 : 0.0001;
        double[] smoothed = shares.clone();
        for (int i = 0; i < smoothed.length; i++) {
            if (smoothed[i] == 0) {
                smoothed[i] = replacement;
            }
        }
        return smoothed;
    }
}
