package io.mlops.data;

import io.mlops.util.InputException;

import java.nio.file.Path;
import java.util.Locale;

/** The dataset formats the engine reads, chosen by file extension or by an explicit option. */
public enum DataFormat {
    CSV, JSONL, PARQUET;

    /**
     * Picks the format of a file.
     *
     * @param file     the dataset
     * @param override the value of {@code --format} (csv, jsonl, parquet), or {@code null} to use the extension
     * @return the format
     * @throws InputException when neither the override nor the extension names a known format
     */
    public static DataFormat of(final Path file, final String override) {
        if (override != null && !override.isBlank()) {
            return switch (override.trim().toLowerCase(Locale.ROOT)) {
                case "csv" -> CSV;
                case "jsonl", "ndjson", "json" -> JSONL;
                case "parquet" -> PARQUET;
                default -> throw new InputException("unknown format '" + override + "': expected csv, jsonl or parquet");
            };
        }
        var name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return CSV;
        }
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) {
            return JSONL;
        }
        if (name.endsWith(".parquet") || name.endsWith(".pq")) {
            return PARQUET;
        }
        throw new InputException(file, "cannot tell the format from the file name (expected .csv, .jsonl or .parquet): set the format to csv, jsonl or parquet");
    }

    /** The lower-case name used in reports and options. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
