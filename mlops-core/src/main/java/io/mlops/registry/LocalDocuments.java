package io.mlops.registry;

import io.mlops.util.InputException;
import io.mlops.util.JsonFiles;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The JSON files of the {@link LocalRegistry}: one record per kind of file, read whole and replaced whole
 * ({@link JsonFiles#write}), so a reader sees the old file or the new one. A file that is not such JSON is an
 * {@link InputException} naming it.
 */
final class LocalDocuments {
    private LocalDocuments() {
    }

    /** A file's fields; {@link #complete()} says whether those every reader relies on are there. */
    interface Document {
        boolean complete();
    }

    /** {@code experiments/ID/experiment.json}. */
    record Experiment(String id, String name, long created) implements Document {
        @Override
        public boolean complete() {
            return id != null && name != null;
        }
    }

    /** {@code runs/RUN_ID/run.json}: metrics hold each metric's latest value. */
    record Run(String runId, String experimentId, String runName, long startTime, Map<String, String> tags,
            Map<String, Double> metrics, Map<String, String> datasets) implements Document {
        Run {
            tags = copy(tags);
            metrics = copy(metrics);
            datasets = copy(datasets);
        }

        Run withTags(final Map<String, String> latest) {
            return new Run(runId, experimentId, runName, startTime, merged(tags, latest), metrics, datasets);
        }

        Run withMetrics(final Map<String, Double> latest) {
            return new Run(runId, experimentId, runName, startTime, tags, merged(metrics, latest), datasets);
        }

        Run withDatasets(final Map<String, String> sha256ByPath) {
            return new Run(runId, experimentId, runName, startTime, tags, metrics, merged(datasets, sha256ByPath));
        }

        /** The entries of {@code base}, each replaced by its value in {@code latest} where that has one. */
        private static <V> Map<String, V> merged(final Map<String, V> base, final Map<String, V> latest) {
            var merged = new LinkedHashMap<>(base);
            merged.putAll(latest);
            return merged;
        }

        @Override
        public boolean complete() {
            return runId != null && experimentId != null;
        }
    }

    /** {@code models/NAME/model.json}: aliases map each alias to the version it points at. */
    record Model(String name, long created, Map<String, String> aliases) implements Document {
        Model {
            aliases = copy(aliases);
        }

        Model withAlias(final String alias, final String version) {
            var moved = new TreeMap<>(aliases);
            moved.put(alias, version);
            return new Model(name, created, moved);
        }

        /** The aliases pointing at a version, sorted. */
        List<String> aliasesOf(final String version) {
            return aliases.entrySet().stream().filter(alias -> alias.getValue().equals(version))
                    .map(Map.Entry::getKey).sorted().toList();
        }

        @Override
        public boolean complete() {
            return name != null;
        }
    }

    /** {@code models/NAME/versions/N/version.json}. */
    record Version(String name, String version, String source, String runId, String description,
            Map<String, String> tags, long created) implements Document {
        Version {
            tags = copy(tags);
        }

        /**
         * The version as the registry answers: a source stored relative to the registry's directory (what the
         * registry's own runs hold) resolved against {@code root}, so the registry can be moved or copied whole.
         */
        RegistryVersion toRegistryVersion(final Model model, final Path root) {
            return new RegistryVersion(name, version, LocalLayout.resolveSource(root, source), runId, description,
                    tags, model.aliasesOf(version), created);
        }

        @Override
        public boolean complete() {
            return name != null && version != null && LocalLayout.isNumber(version);
        }
    }

    /**
     * Reads a file; empty when it does not exist.
     *
     * @throws InputException naming the file when it is not the JSON this registry writes
     */
    static <T extends Document> Optional<T> read(final Path file, final Class<T> type) {
        T document;
        try {
            document = JsonFiles.read(file, type);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw corrupt(file, e.getMessage().lines().findFirst().orElse(""));
        }
        if (document == null || !document.complete()) {
            throw corrupt(file, "required fields are missing");
        }
        return Optional.of(document);
    }

    /** Replaces a file atomically with a document. */
    static void write(final Path file, final Document document) {
        try {
            JsonFiles.write(file, document);
        } catch (IOException e) {
            throw unwritable(file, e);
        }
    }

    /** A failure to write into the registry: a configuration problem (where it is), not a bug. */
    static InputException unwritable(final Path file, final IOException e) {
        return new InputException(file, "cannot write into the local registry: " + e + "; expected a writable "
                + "directory (choose another one with " + Registries.LOCAL_DIRECTORY_VARIABLE + ")");
    }

    private static InputException corrupt(final Path file, final String reason) {
        return new InputException(file, "cannot read the local registry's " + file.getFileName() + ": " + reason
                + "; expected the JSON the local registry writes (restore the file from a backup, or remove what "
                + "it describes)");
    }

    private static <V> Map<String, V> copy(final Map<String, V> map) {
        return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
