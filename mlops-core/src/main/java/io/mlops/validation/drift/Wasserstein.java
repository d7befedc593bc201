package io.mlops.validation.drift;

/**
 * Evidently's normed Wasserstein distance (wasserstein_distance_norm.py, drift when ≥ threshold, default 0.1): the
 * first Wasserstein distance ∫|F1 - F2| (scipy.stats.wasserstein_distance) divided by the reference's population
 * standard deviation, floored at 0.001. From samples, both the distance and the deviation come from the weighted
 * samples.
 */
final class Wasserstein {
    /** Evidently's floor for the normalising standard deviation. */
    static final double MIN_NORM = 0.001;

    private Wasserstein() {
    }

    static TestOutcome test(final NumericSample reference, final NumericSample current) {
        SortedValues[] pair = SortedValues.pair(reference, current);
        double norm = Math.max(pair[0].standardDeviation(), MIN_NORM);
        double statistic = distance(pair[0], pair[1]) / norm;
        Double errorBound = SortedValues.errorBound(pair);
        return TestOutcome.distance(statistic, errorBound == null, errorBound);
    }

    /** ∫|F1(x) - F2(x)| dx over the merged values: the area between the two step CDFs (scipy's _cdf_distance). */
    static double distance(final SortedValues a, final SortedValues b) {
        double n1 = a.count();
        double n2 = b.count();
        int i = 0;
        int j = 0;
        double previous = Math.min(a.value(0), b.value(0));
        double sum = 0;
        while (i < a.size() || j < b.size()) {
            double x = i == a.size() ? b.value(j) : j == b.size() ? a.value(i) : Math.min(a.value(i), b.value(j));
            sum += Math.abs(a.weightBefore(i) / n1 - b.weightBefore(j) / n2) * (x - previous);
            while (i < a.size() && a.value(i) <= x) {
                i++;
            }
            while (j < b.size() && b.value(j) <= x) {
                j++;
            }
            previous = x;
        }
        return sum;
    }
}
