package io.mlops.mlflow;

import java.util.Optional;

/**
 * A run with what was logged to it ({@code Run} in {@code mlflow/protos/service.proto}).
 *
 * @param info its metadata
 * @param data   its metrics, parameters and tags
 * @param inputs the datasets it used
 */
public record Run(RunInfo info, RunData data, RunInputs inputs) {
    /** Normalises missing data and inputs to empty ones. */
    public Run {
        data = data == null ? new RunData(null, null, null) : data;
        inputs = inputs == null ? new RunInputs(null) : inputs;
    }

    /** The value of a tag. */
    public Optional<String> tag(final String key) {
        return data.tags().stream().filter(tag -> tag.key().equals(key)).map(Tag::value).findFirst();
    }

    /** The value of a parameter. */
    public Optional<String> param(final String key) {
        return data.params().stream().filter(tag -> tag.key().equals(key)).map(Tag::value).findFirst();
    }

    /** The latest value of a metric. */
    public Optional<Double> metric(final String key) {
        return data.metrics().stream().filter(metric -> metric.key().equals(key)).map(Metric::value).findFirst();
    }
}
