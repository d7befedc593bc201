package io.mlops.evaluation;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The metrics of a regressor under MLflow's default-evaluator names, each computed as scikit-learn does:
 * the mean absolute percentage error divides by {@code max(|y|, eps)}, and R² is 1 for a perfect fit of a
 * constant target and 0 for an imperfect one ({@code force_finite}).
 */
final class RegressionMetrics {
    private RegressionMetrics() {
    }

    static Map<String, Number> compute(final double[] actual, final double[] predicted) {
        int n = actual.length;
        var absolute = new CompensatedSum();
        var squared = new CompensatedSum();
        var percentage = new CompensatedSum();
        var target = new CompensatedSum();
        double maxError = 0;
        for (int i = 0; i < n; i++) {
            double error = actual[i] - predicted[i];
            absolute.add(Math.abs(error));
            squared.add(error * error);
            percentage.add(Math.abs(error) / Math.max(Math.abs(actual[i]), BinaryMetrics.EPSILON));
            target.add(actual[i]);
            maxError = Math.max(maxError, Math.abs(error));
        }
        double mean = target.value() / n;
        var deviations = new CompensatedSum();
        for (double y : actual) {
            deviations.add((y - mean) * (y - mean));
        }
        double mse = squared.value() / n;
        var metrics = new LinkedHashMap<String, Number>();
        metrics.put("example_count", (long) n);
        metrics.put("mean_absolute_error", absolute.value() / n);
        metrics.put("mean_squared_error", mse);
        metrics.put("root_mean_squared_error", Math.sqrt(mse));
        metrics.put("sum_on_target", target.value());
        metrics.put("mean_on_target", mean);
        metrics.put("r2_score", r2(squared.value(), deviations.value()));
        metrics.put("max_error", maxError);
        metrics.put("mean_absolute_percentage_error", percentage.value() / n);
        return metrics;
    }

    private static double r2(final double residual, final double total) {
        if (total == 0) {
            return residual == 0 ? 1.0 : 0.0;
        }
        return 1 - residual / total;
    }
}
