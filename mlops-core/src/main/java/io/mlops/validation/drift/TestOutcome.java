package io.mlops.validation.drift;

/**
 * What one drift test measured, before its threshold and the negligible-effect rule are applied.
 *
 * @param statistic  the test statistic or distance
 * @param pValue     the p-value, or null for distance methods
 * @param effectSize the size-independent effect measure of a p-value test, else null
 * @param exact      whether every value was used (false when computed from samples or frequent-item estimates)
 * @param errorBound the summed rank error of the numeric samples used, or null
 */
record TestOutcome(double statistic, Double pValue, Double effectSize, boolean exact, Double errorBound) {
    static TestOutcome distance(final double statistic, final boolean exact, final Double errorBound) {
        return new TestOutcome(statistic, null, null, exact, errorBound);
    }
}
