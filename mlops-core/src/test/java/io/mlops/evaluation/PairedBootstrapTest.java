package io.mlops.evaluation;

import io.mlops.stats.PoissonWeights;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PairedBootstrapTest {
    private static final int ROWS = 2_000;

    @Test
    void shouldMeasureUnitWeightsExactlyAsTheMetricsOfTheData() {
        // given
        var data = Synthetic.binary(ROWS, 0.3, 1);
        var model = new BinaryResampling(data.actual(), data.predicted(), data.score());
        var into = new double[model.metrics().size()];

        // when
        model.measure((resample, row) -> 1, 0, into);

        // then
        var metrics = BinaryMetrics.compute(data.actual(), data.predicted(), data.score());
        for (int m = 0; m < into.length; m++) {
            assertThat(into[m]).as(model.metrics().get(m))
                    .isCloseTo(metrics.get(model.metrics().get(m)).doubleValue(), within(1e-12));
        }
    }

    @Test
    void shouldMeasureAResampleAsTheDataWithEachRowRepeatedByItsWeight() {
        // given
        var data = Synthetic.binary(ROWS, 0.3, 2);
        var model = new BinaryResampling(data.actual(), data.predicted(), data.score());
        var weights = new PoissonWeights(42);
        var into = new double[model.metrics().size()];

        // when
        model.measure(weights, 7, into);

        // then
        var replicated = data.replicate(row -> weights.weight(7, row));
        var metrics = BinaryMetrics.compute(replicated.actual(), replicated.predicted(), replicated.score());
        for (int m = 0; m < into.length; m++) {
            assertThat(into[m]).as(model.metrics().get(m))
                    .isCloseTo(metrics.get(model.metrics().get(m)).doubleValue(), within(1e-12));
        }
    }

    @Test
    void shouldGiveTheSameIntervalsOnAnyNumberOfThreads() throws Exception {
        // given
        var data = Synthetic.binary(ROWS, 0.3, 3);
        var candidate = new BinaryResampling(data.actual(), data.predicted(), data.score());
        var worse = data.withNoise(0.2, 4);
        var baseline = new BinaryResampling(worse.actual(), worse.predicted(), worse.score());

        // when
        var one = PairedBootstrap.run(candidate, baseline, 200, 7, 1);
        var three = PairedBootstrap.run(candidate, baseline, 200, 7, 3);

        // then
        assertThat(three.keySet()).containsExactlyElementsOf(one.keySet());
        for (var metric : one.keySet()) {
            assertThat(three.get(metric).sorted()).as(metric).containsExactly(one.get(metric).sorted());
        }
    }

    @Test
    void shouldFindABetterModelBetterAndTheSameModelNotDifferent() throws Exception {
        // given
        var data = Synthetic.binary(ROWS, 0.3, 5);
        var candidate = new BinaryResampling(data.actual(), data.predicted(), data.score());
        var worse = data.withNoise(0.5, 6);
        var baseline = new BinaryResampling(worse.actual(), worse.predicted(), worse.score());

        // when
        var better = PairedBootstrap.run(candidate, baseline, 500, 11, 2);
        var same = PairedBootstrap.run(candidate, candidate, 100, 11, 2);

        // then
        var auc = better.get("roc_auc");
        assertThat(auc.interval(0.95)[0]).isPositive();
        assertThat(auc.pValue()).isLessThan(0.01);
        assertThat(same.get("roc_auc").interval(0.95)).containsExactly(0.0, 0.0);
        assertThat(same.get("roc_auc").pValue()).isEqualTo(1.0);
    }

    @Test
    void shouldInterpolatePercentilesAsNumpy() {
        // given: numpy.percentile([1, 2, 3, 4], [2.5, 97.5]) = [1.075, 3.925]
        var differences = PairedBootstrap.Differences.of(new double[] {4, 1, Double.NaN, 3, 2});

        // then
        assertThat(differences.interval(0.95)[0]).isCloseTo(1.075, within(1e-12));
        assertThat(differences.interval(0.95)[1]).isCloseTo(3.925, within(1e-12));
        assertThat(differences.undefined()).isEqualTo(1);
    }

    @Test
    void shouldDrawPoissonOneWeights() {
        // given
        var weights = new PoissonWeights(1);
        int draws = 1_000_000;
        long sum = 0;
        long squares = 0;
        long zeros = 0;

        // when
        for (int row = 0; row < draws; row++) {
            int w = weights.weight(row % 1000, row);
            sum += w;
            squares += (long) w * w;
            zeros += w == 0 ? 1 : 0;
        }

        // then: mean 1, variance 1, P(0) = 1/e; bounds of about 5 standard errors
        double mean = (double) sum / draws;
        assertThat(mean).isCloseTo(1.0, within(0.005));
        assertThat((double) squares / draws - mean * mean).isCloseTo(1.0, within(0.01));
        assertThat((double) zeros / draws).isCloseTo(Math.exp(-1), within(0.0025));
    }

    /** Seeded synthetic predictions. */
    record Synthetic(boolean[] actual, boolean[] predicted, double[] score) {
        static Synthetic binary(final int rows, final double noise, final long seed) {
            var random = new Random(seed);
            var actual = new boolean[rows];
            var score = new double[rows];
            for (int i = 0; i < rows; i++) {
                actual[i] = random.nextDouble() < 0.4;
                double signal = (actual[i] ? 0.65 : 0.35) + noise * random.nextGaussian();
                // two decimals, so that scores tie
                score[i] = Math.round(Math.min(1, Math.max(0, signal)) * 100) / 100.0;
            }
            return of(actual, score);
        }

        static Synthetic of(final boolean[] actual, final double[] score) {
            var predicted = new boolean[actual.length];
            for (int i = 0; i < actual.length; i++) {
                predicted[i] = score[i] >= 0.5;
            }
            return new Synthetic(actual, predicted, score);
        }

        Synthetic withNoise(final double noise, final long seed) {
            var random = new Random(seed);
            var noisy = new double[score.length];
            for (int i = 0; i < score.length; i++) {
                noisy[i] = Math.round(Math.min(1, Math.max(0, score[i] + noise * random.nextGaussian())) * 100) / 100.0;
            }
            return of(actual, noisy);
        }

        Synthetic replicate(final java.util.function.IntUnaryOperator times) {
            int total = 0;
            for (int row = 0; row < actual.length; row++) {
                total += times.applyAsInt(row);
            }
            var a = new boolean[total];
            var p = new boolean[total];
            var s = new double[total];
            int next = 0;
            for (int row = 0; row < actual.length; row++) {
                for (int k = times.applyAsInt(row); k > 0; k--) {
                    a[next] = actual[row];
                    p[next] = predicted[row];
                    s[next] = score[row];
                    next++;
                }
            }
            return new Synthetic(a, p, s);
        }
    }
}
