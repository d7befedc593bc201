package io.mlops.evaluation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A predictions file in memory, column by column (evaluation is exact, DESIGN.md §4, so every row is kept: about
 * 30 bytes a row for a binary classifier with scores and an id).
 *
 * @param file        the file as given
 * @param format      csv, jsonl or parquet
 * @param sha256      the SHA-256 of the file
 * @param task        the task
 * @param classes     classification: the class labels, sorted as MLflow sorts them (numerically when every label
 *                    is a number); empty for regression
 * @param label       classification: each row's class index
 * @param predicted   classification: each row's predicted class index
 * @param score       binary: each row's probability of the positive class, or null without a score column
 * @param classScores multiclass: per class, each row's probability, or null without score columns
 * @param actual      regression: each row's target
 * @param estimate    regression: each row's prediction
 * @param ids         each row's id, or null without an id column
 * @param lines       each row's line in the file (for messages)
 * @param attributes  the slice and sensitive columns that were asked for, by name
 */
record Predictions(String file, String format, String sha256, Task task, List<String> classes, int[] label,
        int[] predicted, double[] score, double[][] classScores, double[] actual, double[] estimate, String[] ids,
        long[] lines, Map<String, Attribute> attributes) {

    /**
     * A column of group labels.
     *
     * @param values the distinct values, sorted
     * @param codes  each row's index into values
     */
    record Attribute(List<String> values, int[] codes) {
    }

    int rows() {
        return lines.length;
    }

    /** The given rows only, in the given order (a slice, or the rows paired with another file). */
    Predictions subset(final int[] rows) {
        double[][] subsetScores = null;
        if (classScores != null) {
            subsetScores = new double[classScores.length][];
            for (int c = 0; c < classScores.length; c++) {
                subsetScores[c] = pick(classScores[c], rows);
            }
        }
        var subsetAttributes = new LinkedHashMap<String, Attribute>();
        attributes.forEach((name, attribute) -> subsetAttributes.put(name,
                new Attribute(attribute.values(), pick(attribute.codes(), rows))));
        return new Predictions(file, format, sha256, task, classes, pick(label, rows), pick(predicted, rows),
                pick(score, rows), subsetScores, pick(actual, rows), pick(estimate, rows),
                ids == null ? null : pickIds(rows), pick(lines, rows), subsetAttributes);
    }

    private String[] pickIds(final int[] rows) {
        var picked = new String[rows.length];
        for (int i = 0; i < rows.length; i++) {
            picked[i] = ids[rows[i]];
        }
        return picked;
    }

    private static int[] pick(final int[] values, final int[] rows) {
        if (values == null) {
            return null;
        }
        var picked = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            picked[i] = values[rows[i]];
        }
        return picked;
    }

    private static double[] pick(final double[] values, final int[] rows) {
        if (values == null) {
            return null;
        }
        var picked = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            picked[i] = values[rows[i]];
        }
        return picked;
    }

    private static long[] pick(final long[] values, final int[] rows) {
        var picked = new long[rows.length];
        for (int i = 0; i < rows.length; i++) {
            picked[i] = values[rows[i]];
        }
        return picked;
    }

    /** Binary: whether each row's label is the positive class (the second of the two classes). */
    boolean[] positives() {
        return isClass(label, classes.size() - 1);
    }

    /** Binary: whether each row was predicted positive. */
    boolean[] predictedPositive() {
        return isClass(predicted, classes.size() - 1);
    }

    private static boolean[] isClass(final int[] codes, final int positive) {
        var result = new boolean[codes.length];
        for (int i = 0; i < codes.length; i++) {
            result[i] = codes[i] == positive;
        }
        return result;
    }
}
