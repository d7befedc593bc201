package io.mlops.validation.drift;

import java.util.Map;

/**
 * Dataset-level drift: the dataset drifts when at least {@code shareThreshold} of the compared columns do
 * (Evidently's rule, default 0.5).
 *
 * @param share          drifted columns / compared columns
 * @param shareThreshold the share at which the dataset drifts
 * @param drifted        whether the dataset drifted
 * @param columns        per-column results, in column order
 */
public record DriftReport(double share, double shareThreshold, boolean drifted, Map<String, ColumnDrift> columns) {
}
