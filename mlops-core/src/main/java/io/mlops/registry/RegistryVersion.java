package io.mlops.registry;

import java.util.List;
import java.util.Map;

/**
 * A model version as a registry holds it, MLflow's or the local one.
 *
 * @param name    the registered model
 * @param version the version number
 * @param source  where its files are (an artifact URI, or a directory of the local registry)
 * @param runId   the run it came from, or {@code null}
 * @param description its description, or {@code null}
 * @param tags    its tags
 * @param aliases the aliases pointing at it
 * @param created when it was registered, milliseconds since the epoch
 */
public record RegistryVersion(String name, String version, String source, String runId, String description,
        Map<String, String> tags, List<String> aliases, long created) {
    public RegistryVersion {
        tags = tags == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(tags));
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }

    /** {@code models:/NAME/VERSION}. */
    public String uri() {
        return ModelUri.version(name, version).toString();
    }
}
