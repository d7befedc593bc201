package io.mlops.evaluation;

import io.mlops.stats.Normal;

/**
 * DeLong's test for the difference of two correlated ROC AUCs measured on the same rows (DeLong, DeLong and
 * Clarke-Pearson 1988), with the structural components computed from one pass over each model's ranked scores
 * (the idea of Sun and Xu's 2014 fast algorithm): for a positive row, the share of negatives scored below it
 * (ties half); for a negative row, the share of positives scored above it.
 */
final class DeLong {
    private DeLong() {
    }

    /**
     * The outcome of the test.
     *
     * @param difference candidate AUC − baseline AUC
     * @param variance   the variance of the difference
     * @param z          difference / √variance
     * @param pValue     two-sided
     */
    record Result(double difference, double variance, double z, double pValue) {
    }

    /**
     * @throws IllegalArgumentException when the rows hold only one class
     */
    static Result test(final boolean[] actual, final double[] candidate, final double[] baseline) {
        int n = actual.length;
        int positives = 0;
        for (boolean positive : actual) {
            if (positive) {
                positives++;
            }
        }
        int negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            throw new IllegalArgumentException("DeLong's test needs both classes");
        }
        var a = components(actual, candidate, positives, negatives);
        var b = components(actual, baseline, positives, negatives);
        double aucA = mean(a, actual, true);
        double aucB = mean(b, actual, true);
        // variance of the difference = Var10(a - b) / m + Var01(a - b) / n, sample variances (ddof 1)
        double v10 = variance(a, b, actual, true, aucA - aucB);
        double v01 = variance(a, b, actual, false, mean(a, actual, false) - mean(b, actual, false));
        double variance = v10 / positives + v01 / negatives;
        double difference = aucA - aucB;
        double z = difference / Math.sqrt(variance);
        double p;
        if (variance == 0) {
            z = difference == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, difference);
            p = difference == 0 ? 1.0 : 0.0;
        }
        else {
            p = Math.min(1.0, 2 * Normal.sf(Math.abs(z)));
        }
        return new Result(difference, variance, z, p);
    }

    /** Per row: V10 for positives (negatives below / all negatives), V01 for negatives (positives above / all). */
    private static double[] components(final boolean[] actual, final double[] score, final int positives,
            final int negatives) {
        var ranked = RankedScores.of(score);
        var rows = ranked.rows();
        var v = new double[actual.length];
        long positivesAbove = 0;
        long negativesAbove = 0;
        int start = 0;
        for (int g = 0; g < ranked.groups(); g++) {
            int end = ranked.groupEnd(g);
            long groupPositives = 0;
            for (int i = start; i < end; i++) {
                if (actual[rows[i]]) {
                    groupPositives++;
                }
            }
            long groupNegatives = end - start - groupPositives;
            double positiveComponent = (negatives - negativesAbove - groupNegatives / 2.0) / negatives;
            double negativeComponent = (positivesAbove + groupPositives / 2.0) / positives;
            for (int i = start; i < end; i++) {
                v[rows[i]] = actual[rows[i]] ? positiveComponent : negativeComponent;
            }
            positivesAbove += groupPositives;
            negativesAbove += groupNegatives;
            start = end;
        }
        return v;
    }

    private static double mean(final double[] v, final boolean[] actual, final boolean positive) {
        double sum = 0;
        int count = 0;
        for (int i = 0; i < v.length; i++) {
            if (actual[i] == positive) {
                sum += v[i];
                count++;
            }
        }
        return sum / count;
    }

    /** The sample variance of a - b over the rows of one class, whose mean is given. */
    private static double variance(final double[] a, final double[] b, final boolean[] actual, final boolean positive,
            final double mean) {
        double sum = 0;
        int count = 0;
        for (int i = 0; i < a.length; i++) {
            if (actual[i] == positive) {
                double d = a[i] - b[i] - mean;
                sum += d * d;
                count++;
            }
        }
        return count < 2 ? 0 : sum / (count - 1);
    }
}
