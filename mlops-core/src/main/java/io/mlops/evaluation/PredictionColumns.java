package io.mlops.evaluation;

/**
 * The column names of a predictions file (DESIGN.md §3 "Input data").
 *
 * @param label      the true label or target (default {@code label})
 * @param prediction the model's predicted label or value (default {@code prediction})
 * @param score      binary: the positive class's probability; multiclass: the prefix of {@code score_<class>}
 *                   columns (default {@code score}); optional in the file
 * @param id         pairs candidate and baseline rows (default {@code id}); optional in the file
 */
public record PredictionColumns(String label, String prediction, String score, String id) {
    public static final PredictionColumns DEFAULT = new PredictionColumns("label", "prediction", "score", "id");

    /** The defaults with any of the names replaced; null keeps a default. */
    public static PredictionColumns of(final String label, final String prediction, final String score,
            final String id) {
        return new PredictionColumns(label == null ? DEFAULT.label : label,
                prediction == null ? DEFAULT.prediction : prediction, score == null ? DEFAULT.score : score,
                id == null ? DEFAULT.id : id);
    }
}
