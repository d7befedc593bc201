package io.mlops.evaluation;

/**
 * Precision, recall, F1 and support of one class of a multiclass model, one against the rest.
 *
 * @param label     the class
 * @param precision of predictions of this class, the share that were right
 * @param recall    of rows of this class, the share predicted as it
 * @param f1        harmonic mean of the two
 * @param support   rows whose label is this class
 */
public record ClassMetrics(String label, double precision, double recall, double f1, long support) {
}
