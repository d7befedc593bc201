package io.mlops.lineage;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A build's lineage so far: the events of its steps in the order they happened (commit, data digests,
 * training run, evaluation verdict, model version, alias, rollout). Stored as lineage.json by {@link
 * LineageFile}; {@code registerModel} turns it into tags on the model version.
 *
 * @param events the steps' events, oldest first
 */
public record Lineage(List<LineageEvent> events) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** No events. */
    public static final Lineage EMPTY = new Lineage(List.of());

    public Lineage {
        events = events == null ? List.of() : List.copyOf(events);
    }

    /** This lineage with one more event. */
    public Lineage with(final LineageEvent event) {
        var all = new ArrayList<>(events);
        all.add(event);
        return new Lineage(all);
    }

    /** The latest value of a fact over all events. */
    public Optional<String> latest(final String key) {
        for (int i = events.size() - 1; i >= 0; i--) {
            var value = events.get(i).fact(key);
            if (value != null) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    /** The latest event of a step. */
    public Optional<LineageEvent> latestOf(final String step) {
        for (int i = events.size() - 1; i >= 0; i--) {
            if (events.get(i).step().equals(step)) {
                return Optional.of(events.get(i));
            }
        }
        return Optional.empty();
    }

    /** The SHA-256 of every dataset the events name, by path (validated data and references), first seen first. */
    public Map<String, String> datasetDigests() {
        var digests = new LinkedHashMap<String, String>();
        for (var event : events) {
            put(digests, event.fact(LineageEvent.DATASET_PATH), event.fact(LineageEvent.DATASET_SHA256));
            put(digests, event.fact(LineageEvent.REFERENCE_PATH), event.fact(LineageEvent.REFERENCE_SHA256));
        }
        return digests;
    }

    private static void put(final Map<String, String> digests, final String path, final String sha256) {
        if (path != null && sha256 != null) {
            digests.put(path, sha256);
        }
    }
}
