package io.mlops.mlflow;

import java.util.List;

/**
 * An MLflow experiment ({@code Experiment} in {@code mlflow/protos/service.proto}).
 *
 * @param experimentId     the id
 * @param name             the name
 * @param artifactLocation where its runs' artifacts go
 * @param lifecycleStage   {@code active} or {@code deleted}
 * @param tags             its tags
 */
public record Experiment(String experimentId, String name, String artifactLocation, String lifecycleStage,
        List<Tag> tags) {
    /** Normalises a missing list to an empty one. */
    public Experiment {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
