package io.mlops.evaluation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Group fairness of a binary classifier across the groups of a sensitive attribute, as fairlearn defines the
 * measures (worst case over groups): the selection rate is the share of a group predicted positive.
 *
 * <ul>
 *   <li>{@code demographic_parity_difference}: largest − smallest selection rate;</li>
 *   <li>{@code demographic_parity_ratio}: smallest / largest selection rate;</li>
 *   <li>{@code equalized_odds_difference}: the larger of the true-positive-rate and false-positive-rate
 *       differences between groups;</li>
 *   <li>{@code disparate_impact}: the smallest selection rate over the largest, read against the four-fifths
 *       rule (EEOC): below 0.8 indicates adverse impact. Numerically the demographic parity ratio, under the name
 *       regulators use.</li>
 * </ul>
 */
final class Fairness {
    private Fairness() {
    }

    /**
     * @param groupNames the group labels; indexes below refer to this list
     * @param group      each row's group index
     */
    static FairnessResult compute(final List<String> groupNames, final int[] group, final boolean[] actual,
            final boolean[] predicted) {
        int k = groupNames.size();
        var rows = new long[k];
        var selected = new long[k];
        var positives = new long[k];
        var truePositives = new long[k];
        var falsePositives = new long[k];
        for (int i = 0; i < group.length; i++) {
            int g = group[i];
            rows[g]++;
            if (predicted[i]) {
                selected[g]++;
                if (actual[i]) {
                    truePositives[g]++;
                }
                else {
                    falsePositives[g]++;
                }
            }
            if (actual[i]) {
                positives[g]++;
            }
        }
        var groups = new LinkedHashMap<String, FairnessResult.GroupRates>();
        var selection = new Range();
        var tpr = new Range();
        var fpr = new Range();
        for (int g = 0; g < k; g++) {
            if (rows[g] == 0) {
                continue;
            }
            long negatives = rows[g] - positives[g];
            var rates = new FairnessResult.GroupRates(rows[g], (double) selected[g] / rows[g],
                    positives[g] == 0 ? Double.NaN : (double) truePositives[g] / positives[g],
                    negatives == 0 ? Double.NaN : (double) falsePositives[g] / negatives);
            groups.put(groupNames.get(g), rates);
            selection.add(rates.selectionRate());
            tpr.add(rates.truePositiveRate());
            fpr.add(rates.falsePositiveRate());
        }
        var measures = new LinkedHashMap<String, Double>();
        measures.put("demographic_parity_difference", selection.difference());
        measures.put("demographic_parity_ratio", selection.ratio());
        measures.put("equalized_odds_difference", Math.max(tpr.difference(), fpr.difference()));
        measures.put("disparate_impact", selection.ratio());
        return new FairnessResult(measures, groups);
    }

    /** The smallest and largest of the defined values. */
    private static final class Range {
        private double min = Double.NaN;
        private double max = Double.NaN;

        void add(final double value) {
            if (Double.isNaN(value)) {
                return;
            }
            min = Double.isNaN(min) ? value : Math.min(min, value);
            max = Double.isNaN(max) ? value : Math.max(max, value);
        }

        double difference() {
            return max - min;
        }

        /** min / max; 1 when every group has rate 0 (fairlearn's convention: no disparity). */
        double ratio() {
            return max == 0 ? 1.0 : min / max;
        }
    }
}
