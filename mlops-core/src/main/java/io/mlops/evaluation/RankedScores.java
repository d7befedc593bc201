package io.mlops.evaluation;

import java.util.Arrays;

/**
 * Rows in descending order of score, with the boundaries of tied runs: the one sort that ROC AUC, the precision-
 * recall curve and every bootstrap resample of them share.
 */
final class RankedScores {
    private static final int DIGIT_BITS = 16;
    private static final int DIGITS = 1 << DIGIT_BITS;

    private final int[] rows;
    private final int[] groupEnds;
    private final double[] groupScores;

    private RankedScores(final int[] rows, final int[] groupEnds, final double[] groupScores) {
        this.rows = rows;
        this.groupEnds = groupEnds;
        this.groupScores = groupScores;
    }

    /**
     * Sorts rows by score, highest first; tied rows stay in row order.
     *
     * @throws IllegalArgumentException when a score is NaN
     */
    static RankedScores of(final double[] scores) {
        int n = scores.length;
        var keys = new long[n];
        for (int row = 0; row < n; row++) {
            if (Double.isNaN(scores[row])) {
                throw new IllegalArgumentException("the score of row " + (row + 1) + " is NaN");
            }
            keys[row] = descendingKey(scores[row]);
        }
        var order = radixSort(keys);
        int groups = 0;
        var ends = new int[n];
        var values = new double[n];
        for (int i = 0; i < n; i++) {
            if (i == n - 1 || scores[order[i + 1]] != scores[order[i]]) {
                ends[groups] = i + 1;
                values[groups] = scores[order[i]];
                groups++;
            }
        }
        return new RankedScores(order, Arrays.copyOf(ends, groups), Arrays.copyOf(values, groups));
    }

    /**
     * A long whose unsigned order is the descending order of the double: IEEE-754 bits order non-negative doubles
     * as integers and negative ones in reverse, so negatives get all bits flipped and the rest only the sign bit;
     * then everything is flipped for descending. -0.0 and 0.0 are one score.
     */
    private static long descendingKey(final double score) {
        long bits = Double.doubleToLongBits(score == 0.0 ? 0.0 : score);
        long ascending = bits < 0 ? ~bits : bits ^ Long.MIN_VALUE;
        return ~ascending;
    }

    /**
     * Row indexes sorted by their keys (unsigned, ascending), stable: a least-significant-digit radix sort in four
     * passes of 16 bits, skipping a pass when every key has the same digit there (the high digits of scores in
     * [0, 1] mostly do). O(n), no boxing; a million rows sort in a few milliseconds.
     */
    private static int[] radixSort(final long[] keys) {
        int n = keys.length;
        var rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = i;
        }
        var sortedKeys = keys.clone();
        var nextRows = new int[n];
        var nextKeys = new long[n];
        var counts = new int[DIGITS + 1];
        for (int shift = 0; shift < Long.SIZE; shift += DIGIT_BITS) {
            Arrays.fill(counts, 0);
            for (long key : sortedKeys) {
                counts[digit(key, shift) + 1]++;
            }
            if (n == 0 || counts[digit(sortedKeys[0], shift) + 1] == n) {
                continue;
            }
            for (int d = 0; d < DIGITS; d++) {
                counts[d + 1] += counts[d];
            }
            for (int i = 0; i < n; i++) {
                int target = counts[digit(sortedKeys[i], shift)]++;
                nextKeys[target] = sortedKeys[i];
                nextRows[target] = rows[i];
            }
            var swapKeys = sortedKeys;
            sortedKeys = nextKeys;
            nextKeys = swapKeys;
            var swapRows = rows;
            rows = nextRows;
            nextRows = swapRows;
        }
        return rows;
    }

    private static int digit(final long key, final int shift) {
        return (int) (key >>> shift) & (DIGITS - 1);
    }

    /** Row indexes, highest score first; tied rows in row order. */
    int[] rows() {
        return rows;
    }

    /** The number of distinct scores. */
    int groups() {
        return groupEnds.length;
    }

    /** The exclusive end, in {@link #rows()}, of the g-th run of tied scores (runs in descending score order). */
    int groupEnd(final int group) {
        return groupEnds[group];
    }

    /** The score of the g-th run. */
    double groupScore(final int group) {
        return groupScores[group];
    }
}
