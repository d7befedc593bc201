package io.mlops.evaluation;

import java.util.Map;

/**
 * Fairness across the groups of one sensitive attribute ({@link Fairness} defines the measures).
 *
 * @param measures demographic_parity_difference, demographic_parity_ratio, equalized_odds_difference,
 *                 disparate_impact
 * @param groups   per group: rows, selection rate, true and false positive rates
 */
public record FairnessResult(Map<String, Double> measures, Map<String, GroupRates> groups) {
    /**
     * @param rows              rows in the group
     * @param selectionRate     share predicted positive
     * @param truePositiveRate  share of its positives predicted positive (NaN without positives)
     * @param falsePositiveRate share of its negatives predicted positive (NaN without negatives)
     */
    public record GroupRates(long rows, double selectionRate, double truePositiveRate, double falsePositiveRate) {
    }
}
