package io.mlops.mlflow;

import java.util.List;
import java.util.Optional;

/**
 * One version of a registered model ({@code ModelVersion} in {@code mlflow/protos/model_registry.proto}).
 *
 * @param name                 the registered model
 * @param version              the version number, as MLflow sends it (a string)
 * @param creationTimestamp    milliseconds since the epoch
 * @param lastUpdatedTimestamp milliseconds since the epoch
 * @param source               the model's artifact URI
 * @param runId                the run that produced it, or {@code null}
 * @param runLink              a link to that run, or {@code null}
 * @param status               {@code PENDING_REGISTRATION}, {@code FAILED_REGISTRATION} or {@code READY}
 * @param description          the description, or {@code null}
 * @param tags                 its tags
 * @param aliases              the aliases pointing at it
 * @param modelId              the MLflow 3 logged model it links to, or {@code null}
 */
public record ModelVersion(String name, String version, long creationTimestamp, long lastUpdatedTimestamp,
        String source, String runId, String runLink, String status, String description, List<Tag> tags,
        List<String> aliases, String modelId) {
    /** Normalises missing lists to empty ones. */
    public ModelVersion {
        tags = tags == null ? List.of() : List.copyOf(tags);
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }

    /** The value of a tag. */
    public Optional<String> tag(final String key) {
        return tags.stream().filter(tag -> tag.key().equals(key)).map(Tag::value).findFirst();
    }
}
