package io.mlops.mlflow;

import java.util.List;
import java.util.Optional;

/**
 * A registered model ({@code RegisteredModel} in {@code mlflow/protos/model_registry.proto}).
 *
 * @param name                 the unique name
 * @param creationTimestamp    milliseconds since the epoch
 * @param lastUpdatedTimestamp milliseconds since the epoch
 * @param description          the description, or {@code null}
 * @param tags                 its tags
 * @param aliases              its aliases and the versions they point at
 */
public record RegisteredModel(String name, long creationTimestamp, long lastUpdatedTimestamp, String description,
        List<Tag> tags, List<ModelAlias> aliases) {
    /** Normalises missing lists to empty ones. */
    public RegisteredModel {
        tags = tags == null ? List.of() : List.copyOf(tags);
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }

    /** The version an alias points at. */
    public Optional<String> versionOf(final String alias) {
        return aliases.stream().filter(a -> a.alias().equals(alias)).map(ModelAlias::version).findFirst();
    }
}
