package io.mlops.evaluation;

import java.util.List;
import java.util.Map;

/**
 * A gates file (DESIGN.md §3): gates on the metrics of the whole evaluation set, on each slice of chosen
 * columns, and on fairness measures across the groups of sensitive attributes.
 *
 * @param metrics  gates on the metrics of the whole set, in file order
 * @param slices   per slice column, gates that every slice of it (with enough rows) must pass
 * @param fairness per sensitive attribute, gates on its fairness measures
 */
public record Gates(List<MetricGate> metrics, Map<String, List<MetricGate>> slices,
        Map<String, List<MetricGate>> fairness) {
    /** No gates: the step reports metrics and passes. */
    public static final Gates NONE = new Gates(List.of(), Map.of(), Map.of());
}
