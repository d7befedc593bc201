package io.mlops.evaluation;

import java.util.ArrayList;

/**
 * One gate on one metric, with MLflow's {@code MetricThreshold} fields and meaning, plus {@code confidence}.
 *
 * @param metric            the metric's name (MLflow's default-evaluator names, e.g. {@code roc_auc})
 * @param threshold         the candidate's value must be ≥ it (≤ when lower is better), or null
 * @param minAbsoluteChange the candidate must beat the baseline by at least this (&gt; 0), or null
 * @param minRelativeChange ... by at least this share of the baseline's value (0 to 1), or null
 * @param greaterIsBetter   whether higher values are better
 * @param confidence        makes the change rules statistical (e.g. 0.95): they pass only when the confidence
 *                          interval of the paired difference clears the bound, fail when it lies entirely on the
 *                          wrong side, and are inconclusive otherwise; null for MLflow's point comparison
 */
public record MetricGate(String metric, Double threshold, Double minAbsoluteChange, Double minRelativeChange,
        boolean greaterIsBetter, Double confidence) {
    /** Whether the gate compares with a baseline. */
    public boolean comparesWithBaseline() {
        return minAbsoluteChange != null || minRelativeChange != null;
    }

    /** The rule in words, e.g. "≥ 0.8; +0.01 over the baseline at 95% confidence". */
    public String rule() {
        var parts = new ArrayList<String>();
        String better = greaterIsBetter ? "≥ " : "≤ ";
        if (threshold != null) {
            parts.add(better + threshold);
        }
        String direction = greaterIsBetter ? "+" : "−";
        if (minAbsoluteChange != null) {
            parts.add(direction + minAbsoluteChange + " vs baseline");
        }
        if (minRelativeChange != null) {
            parts.add(direction + minRelativeChange * 100 + "% vs baseline");
        }
        var rule = String.join("; ", parts);
        return confidence == null || !comparesWithBaseline() ? rule
                : rule + " at " + Math.round(confidence * 1000) / 10.0 + "% confidence";
    }
}
