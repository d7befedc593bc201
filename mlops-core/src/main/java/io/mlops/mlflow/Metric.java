package io.mlops.mlflow;

/**
 * One metric value ({@code Metric} in {@code mlflow/protos/service.proto}).
 *
 * @param key       the metric name
 * @param value     the value
 * @param timestamp milliseconds since the epoch
 * @param step      the training step
 */
public record Metric(String key, double value, long timestamp, long step) {
}
