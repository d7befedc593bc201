package io.mlops.evaluation;

import java.util.List;

/**
 * A candidate's and a baseline's binary metrics on bootstrap resamples of the same rows. Per resample, one pass
 * in row order sums the weighted confusion cells of both models and their log loss and Brier terms; then one pass
 * per model in its descending score order (laid out once, so that it reads its arrays sequentially) sums weighted
 * positives and negatives per run of tied scores into the ROC and precision-recall areas.
 *
 * <p>No loop branches on the data (a weight of 0, a positive or a negative row): on random rows such a branch is
 * mispredicted about half the time, which made a pass several times slower.
 */
final class BinaryResampling implements PairedBootstrap.Pair {
    private static final List<String> LABEL_METRICS = List.of("accuracy_score", "recall_score", "precision_score",
            "f1_score");
    private static final List<String> SCORE_METRICS = List.of("accuracy_score", "recall_score", "precision_score",
            "f1_score", "log_loss", "roc_auc", "precision_recall_auc", "brier_score");
    private static final int ACTUAL = 1;
    private static final int CANDIDATE_SAYS_POSITIVE = 2;
    private static final int BASELINE_SAYS_POSITIVE = 4;

    private final boolean scored;
    /** Per row: ACTUAL | CANDIDATE_SAYS_POSITIVE | BASELINE_SAYS_POSITIVE. */
    private final byte[] cells;
    private final Scores candidate;
    private final Scores baseline;

    /**
     * @param actual the labels, shared by both models
     * @param candidate the candidate's predictions and scores (scores null for both or neither)
     * @param baseline  the baseline's
     */
    BinaryResampling(final boolean[] actual, final Outcomes candidate, final Outcomes baseline) {
        scored = candidate.score() != null && baseline.score() != null;
        cells = new byte[actual.length];
        for (int row = 0; row < actual.length; row++) {
            cells[row] = (byte) ((actual[row] ? ACTUAL : 0) | (candidate.predicted()[row] ? CANDIDATE_SAYS_POSITIVE : 0)
                    | (baseline.predicted()[row] ? BASELINE_SAYS_POSITIVE : 0));
        }
        this.candidate = scored ? new Scores(actual, candidate.score()) : null;
        this.baseline = scored ? new Scores(actual, baseline.score()) : null;
    }

    /** One model's predicted labels and, optionally, scores. */
    record Outcomes(boolean[] predicted, double[] score) {
    }

    @Override
    public int rows() {
        return cells.length;
    }

    @Override
    public List<String> metrics() {
        return scored ? SCORE_METRICS : LABEL_METRICS;
    }

    @Override
    public void measure(final byte[] weights, final double[] candidateInto, final double[] baselineInto) {
        var counts = new long[8];
        for (int row = 0; row < cells.length; row++) {
            counts[cells[row]] += weights[row];
        }
        labelMetrics(counts, CANDIDATE_SAYS_POSITIVE, candidateInto);
        labelMetrics(counts, BASELINE_SAYS_POSITIVE, baselineInto);
        if (scored) {
            candidate.measure(weights, candidateInto);
            baseline.measure(weights, baselineInto);
        }
    }

    private static void labelMetrics(final long[] counts, final int says, final double[] into) {
        long tp = 0;
        long fp = 0;
        long fn = 0;
        long tn = 0;
        for (int cell = 0; cell < counts.length; cell++) {
            boolean positive = (cell & ACTUAL) != 0;
            boolean predicted = (cell & says) != 0;
            if (positive) {
                tp += predicted ? counts[cell] : 0;
                fn += predicted ? 0 : counts[cell];
            }
            else {
                fp += predicted ? counts[cell] : 0;
                tn += predicted ? 0 : counts[cell];
            }
        }
        long total = tp + fp + fn + tn;
        double precision = BinaryMetrics.ratio(tp, tp + fp);
        double recall = BinaryMetrics.ratio(tp, tp + fn);
        into[0] = total == 0 ? Double.NaN : (double) (tp + tn) / total;
        into[1] = recall;
        into[2] = precision;
        into[3] = BinaryMetrics.f1(precision, recall);
    }

    /** One model's scores, laid out in its descending score order. */
    private static final class Scores {
        private final int[] rows;
        private final byte[] positive;
        private final boolean[] lastOfTies;
        private final double[] logLoss;
        private final double[] brier;
        private final ThreadLocal<byte[]> gathered;

        Scores(final boolean[] actual, final double[] score) {
            var ranked = RankedScores.of(score);
            rows = ranked.rows();
            int n = rows.length;
            positive = new byte[n];
            lastOfTies = new boolean[n];
            logLoss = new double[n];
            brier = new double[n];
            gathered = ThreadLocal.withInitial(() -> new byte[n]);
            for (int g = 0; g < ranked.groups(); g++) {
                lastOfTies[ranked.groupEnd(g) - 1] = true;
            }
            for (int i = 0; i < n; i++) {
                int row = rows[i];
                positive[i] = (byte) (actual[row] ? 1 : 0);
                logLoss[i] = BinaryMetrics.logLossTerm(actual[row], score[row]);
                double error = score[row] - positive[i];
                brier[i] = error * error;
            }
        }

        /**
         * Fills log loss, ROC AUC, precision-recall AUC and Brier score (metrics 4 to 7). The weights are first
         * gathered into score order by a loop that does nothing else, so that many of its cache misses are under
         * way at once; the arithmetic then reads them sequentially.
         */
        void measure(final byte[] weights, final double[] into) {
            var ordered = gathered.get();
            for (int i = 0; i < rows.length; i++) {
                ordered[i] = weights[rows[i]];
            }
            double logLossSum = 0;
            double brierSum = 0;
            long positivesAbove = 0;
            long negativesAbove = 0;
            long positives = 0;
            long negatives = 0;
            long rocArea = 0;
            // Σ positives × precision at each run of ties: divided by all positives, the average precision
            double precisionSum = 0;
            for (int i = 0; i < rows.length; i++) {
                int w = ordered[i];
                int p = positive[i];
                positives += w * p;
                negatives += w * (1 - p);
                logLossSum += w * logLoss[i];
                brierSum += w * brier[i];
                if (lastOfTies[i]) {
                    rocArea += negatives * (2 * positivesAbove + positives);
                    positivesAbove += positives;
                    negativesAbove += negatives;
                    long seen = positivesAbove + negativesAbove;
                    // a run of ties with no weight adds nothing (and must not divide by zero)
                    precisionSum += seen == 0 ? 0 : positives * ((double) positivesAbove / seen);
                    positives = 0;
                    negatives = 0;
                }
            }
            long total = positivesAbove + negativesAbove;
            boolean bothClasses = positivesAbove > 0 && negativesAbove > 0;
            into[4] = logLossSum / total;
            into[5] = bothClasses ? rocArea / (2.0 * positivesAbove * negativesAbove) : Double.NaN;
            into[6] = positivesAbove > 0 ? precisionSum / positivesAbove : 0.0;
            into[7] = brierSum / total;
        }
    }
}
