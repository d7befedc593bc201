package io.mlops.mlflow;

import java.util.List;
import java.util.Objects;

/**
 * What {@code POST model-versions/create} needs to register a version ({@code CreateModelVersion} in
 * {@code mlflow/protos/model_registry.proto}).
 *
 * @param name        the registered model, which must exist
 * @param source      the model's artifact URI, e.g. {@code mlflow-artifacts:/1/<run>/artifacts/model}
 * @param runId       the run that produced it, or {@code null}
 * @param runLink     a link to that run, or {@code null}
 * @param description a description, or {@code null}
 * @param tags        tags to set on the version
 * @param modelId     the MLflow 3 logged model to link, or {@code null}; refused by 2.x servers
 */
public record NewModelVersion(String name, String source, String runId, String runLink, String description,
        List<Tag> tags, String modelId) {
    /** Checks the required fields. */
    public NewModelVersion {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** A version of a model from a run's artifacts, with tags. */
    public static NewModelVersion of(final String name, final String source, final String runId,
            final List<Tag> tags) {
        return new NewModelVersion(name, source, runId, null, null, tags, null);
    }
}
