package io.mlops.evaluation;

import io.mlops.stats.ResampleWeights;

import java.util.List;

/**
 * A binary classifier's metrics on bootstrap resamples, in one pass over its rows in descending score order per
 * resample: the weighted confusion matrix, log loss and Brier sums, and the ROC and precision-recall areas from
 * the weighted positives and negatives of each run of tied scores. Rows are laid out in that order once, so a
 * pass reads its arrays sequentially and computes each weight from the row index.
 */
final class BinaryResampling implements PairedBootstrap.Model {
    private static final List<String> LABEL_METRICS = List.of("accuracy_score", "recall_score", "precision_score",
            "f1_score");
    private static final List<String> SCORE_METRICS = List.of("accuracy_score", "recall_score", "precision_score",
            "f1_score", "log_loss", "roc_auc", "precision_recall_auc", "brier_score");
    private static final byte ACTUAL = 1;
    private static final byte PREDICTED = 2;

    private final boolean scored;
    private final int[] rows;
    private final byte[] outcomes;
    private final double[] logLoss;
    private final double[] brier;
    private final int[] groupEnds;

    BinaryResampling(final boolean[] actual, final boolean[] predicted, final double[] score) {
        int n = actual.length;
        scored = score != null;
        if (scored) {
            var ranked = RankedScores.of(score);
            rows = ranked.rows();
            groupEnds = new int[ranked.groups()];
            for (int g = 0; g < groupEnds.length; g++) {
                groupEnds[g] = ranked.groupEnd(g);
            }
        }
        else {
            rows = new int[n];
            for (int i = 0; i < n; i++) {
                rows[i] = i;
            }
            groupEnds = new int[] {n};
        }
        outcomes = new byte[n];
        logLoss = scored ? new double[n] : null;
        brier = scored ? new double[n] : null;
        for (int i = 0; i < n; i++) {
            int row = rows[i];
            outcomes[i] = (byte) ((actual[row] ? ACTUAL : 0) | (predicted[row] ? PREDICTED : 0));
            if (scored) {
                double negative = BinaryMetrics.clip(1 - score[row]);
                double positive = BinaryMetrics.clip(score[row]);
                logLoss[i] = -Math.log((actual[row] ? positive : negative) / (negative + positive));
                double error = score[row] - (actual[row] ? 1 : 0);
                brier[i] = error * error;
            }
        }
    }

    @Override
    public List<String> metrics() {
        return scored ? SCORE_METRICS : LABEL_METRICS;
    }

    @Override
    public void measure(final ResampleWeights weights, final int resample, final double[] into) {
        var confusion = new long[4];
        double logLossSum = 0;
        double brierSum = 0;
        long positivesAbove = 0;
        long negativesAbove = 0;
        long rocArea = 0;
        // Σ Δtp × (precision + previous precision) / 2; divided by all positives it is the PR area
        double prArea = 0;
        double previousPrecision = 1;
        int start = 0;
        for (int end : groupEnds) {
            long positives = 0;
            long negatives = 0;
            for (int i = start; i < end; i++) {
                int w = weights.weight(resample, rows[i]);
                if (w == 0) {
                    continue;
                }
                byte outcome = outcomes[i];
                confusion[outcome] += w;
                if ((outcome & ACTUAL) != 0) {
                    positives += w;
                }
                else {
                    negatives += w;
                }
                if (scored) {
                    logLossSum += w * logLoss[i];
                    brierSum += w * brier[i];
                }
            }
            if (positives + negatives > 0) {
                rocArea += negatives * (2 * positivesAbove + positives);
                positivesAbove += positives;
                negativesAbove += negatives;
                double precision = (double) positivesAbove / (positivesAbove + negativesAbove);
                prArea += positives * (precision + previousPrecision) / 2;
                previousPrecision = precision;
            }
            start = end;
        }
        long tp = confusion[ACTUAL | PREDICTED];
        long fn = confusion[ACTUAL];
        long fp = confusion[PREDICTED];
        long total = positivesAbove + negativesAbove;
        double precision = BinaryMetrics.ratio(tp, tp + fp);
        double recall = BinaryMetrics.ratio(tp, tp + fn);
        into[0] = total == 0 ? Double.NaN : (double) (tp + confusion[0]) / total;
        into[1] = recall;
        into[2] = precision;
        into[3] = BinaryMetrics.f1(precision, recall);
        if (scored) {
            boolean bothClasses = positivesAbove > 0 && negativesAbove > 0;
            into[4] = logLossSum / total;
            into[5] = bothClasses ? rocArea / (2.0 * positivesAbove * negativesAbove) : Double.NaN;
            into[6] = bothClasses ? prArea / positivesAbove : Double.NaN;
            into[7] = brierSum / total;
        }
    }
}
