package io.mlops.evaluation;

import java.util.List;

/** A candidate's and a baseline's regression metrics on bootstrap resamples of the same rows, one pass each. */
final class RegressionResampling implements PairedBootstrap.Pair {
    private static final List<String> METRICS = List.of("mean_absolute_error", "mean_squared_error",
            "root_mean_squared_error", "r2_score", "max_error", "mean_absolute_percentage_error");

    private final double[] actual;
    private final double[] candidate;
    private final double[] baseline;

    RegressionResampling(final double[] actual, final double[] candidate, final double[] baseline) {
        this.actual = actual;
        this.candidate = candidate;
        this.baseline = baseline;
    }

    @Override
    public int rows() {
        return actual.length;
    }

    @Override
    public List<String> metrics() {
        return METRICS;
    }

    @Override
    public void measure(final byte[] weights, final double[] candidateInto, final double[] baselineInto) {
        // the target's weighted mean first: R² needs the spread around it
        double total = 0;
        double targetSum = 0;
        for (int i = 0; i < actual.length; i++) {
            total += weights[i];
            targetSum += weights[i] * actual[i];
        }
        double mean = targetSum / total;
        double spread = 0;
        for (int i = 0; i < actual.length; i++) {
            spread += weights[i] * (actual[i] - mean) * (actual[i] - mean);
        }
        measure(weights, candidate, total, spread, candidateInto);
        measure(weights, baseline, total, spread, baselineInto);
    }

    private void measure(final byte[] weights, final double[] estimate, final double total, final double spread,
            final double[] into) {
        double absolute = 0;
        double squared = 0;
        double percentage = 0;
        double maxError = 0;
        for (int i = 0; i < actual.length; i++) {
            int w = weights[i];
            double error = Math.abs(actual[i] - estimate[i]);
            absolute += w * error;
            squared += w * error * error;
            percentage += w * error / Math.max(Math.abs(actual[i]), BinaryMetrics.EPSILON);
            // rows left out of the resample (weight 0) do not count towards the largest error
            maxError = Math.max(maxError, w == 0 ? 0 : error);
        }
        double mse = squared / total;
        into[0] = absolute / total;
        into[1] = mse;
        into[2] = Math.sqrt(mse);
        into[3] = spread == 0 ? (squared == 0 ? 1.0 : 0.0) : 1 - squared / spread;
        into[4] = maxError;
        into[5] = percentage / total;
    }
}
