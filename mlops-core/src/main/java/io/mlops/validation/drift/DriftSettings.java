package io.mlops.validation.drift;

/**
 * How drift is tested.
 *
 * @param method         the test, or AUTO to choose per column as Evidently does
 * @param threshold      the threshold for every column, or null for each method's default
 * @param shareThreshold the share of drifted columns at which the dataset drifts
 */
public record DriftSettings(DriftMethod method, Double threshold, double shareThreshold) {
    /** Auto selection, default thresholds, dataset drift at half of the columns. */
    public static final DriftSettings DEFAULT = new DriftSettings(DriftMethod.AUTO, null, 0.5);
}
