package io.mlops.evaluation;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The metrics of a binary classifier under MLflow's default-evaluator names, each computed as scikit-learn does
 * (DESIGN.md §4: equal to 1e-9; golden/evaluation/make_evaluation_fixtures.py names MLflow's definitions):
 * precision, recall and F1 are 0 where their denominator is (sklearn's {@code zero_division} default), log loss
 * clips probabilities to machine epsilon, ROC AUC integrates the ROC curve by trapezoids over the distinct scores,
 * and MLflow's {@code precision_recall_auc} is sklearn's {@code average_precision_score}.
 */
final class BinaryMetrics {
    /** {@code np.finfo(np.float64).eps}, sklearn's clipping bound for log loss. */
    static final double EPSILON = Math.ulp(1.0);

    private BinaryMetrics() {
    }

    /**
     * Computes every metric the data allows: the score-based ones only with scores; ROC AUC is NaN unless both
     * classes occur (sklearn 1.9 returns NaN with a warning).
     *
     * @param actual    whether each row's label is the positive class
     * @param predicted whether each row was predicted positive
     * @param score     the positive-class probability of each row, or null
     */
    static Map<String, Number> compute(final boolean[] actual, final boolean[] predicted, final double[] score) {
        long tp = 0;
        long fp = 0;
        long fn = 0;
        long tn = 0;
        for (int i = 0; i < actual.length; i++) {
            if (predicted[i]) {
                if (actual[i]) {
                    tp++;
                }
                else {
                    fp++;
                }
            }
            else if (actual[i]) {
                fn++;
            }
            else {
                tn++;
            }
        }
        var metrics = new LinkedHashMap<String, Number>();
        long n = actual.length;
        metrics.put("example_count", n);
        metrics.put("accuracy_score", n == 0 ? Double.NaN : (double) (tp + tn) / n);
        double precision = ratio(tp, tp + fp);
        double recall = ratio(tp, tp + fn);
        metrics.put("recall_score", recall);
        metrics.put("precision_score", precision);
        metrics.put("f1_score", f1(precision, recall));
        metrics.put("true_negatives", tn);
        metrics.put("false_positives", fp);
        metrics.put("false_negatives", fn);
        metrics.put("true_positives", tp);
        if (score != null) {
            metrics.put("log_loss", logLoss(actual, score));
            var ranked = RankedScores.of(score);
            metrics.put("roc_auc", tp + fn > 0 && fp + tn > 0 ? rocAuc(ranked, actual) : Double.NaN);
            metrics.put("precision_recall_auc", averagePrecision(ranked, actual));
            metrics.put("brier_score", brierScore(actual, score));
        }
        return metrics;
    }

    /** {@code numerator / denominator}, or 0 when the denominator is 0. */
    static double ratio(final long numerator, final long denominator) {
        return denominator == 0 ? 0.0 : (double) numerator / denominator;
    }

    /** The harmonic mean of precision and recall as sklearn computes it, 0 when both are 0. */
    static double f1(final double precision, final double recall) {
        return precision + recall == 0 ? 0.0 : 2 * precision * recall / (precision + recall);
    }

    /**
     * Mean negative log-likelihood as sklearn's {@code log_loss} on the columns {@code [1 - p, p]}: the probability
     * given to the true class, clipped to {@code [eps, 1 - eps]} (sklearn 1.9 no longer renormalises rows).
     */
    static double logLoss(final boolean[] actual, final double[] score) {
        var sum = new CompensatedSum();
        for (int i = 0; i < actual.length; i++) {
            sum.add(logLossTerm(actual[i], score[i]));
        }
        return sum.value() / actual.length;
    }

    /** One row's term of the log loss. */
    static double logLossTerm(final boolean positive, final double score) {
        return -Math.log(clip(positive ? score : 1 - score));
    }

    /** A probability clipped to {@code [eps, 1 - eps]}, as sklearn's log loss does. */
    static double clip(final double probability) {
        return Math.min(Math.max(probability, EPSILON), 1 - EPSILON);
    }

    /** Mean squared difference between the score and the outcome (1 positive, 0 negative). */
    static double brierScore(final boolean[] actual, final double[] score) {
        var sum = new CompensatedSum();
        for (int i = 0; i < actual.length; i++) {
            double error = score[i] - (actual[i] ? 1 : 0);
            sum.add(error * error);
        }
        return sum.value() / actual.length;
    }

    /**
     * The area under the ROC curve by trapezoids over the distinct scores (ties count half), in exact integer
     * arithmetic until the one division: for each run of tied scores, negatives × (2 × positives above + positives
     * in the run), over 2 × positives × negatives.
     */
    static double rocAuc(final RankedScores ranked, final boolean[] actual) {
        var rows = ranked.rows();
        long positivesAbove = 0;
        long area = 0;
        int start = 0;
        for (int g = 0; g < ranked.groups(); g++) {
            int end = ranked.groupEnd(g);
            long positives = 0;
            for (int i = start; i < end; i++) {
                if (actual[rows[i]]) {
                    positives++;
                }
            }
            long negatives = end - start - positives;
            area += negatives * (2 * positivesAbove + positives);
            positivesAbove += positives;
            start = end;
        }
        long negativesTotal = rows.length - positivesAbove;
        return (double) area / (2.0 * positivesAbove * negativesTotal);
    }

    /**
     * MLflow's {@code precision_recall_auc}: sklearn's {@code average_precision_score}, the precision at each
     * distinct score (highest first) weighted by the recall it adds, Σ (R_k − R_{k−1}) P_k. 0 without positives.
     */
    static double averagePrecision(final RankedScores ranked, final boolean[] actual) {
        var rows = ranked.rows();
        long positivesTotal = 0;
        for (boolean positive : actual) {
            if (positive) {
                positivesTotal++;
            }
        }
        if (positivesTotal == 0) {
            return 0.0;
        }
        double sum = 0;
        long truePositives = 0;
        int start = 0;
        for (int g = 0; g < ranked.groups(); g++) {
            int end = ranked.groupEnd(g);
            long positives = 0;
            for (int i = start; i < end; i++) {
                if (actual[rows[i]]) {
                    positives++;
                }
            }
            truePositives += positives;
            sum += (double) positives / positivesTotal * ((double) truePositives / end);
            start = end;
        }
        return sum;
    }
}
