package io.mlops.mlflow;

import java.util.List;

/**
 * What was logged to a run: the latest value of each metric, the parameters and the tags ({@code RunData}).
 *
 * @param metrics the latest value of each metric
 * @param params  the parameters
 * @param tags    the tags
 */
public record RunData(List<Metric> metrics, List<Tag> params, List<Tag> tags) {
    /** Normalises missing lists to empty ones. */
    public RunData {
        metrics = metrics == null ? List.of() : List.copyOf(metrics);
        params = params == null ? List.of() : List.copyOf(params);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
