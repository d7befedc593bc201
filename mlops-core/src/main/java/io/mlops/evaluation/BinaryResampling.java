package io.mlops.evaluation;

import java.util.List;

/**
 * A candidate's and a baseline's binary metrics on bootstrap resamples of the same rows.
 *
 * <p>The weights are i.i.d., so which weight goes to which row is free as long as it is fixed: weight k belongs to
 * the row ranked k-th by the candidate's score (rows in file order without scores). One sequential pass in that
 * order then sums the candidate's weighted positives and negatives per run of tied scores (ROC AUC, average
 * precision), its log loss and Brier terms, and the weighted confusion cells of both models; one more pass in the
 * baseline's score order, whose weights are gathered through a precomputed index, does the baseline's curves.
 * No rows are re-sorted per resample, and no loop branches on the data (a weight of 0, a positive or a negative
 * row): on random rows such a branch is mispredicted about half the time, which made a pass several times slower.
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
    /** index → row: the candidate's score order (row order without scores). */
    private final int[] rowOf;
    /** Per index: ACTUAL | CANDIDATE_SAYS_POSITIVE | BASELINE_SAYS_POSITIVE. */
    private final byte[] cells;
    private final Curve candidate;
    private final Curve baseline;
    /** The baseline's score order as indexes: where its j-th row's weight is. */
    private final int[] baselineIndexes;
    private final ThreadLocal<byte[]> gathered;

    /**
     * @param actual    the labels, shared by both models
     * @param candidate the candidate's predictions and scores (scores null for both or neither)
     * @param baseline  the baseline's
     */
    BinaryResampling(final boolean[] actual, final Outcomes candidate, final Outcomes baseline) {
        int n = actual.length;
        scored = candidate.score() != null && baseline.score() != null;
        var candidateRanks = scored ? RankedScores.of(candidate.score()) : null;
        rowOf = scored ? candidateRanks.rows() : identity(n);
        var indexOf = new int[n];
        cells = new byte[n];
        for (int k = 0; k < n; k++) {
            int row = rowOf[k];
            indexOf[row] = k;
            cells[k] = (byte) ((actual[row] ? ACTUAL : 0) | (candidate.predicted()[row] ? CANDIDATE_SAYS_POSITIVE : 0)
                    | (baseline.predicted()[row] ? BASELINE_SAYS_POSITIVE : 0));
        }
        if (scored) {
            this.candidate = new Curve(actual, candidate.score(), candidateRanks);
            var baselineRanks = RankedScores.of(baseline.score());
            this.baseline = new Curve(actual, baseline.score(), baselineRanks);
            baselineIndexes = new int[n];
            for (int j = 0; j < n; j++) {
                baselineIndexes[j] = indexOf[baselineRanks.rows()[j]];
            }
            gathered = ThreadLocal.withInitial(() -> new byte[n]);
        }
        else {
            this.candidate = null;
            this.baseline = null;
            baselineIndexes = null;
            gathered = null;
        }
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

    /** The row whose weight is {@code weights[index]} in {@link #measure}. */
    int rowOf(final int index) {
        return rowOf[index];
    }

    @Override
    public void measure(final byte[] weights, final double[] candidateInto, final double[] baselineInto) {
        var counts = new long[8];
        if (scored) {
            candidate.measure(weights, cells, counts, candidateInto);
            var ordered = gathered.get();
            for (int j = 0; j < ordered.length; j++) {
                ordered[j] = weights[baselineIndexes[j]];
            }
            baseline.measure(ordered, null, null, baselineInto);
        }
        else {
            for (int k = 0; k < cells.length; k++) {
                counts[cells[k]] += weights[k];
            }
        }
        labelMetrics(counts, CANDIDATE_SAYS_POSITIVE, candidateInto);
        labelMetrics(counts, BASELINE_SAYS_POSITIVE, baselineInto);
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

    private static int[] identity(final int n) {
        var rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = i;
        }
        return rows;
    }

    /** One model's rows laid out in its descending score order. */
    private static final class Curve {
        private final byte[] positive;
        /** 1 at the last row of each run of tied scores, else 0. */
        private final byte[] lastOfTies;
        private final double[] logLoss;
        private final double[] brier;

        Curve(final boolean[] actual, final double[] score, final RankedScores ranked) {
            var rows = ranked.rows();
            int n = rows.length;
            positive = new byte[n];
            lastOfTies = new byte[n];
            logLoss = new double[n];
            brier = new double[n];
            for (int g = 0; g < ranked.groups(); g++) {
                lastOfTies[ranked.groupEnd(g) - 1] = 1;
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
         * Fills log loss, ROC AUC, average precision and Brier score (metrics 4 to 7) from weights in this model's
         * score order; with {@code cells}, also counts the confusion cells of both models (same order).
         */
        void measure(final byte[] weights, final byte[] cells, final long[] counts, final double[] into) {
            double logLossSum = 0;
            double brierSum = 0;
            long positivesAbove = 0;
            long negativesAbove = 0;
            long positives = 0;
            long negatives = 0;
            long rocArea = 0;
            // Σ positives × precision at each run of ties: divided by all positives, the average precision
            double precisionSum = 0;
            for (int i = 0; i < weights.length; i++) {
                int w = weights[i];
                int p = positive[i];
                if (cells != null) {
                    counts[cells[i]] += w;
                }
                positives += w * p;
                negatives += w * (1 - p);
                logLossSum += w * logLoss[i];
                brierSum += w * brier[i];
                // the end of a run of tied scores, by arithmetic rather than a branch: with many ties its pattern is
                // random, and a mispredicted branch costs more than these few multiplications
                long end = lastOfTies[i];
                rocArea += end * negatives * (2 * positivesAbove + positives);
                positivesAbove += end * positives;
                negativesAbove += end * negatives;
                long seen = positivesAbove + negativesAbove;
                // a run with no weight adds nothing (and must not divide by zero)
                precisionSum += end * positives * ((double) positivesAbove / Math.max(seen, 1));
                positives -= end * positives;
                negatives -= end * negatives;
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
