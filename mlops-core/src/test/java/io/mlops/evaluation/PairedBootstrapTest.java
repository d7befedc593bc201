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
        var worse = data.withNoise(0.2, 9);
        var models = pair(data, worse);
        var weights = new byte[ROWS];
        java.util.Arrays.fill(weights, (byte) 1);
        var candidate = new double[models.metrics().size()];
        var baseline = new double[models.metrics().size()];

        // when
        models.measure(weights, candidate, baseline);

        // then
        assertMetrics(models, candidate, data);
        assertMetrics(models, baseline, worse);
    }

    @Test
    void shouldMeasureAResampleAsTheDataWithEachRowRepeatedByItsWeight() {
        // given
        var data = Synthetic.binary(ROWS + 1, 0.3, 2);
        var worse = data.withNoise(0.2, 10);
        var models = pair(data, worse);
        var poisson = new PoissonWeights(42);
        var weights = new byte[ROWS + 1];
        var candidate = new double[models.metrics().size()];
        var baseline = new double[models.metrics().size()];

        // when
        poisson.fill(7, weights);
        models.measure(weights, candidate, baseline);

        // then: weight k belongs to the row the models put at index k
        for (int index = 0; index < weights.length; index++) {
            assertThat(weights[index]).isEqualTo((byte) poisson.weight(7, index));
        }
        var rowWeights = new byte[weights.length];
        for (int index = 0; index < weights.length; index++) {
            rowWeights[models.rowOf(index)] = weights[index];
        }
        assertMetrics(models, candidate, data.replicate(row -> rowWeights[row]));
        assertMetrics(models, baseline, worse.replicate(row -> rowWeights[row]));
    }

    private static BinaryResampling pair(final Synthetic candidate, final Synthetic baseline) {
        return new BinaryResampling(candidate.actual(),
                new BinaryResampling.Outcomes(candidate.predicted(), candidate.score()),
                new BinaryResampling.Outcomes(baseline.predicted(), baseline.score()));
    }

    private static void assertMetrics(final BinaryResampling models, final double[] measured, final Synthetic data) {
        var metrics = BinaryMetrics.compute(data.actual(), data.predicted(), data.score());
        for (int m = 0; m < measured.length; m++) {
            var name = models.metrics().get(m);
            assertThat(measured[m]).as(name).isCloseTo(metrics.get(name).doubleValue(), within(1e-12));
        }
    }

    @Test
    void shouldMeasureMulticlassAndRegressionWithUnitWeightsAsTheirMetrics() throws Exception {
        // given
        var multiclass = PredictionsReader.read(PredictionsReaderTest.golden("multiclass.csv"),
                io.mlops.data.DataFormat.CSV, Task.MULTICLASS, PredictionColumns.DEFAULT, null, java.util.List.of());
        var regression = PredictionsReader.read(PredictionsReaderTest.golden("regression.csv"),
                io.mlops.data.DataFormat.CSV, Task.REGRESSION, PredictionColumns.DEFAULT, null, java.util.List.of());
        var pairs = java.util.List.of(
                new MulticlassResampling(multiclass.classes().size(), multiclass.label(), multiclass.predicted(),
                        multiclass.predicted(), multiclass.classScores(), multiclass.classScores()),
                new RegressionResampling(regression.actual(), regression.estimate(), regression.estimate()));
        var metrics = java.util.List.of(Evaluator.measure(multiclass).metrics(), Evaluator.measure(regression).metrics());

        for (int p = 0; p < pairs.size(); p++) {
            var pair = pairs.get(p);
            var weights = new byte[pair.rows()];
            java.util.Arrays.fill(weights, (byte) 1);
            var candidate = new double[pair.metrics().size()];
            var baseline = new double[pair.metrics().size()];

            // when
            pair.measure(weights, candidate, baseline);

            // then
            for (int m = 0; m < candidate.length; m++) {
                var name = pair.metrics().get(m);
                assertThat(candidate[m]).as(name).isCloseTo(metrics.get(p).get(name).doubleValue(), within(1e-12));
                assertThat(baseline[m]).as(name).isEqualTo(candidate[m]);
            }
        }
    }

    @Test
    void shouldGiveTheSameIntervalsOnAnyNumberOfThreads() throws Exception {
        // given
        var data = Synthetic.binary(ROWS, 0.3, 3);
        var models = pair(data, data.withNoise(0.2, 4));

        // when
        var one = PairedBootstrap.run(models, 200, 7, 1);
        var three = PairedBootstrap.run(models, 200, 7, 3);

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
        // when
        var better = PairedBootstrap.run(pair(data, data.withNoise(0.5, 6)), 500, 11, 2);
        var same = PairedBootstrap.run(pair(data, data), 100, 11, 2);

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
            int w = weights.weight(row % 1000, row / 1000);
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
