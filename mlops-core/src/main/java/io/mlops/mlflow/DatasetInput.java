package io.mlops.mlflow;

import java.util.List;

/**
 * A dataset with the tags of its use by a run ({@code DatasetInput}); MLflow stores the context
 * ({@code training}, {@code evaluation}) as the input tag {@code mlflow.data.context}.
 *
 * @param tags    the input tags
 * @param dataset the dataset
 */
public record DatasetInput(List<Tag> tags, Dataset dataset) {
    /** The input tag under which MLflow keeps a dataset's context ({@code mlflow/utils/mlflow_tags.py}). */
    public static final String CONTEXT_TAG = "mlflow.data.context";

    /** Normalises a missing list to an empty one. */
    public DatasetInput {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** A dataset used in a context such as {@code training} or {@code evaluation}. */
    public static DatasetInput of(final Dataset dataset, final String context) {
        return new DatasetInput(List.of(new Tag(CONTEXT_TAG, context)), dataset);
    }
}
