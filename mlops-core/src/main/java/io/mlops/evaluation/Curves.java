package io.mlops.evaluation;

import java.util.Arrays;

/**
 * The curves a binary classifier's report draws, thinned to at most {@link #MAX_POINTS} points each (a chart
 * cannot show more, and a report must stay small on a million rows): ROC (false positive rate, true positive
 * rate), precision-recall (recall, precision) and calibration (mean score, share of positives per score decile,
 * as sklearn's {@code calibration_curve} with uniform bins).
 */
final class Curves {
    static final int MAX_POINTS = 200;
    static final int CALIBRATION_BINS = 10;

    private Curves() {
    }

    /** The ROC curve from (0, 0) through each distinct score to (1, 1). */
    static Curve roc(final RankedScores ranked, final boolean[] actual) {
        return trace(ranked, actual, true);
    }

    /** The precision-recall curve at each distinct score, highest first. */
    static Curve precisionRecall(final RankedScores ranked, final boolean[] actual) {
        return trace(ranked, actual, false);
    }

    private static Curve trace(final RankedScores ranked, final boolean[] actual, final boolean roc) {
        var rows = ranked.rows();
        long positivesTotal = 0;
        for (boolean positive : actual) {
            positivesTotal += positive ? 1 : 0;
        }
        long negativesTotal = actual.length - positivesTotal;
        int groups = ranked.groups();
        var x = new double[groups + 1];
        var y = new double[groups + 1];
        x[0] = 0;
        y[0] = roc ? 0 : 1;
        long positives = 0;
        int start = 0;
        for (int g = 0; g < groups; g++) {
            int end = ranked.groupEnd(g);
            for (int i = start; i < end; i++) {
                positives += actual[rows[i]] ? 1 : 0;
            }
            long negatives = end - positives;
            if (roc) {
                x[g + 1] = negativesTotal == 0 ? 0 : (double) negatives / negativesTotal;
                y[g + 1] = positivesTotal == 0 ? 0 : (double) positives / positivesTotal;
            }
            else {
                x[g + 1] = positivesTotal == 0 ? 0 : (double) positives / positivesTotal;
                y[g + 1] = (double) positives / end;
            }
            start = end;
        }
        return thin(x, y);
    }

    /**
     * Calibration: per score decile with rows, the mean score and the share of positives.
     *
     * @return x = mean predicted probability, y = fraction of positives
     */
    static Curve calibration(final boolean[] actual, final double[] score) {
        var sums = new double[CALIBRATION_BINS];
        var positives = new long[CALIBRATION_BINS];
        var counts = new long[CALIBRATION_BINS];
        for (int i = 0; i < score.length; i++) {
            int bin = Math.min(CALIBRATION_BINS - 1, Math.max(0, (int) (score[i] * CALIBRATION_BINS)));
            sums[bin] += score[i];
            positives[bin] += actual[i] ? 1 : 0;
            counts[bin]++;
        }
        int used = 0;
        var x = new double[CALIBRATION_BINS];
        var y = new double[CALIBRATION_BINS];
        for (int bin = 0; bin < CALIBRATION_BINS; bin++) {
            if (counts[bin] > 0) {
                x[used] = sums[bin] / counts[bin];
                y[used] = (double) positives[bin] / counts[bin];
                used++;
            }
        }
        return new Curve(Arrays.copyOf(x, used), Arrays.copyOf(y, used));
    }

    /** Keeps the first and last point and evenly spaced ones between, at most MAX_POINTS in all. */
    static Curve thin(final double[] x, final double[] y) {
        if (x.length <= MAX_POINTS) {
            return new Curve(x, y);
        }
        var keptX = new double[MAX_POINTS];
        var keptY = new double[MAX_POINTS];
        for (int k = 0; k < MAX_POINTS; k++) {
            int i = (int) Math.round((double) k * (x.length - 1) / (MAX_POINTS - 1));
            keptX[k] = x[i];
            keptY[k] = y[i];
        }
        return new Curve(keptX, keptY);
    }
}
