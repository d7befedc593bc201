package io.mlops.evaluation;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Metrics on small hand-checked examples (scikit-learn's documentation examples where there is one). */
class MetricsTest {
    private static final boolean[] ACTUAL = {true, true, false, false, true, false};
    private static final boolean[] PREDICTED = {true, false, false, true, true, false};
    private static final double[] SCORE = {0.9, 0.4, 0.35, 0.8, 0.7, 0.1};

    @Test
    void shouldCountTheConfusionMatrixAndDeriveTheRates() {
        // when
        var metrics = BinaryMetrics.compute(ACTUAL, PREDICTED, SCORE);

        // then
        assertThat(metrics).containsEntry("example_count", 6L).containsEntry("true_positives", 2L)
                .containsEntry("false_positives", 1L).containsEntry("false_negatives", 1L)
                .containsEntry("true_negatives", 2L);
        assertThat(metrics.get("accuracy_score").doubleValue()).isEqualTo(4.0 / 6);
        assertThat(metrics.get("precision_score").doubleValue()).isEqualTo(2.0 / 3);
        assertThat(metrics.get("recall_score").doubleValue()).isEqualTo(2.0 / 3);
        assertThat(metrics.get("f1_score").doubleValue()).isCloseTo(2.0 / 3, within(1e-15));
    }

    @Test
    void shouldComputeTheScoreMetrics() {
        // when
        var metrics = BinaryMetrics.compute(ACTUAL, PREDICTED, SCORE);

        // then: 7 of 9 positive-negative pairs ordered right; average precision 1/3 · 1 + 1/3 · 2/3 + 1/3 · 3/4
        assertThat(metrics.get("roc_auc").doubleValue()).isCloseTo(7.0 / 9, within(1e-15));
        assertThat(metrics.get("precision_recall_auc").doubleValue()).isCloseTo(29.0 / 36, within(1e-15));
        double logLoss = -(Math.log(0.9) + Math.log(0.4) + Math.log(0.65) + Math.log(0.2) + Math.log(0.7)
                + Math.log(0.9)) / 6;
        assertThat(metrics.get("log_loss").doubleValue()).isCloseTo(logLoss, within(1e-15));
        assertThat(metrics.get("brier_score").doubleValue()).isCloseTo(1.2325 / 6, within(1e-15));
    }

    @Test
    void shouldCountTiedScoresHalfInRocAuc() {
        // given: one positive and one negative share a score
        boolean[] actual = {true, false, true, false};
        double[] score = {0.5, 0.5, 0.9, 0.1};

        // when
        var auc = BinaryMetrics.rocAuc(RankedScores.of(score), actual);

        // then: pairs (0.9 > 0.5), (0.9 > 0.1), (0.5 > 0.1) right, (0.5 = 0.5) half
        assertThat(auc).isEqualTo(3.5 / 4);
    }

    @Test
    void shouldGiveNoRocAucWhenOnlyOneClassOccurs() {
        // when
        var metrics = BinaryMetrics.compute(new boolean[] {true, true}, new boolean[] {true, false},
                new double[] {0.8, 0.3});

        // then: sklearn 1.9 returns NaN with a warning; average precision is 1 when every label is positive
        assertThat(metrics.get("roc_auc").doubleValue()).isNaN();
        assertThat(metrics.get("precision_recall_auc").doubleValue()).isEqualTo(1.0);
    }

    @Test
    void shouldGiveZeroPrecisionWhenNothingIsPredictedPositive() {
        // when
        var metrics = BinaryMetrics.compute(new boolean[] {true, false}, new boolean[] {false, false}, null);

        // then
        assertThat(metrics.get("precision_score").doubleValue()).isZero();
        assertThat(metrics.get("f1_score").doubleValue()).isZero();
        assertThat(metrics).doesNotContainKeys("log_loss", "roc_auc", "brier_score");
    }

    @Test
    void shouldRankScoresHighestFirstKeepingTiesInRowOrder() {
        // when
        var ranked = RankedScores.of(new double[] {0.2, -1.5, 0.7, 0.2, Double.POSITIVE_INFINITY, -0.0, 0.0, 3e-300});

        // then
        assertThat(ranked.rows()).containsExactly(4, 2, 0, 3, 7, 5, 6, 1);
        assertThat(ranked.groups()).isEqualTo(6);
        assertThat(ranked.groupEnd(2)).isEqualTo(4);
        assertThat(ranked.groupScore(2)).isEqualTo(0.2);
    }

    @Test
    void shouldComputeRegressionMetricsAsTheSklearnExamples() {
        // given: the examples of sklearn's mean_absolute_error, r2_score and mean_absolute_percentage_error
        double[] actual = {3, -0.5, 2, 7};
        double[] predicted = {2.5, 0.0, 2, 8};

        // when
        var metrics = RegressionMetrics.compute(actual, predicted);

        // then
        assertThat(metrics.get("mean_absolute_error").doubleValue()).isEqualTo(0.5);
        assertThat(metrics.get("mean_squared_error").doubleValue()).isEqualTo(0.375);
        assertThat(metrics.get("root_mean_squared_error").doubleValue()).isEqualTo(Math.sqrt(0.375));
        assertThat(metrics.get("r2_score").doubleValue()).isCloseTo(0.9486081370449679, within(1e-15));
        assertThat(metrics.get("max_error").doubleValue()).isEqualTo(1.0);
        assertThat(metrics.get("mean_absolute_percentage_error").doubleValue())
                .isCloseTo(0.3273809523809524, within(1e-15));
        assertThat(metrics.get("sum_on_target").doubleValue()).isEqualTo(11.5);
        assertThat(metrics.get("mean_on_target").doubleValue()).isEqualTo(2.875);
    }

    @Test
    void shouldScoreAPerfectFitOfAConstantTargetAsOne() {
        // when
        var perfect = RegressionMetrics.compute(new double[] {2, 2}, new double[] {2, 2});
        var imperfect = RegressionMetrics.compute(new double[] {2, 2}, new double[] {2, 3});

        // then: sklearn's force_finite
        assertThat(perfect.get("r2_score").doubleValue()).isEqualTo(1.0);
        assertThat(imperfect.get("r2_score").doubleValue()).isEqualTo(0.0);
    }

    @Test
    void shouldAverageClassMetricsAsTheSklearnExample() {
        // given: precision_recall_fscore_support's example, y_true [0 1 2 0 1 2], y_pred [0 2 1 0 0 1]
        int[] actual = {0, 1, 2, 0, 1, 2};
        int[] predicted = {0, 2, 1, 0, 0, 1};

        // when
        var result = MulticlassMetrics.compute(List.of("0", "1", "2"), actual, predicted, null);

        // then
        var metrics = result.metrics();
        assertThat(metrics.get("precision_score_macro").doubleValue()).isCloseTo(0.2222222222222222, within(1e-15));
        assertThat(metrics.get("recall_score_macro").doubleValue()).isCloseTo(0.3333333333333333, within(1e-15));
        assertThat(metrics.get("f1_score_macro").doubleValue()).isCloseTo(0.26666666666666666, within(1e-15));
        assertThat(metrics.get("f1_score").doubleValue()).isCloseTo(0.26666666666666666, within(1e-15));
        assertThat(result.classes()).extracting(ClassMetrics::support).containsExactly(2L, 2L, 2L);
        assertThat(result.classes().get(0).precision()).isCloseTo(2.0 / 3, within(1e-15));
    }

    @Test
    void shouldLeaveOutClassesThatNeitherOccurNorArePredicted() {
        // when
        var result = MulticlassMetrics.compute(List.of("a", "b", "c"), new int[] {0, 1}, new int[] {0, 0}, null);

        // then
        assertThat(result.classes()).extracting(ClassMetrics::label).containsExactly("a", "b");
        assertThat(result.metrics().get("recall_score_macro").doubleValue()).isEqualTo(0.5);
    }
}
