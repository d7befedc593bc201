package io.mlops.evaluation;

import java.util.List;

/**
 * A candidate's and a baseline's multiclass metrics on bootstrap resamples of the same rows: accuracy and the
 * weighted and macro averages of precision, recall and F1 from weighted per-class counts, in one pass; with class
 * probabilities also the log loss and the one-vs-rest ROC AUCs (weighted and macro), each class's AUC from one
 * pass over the rows in that class's score order, laid out once.
 */
final class MulticlassResampling implements PairedBootstrap.Pair {
    private static final List<String> LABEL_METRICS = List.of("accuracy_score", "recall_score", "precision_score",
            "f1_score", "recall_score_macro", "precision_score_macro", "f1_score_macro");
    private static final List<String> SCORE_METRICS = List.of("accuracy_score", "recall_score", "precision_score",
            "f1_score", "recall_score_macro", "precision_score_macro", "f1_score_macro", "log_loss", "roc_auc",
            "roc_auc_macro");

    private final int classes;
    private final int[] actual;
    private final int[] candidate;
    private final int[] baseline;

    private final Probabilities candidateScores;
    private final Probabilities baselineScores;

    /**
     * @param candidateScores the candidate's class probabilities (per class, per row), or null
     * @param baselineScores  the baseline's, or null
     */
    MulticlassResampling(final int classes, final int[] actual, final int[] candidate, final int[] baseline,
            final double[][] candidateScores, final double[][] baselineScores) {
        this.classes = classes;
        this.actual = actual;
        this.candidate = candidate;
        this.baseline = baseline;
        boolean scored = candidateScores != null && baselineScores != null;
        this.candidateScores = scored ? new Probabilities(actual, candidateScores) : null;
        this.baselineScores = scored ? new Probabilities(actual, baselineScores) : null;
    }

    @Override
    public int rows() {
        return actual.length;
    }

    @Override
    public List<String> metrics() {
        return candidateScores == null ? LABEL_METRICS : SCORE_METRICS;
    }

    @Override
    public void measure(final byte[] weights, final double[] candidateInto, final double[] baselineInto) {
        measure(weights, candidate, candidateInto);
        measure(weights, baseline, baselineInto);
        if (candidateScores != null) {
            candidateScores.measure(weights, candidateInto);
            baselineScores.measure(weights, baselineInto);
        }
    }

    private void measure(final byte[] weights, final int[] predicted, final double[] into) {
        var support = new long[classes];
        var predictedCounts = new long[classes];
        var truePositives = new long[classes];
        long total = 0;
        long correct = 0;
        for (int i = 0; i < actual.length; i++) {
            int w = weights[i];
            support[actual[i]] += w;
            predictedCounts[predicted[i]] += w;
            int right = actual[i] == predicted[i] ? w : 0;
            truePositives[actual[i]] += right;
            correct += right;
            total += w;
        }
        double[] weighted = new double[3];
        double[] macro = new double[3];
        int present = 0;
        for (int c = 0; c < classes; c++) {
            if (support[c] == 0 && predictedCounts[c] == 0) {
                continue;
            }
            present++;
            double precision = BinaryMetrics.ratio(truePositives[c], predictedCounts[c]);
            double recall = BinaryMetrics.ratio(truePositives[c], support[c]);
            double f1 = BinaryMetrics.f1(precision, recall);
            weighted[0] += recall * support[c];
            weighted[1] += precision * support[c];
            weighted[2] += f1 * support[c];
            macro[0] += recall;
            macro[1] += precision;
            macro[2] += f1;
        }
        into[0] = (double) correct / total;
        for (int m = 0; m < 3; m++) {
            into[1 + m] = weighted[m] / total;
            into[4 + m] = macro[m] / present;
        }
    }

    /** One model's class probabilities: each row's log-loss term, and each class's rows in its score order. */
    private static final class Probabilities {
        private final int[] actual;
        private final double[] logLoss;
        private final int[][] rows;
        private final boolean[][] lastOfTies;

        Probabilities(final int[] actual, final double[][] scores) {
            this.actual = actual;
            int n = actual.length;
            logLoss = new double[n];
            for (int i = 0; i < n; i++) {
                logLoss[i] = -Math.log(BinaryMetrics.clip(scores[actual[i]][i]));
            }
            rows = new int[scores.length][];
            lastOfTies = new boolean[scores.length][];
            for (int c = 0; c < scores.length; c++) {
                var ranked = RankedScores.of(scores[c]);
                rows[c] = ranked.rows();
                lastOfTies[c] = new boolean[n];
                for (int g = 0; g < ranked.groups(); g++) {
                    lastOfTies[c][ranked.groupEnd(g) - 1] = true;
                }
            }
        }

        /** Fills log loss, weighted and macro one-vs-rest ROC AUC (metrics 7 to 9). */
        void measure(final byte[] weights, final double[] into) {
            double logLossSum = 0;
            long total = 0;
            for (int i = 0; i < actual.length; i++) {
                logLossSum += weights[i] * logLoss[i];
                total += weights[i];
            }
            double weighted = 0;
            double macro = 0;
            int measured = 0;
            for (int c = 0; c < rows.length; c++) {
                long positivesAbove = 0;
                long negativesAbove = 0;
                long positives = 0;
                long negatives = 0;
                long area = 0;
                int[] order = rows[c];
                boolean[] last = lastOfTies[c];
                for (int i = 0; i < order.length; i++) {
                    int row = order[i];
                    int w = weights[row];
                    int p = actual[row] == c ? 1 : 0;
                    positives += w * p;
                    negatives += w * (1 - p);
                    if (last[i]) {
                        area += negatives * (2 * positivesAbove + positives);
                        positivesAbove += positives;
                        negativesAbove += negatives;
                        positives = 0;
                        negatives = 0;
                    }
                }
                if (positivesAbove > 0 && negativesAbove > 0) {
                    double auc = area / (2.0 * positivesAbove * negativesAbove);
                    weighted += auc * positivesAbove;
                    macro += auc;
                    measured++;
                }
            }
            into[7] = logLossSum / total;
            into[8] = weighted / total;
            into[9] = measured == 0 ? Double.NaN : macro / measured;
        }
    }
}
