package io.mlops.evaluation;

import io.mlops.stats.PoissonWeights;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The paired bootstrap of metric differences between a candidate and a baseline model evaluated on the same rows:
 * each resample weighs the rows with {@link PoissonWeights}, both models are measured on the same weights, and the
 * differences over all resamples give a percentile confidence interval and a p-value. Resamples are spread over
 * threads; each is a function of (seed, resample) only, so results do not depend on the thread count.
 */
final class PairedBootstrap {
    private PairedBootstrap() {
    }

    /** Two models' metrics on the same weighted rows. */
    interface Pair {
        /** The number of rows. */
        int rows();

        /** The metrics {@link #measure} computes, in its order. */
        List<String> metrics();

        /**
         * Measures both models on one resample.
         *
         * @param weights   the weight of every row
         * @param candidate receives the candidate's value of each metric, NaN where the resample leaves it undefined
         * @param baseline  the same for the baseline
         */
        void measure(byte[] weights, double[] candidate, double[] baseline);
    }

    /**
     * Runs the bootstrap.
     *
     * @param models    the candidate and the baseline
     * @param resamples how many resamples
     * @param seed      the seed of the weights
     * @param threads   how many threads to use
     * @return per metric, the sorted differences candidate − baseline
     */
    static Map<String, Differences> run(final Pair models, final int resamples, final long seed, final int threads)
            throws InterruptedException {
        int metrics = models.metrics().size();
        var weights = new PoissonWeights(seed);
        var differences = new double[metrics][resamples];
        var pool = Executors.newFixedThreadPool(threads, runnable -> {
            var thread = new Thread(runnable, "mlops-bootstrap");
            thread.setDaemon(true);
            return thread;
        });
        try {
            var work = new ArrayList<Future<?>>();
            for (int t = 0; t < threads; t++) {
                int first = t;
                work.add(pool.submit(() -> {
                    var rowWeights = new byte[models.rows()];
                    var candidate = new double[metrics];
                    var baseline = new double[metrics];
                    for (int r = first; r < resamples; r += threads) {
                        weights.fill(r, rowWeights);
                        models.measure(rowWeights, candidate, baseline);
                        for (int m = 0; m < metrics; m++) {
                            differences[m][r] = candidate[m] - baseline[m];
                        }
                    }
                }));
            }
            for (Future<?> future : work) {
                future.get();
            }
        }
        catch (ExecutionException e) {
            throw new IllegalStateException("bootstrap failed: " + e.getCause(), e.getCause());
        }
        finally {
            pool.shutdownNow();
        }
        var result = new LinkedHashMap<String, Differences>();
        for (int m = 0; m < metrics; m++) {
            result.put(models.metrics().get(m), Differences.of(differences[m]));
        }
        return result;
    }

    /**
     * The bootstrap distribution of one metric's difference.
     *
     * @param sorted the defined differences (resamples where the metric exists for both models), ascending
     * @param undefined how many resamples left the metric undefined
     */
    record Differences(double[] sorted, int undefined) {
        static Differences of(final double[] values) {
            var defined = Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
            return new Differences(defined, values.length - defined.length);
        }

        /** The two-sided percentile interval at a confidence level, e.g. 0.95 → the 2.5th and 97.5th percentiles. */
        double[] interval(final double confidence) {
            double tail = (1 - confidence) / 2;
            return new double[] {percentile(tail), percentile(1 - tail)};
        }

        /** numpy's default (linear) percentile of the sorted differences. */
        double percentile(final double q) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            double position = q * (sorted.length - 1);
            int below = (int) Math.floor(position);
            int above = Math.min(below + 1, sorted.length - 1);
            double fraction = position - below;
            return sorted[below] + fraction * (sorted[above] - sorted[below]);
        }

        /**
         * The two-sided bootstrap p-value of "no difference": twice the share of resamples on the less frequent
         * side of zero, counted with the observed sample as one more resample ((k + 1) / (R + 1), Davison and
         * Hinkley 1997), so that R resamples never claim a p-value below about 2 / R. At most 1.
         */
        double pValue() {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            long atMostZero = Arrays.stream(sorted).filter(d -> d <= 0).count();
            long atLeastZero = Arrays.stream(sorted).filter(d -> d >= 0).count();
            return Math.min(1.0, 2.0 * (Math.min(atMostZero, atLeastZero) + 1) / (sorted.length + 1));
        }
    }
}
