package io.mlops.validation;

import io.mlops.data.TextValues;
import io.mlops.util.InputException;
import io.mlops.util.YamlNodes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads and writes data schema files (YAML or JSON, DESIGN.md §3). Reading checks the file completely, so a
 * schema that loads is one the engine can apply; every problem is an {@link InputException} naming the file
 * and, for syntax and structure errors, the line and column.
 */
public final class SchemaFile {
    private SchemaFile() {
    }

    /**
     * Reads and checks a schema file.
     *
     * @throws InputException when the file cannot be read, is not valid YAML/JSON, or breaks a schema rule
     */
    public static DataSchema read(final Path file) {
        var schema = SchemaNodes.read(file.toString(), YamlNodes.readText(file, "schema"));
        if (schema == null) {
            throw new InputException(file, "the schema is empty: expected at least 'columns:'");
        }
        check(file, schema);
        return schema;
    }

    /** Writes a schema as YAML in the documented layout, one flow mapping per column. */
    public static void write(final DataSchema schema, final Path file) throws IOException {
        var parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, SchemaYaml.render(schema), StandardCharsets.UTF_8);
    }

    private static void check(final Path file, final DataSchema schema) {
        for (Map.Entry<String, ColumnSpec> entry : schema.columns().entrySet()) {
            checkColumn(file, entry.getKey(), entry.getValue());
        }
        var rows = schema.rows();
        if (rows != null) {
            if (rows.min() != null && rows.min() < 0 || rows.max() != null && rows.max() < 0) {
                throw new InputException(file, "rows: min and max must not be negative");
            }
            if (rows.min() != null && rows.max() != null && rows.min() > rows.max()) {
                throw new InputException(file, "rows: min " + rows.min() + " is larger than max " + rows.max());
            }
        }
        var drift = schema.drift();
        if (drift != null) {
            if (drift.shareThreshold() != null && (drift.shareThreshold() <= 0 || drift.shareThreshold() > 1)) {
                throw new InputException(file, "drift.shareThreshold must be in (0, 1], found " + drift.shareThreshold());
            }
            if (drift.threshold() != null && !(drift.threshold() > 0)) {
                throw new InputException(file, "drift.threshold must be positive, found " + drift.threshold());
            }
        }
    }

    private static void checkColumn(final Path file, final String name, final ColumnSpec spec) {
        if (spec == null) {
            throw new InputException(file, "column '" + name + "' has no definition: expected e.g. {type: number}");
        }
        var type = spec.type();
        if (spec.min() != null || spec.max() != null) {
            if (type == null || !(type.isNumeric() || type == ColumnType.TIMESTAMP)) {
                throw new InputException(file, "column '" + name + "': min/max need type integer, number or timestamp");
            }
            bound(file, name, type, "min", spec.min());
            bound(file, name, type, "max", spec.max());
        }
        if (spec.maxMissingFraction() != null
                && !(spec.maxMissingFraction() >= 0 && spec.maxMissingFraction() <= 1)) {
            throw new InputException(file, "column '" + name + "': maxMissingFraction must be between 0 and 1");
        }
        if (spec.pattern() != null) {
            try {
                Pattern.compile(spec.pattern());
            }
            catch (PatternSyntaxException e) {
                throw new InputException(file, "column '" + name + "': pattern is not a valid regular expression: "
                        + e.getDescription());
            }
        }
        if (spec.allowed() != null) {
            if (spec.allowed().isEmpty()) {
                throw new InputException(file, "column '" + name + "': allowed must list at least one value");
            }
            for (Object value : spec.allowed()) {
                if (value == null || value instanceof Map || value instanceof List) {
                    throw new InputException(file, "column '" + name + "': allowed values must be plain values");
                }
            }
        }
    }

    /**
     * Converts a min/max bound to the engine's number: the value itself, or epoch seconds for timestamps.
     *
     * @throws InputException when the bound does not fit the type
     */
    static Double bound(final Path file, final String column, final ColumnType type, final String key,
            final Object value) {
        if (value == null) {
            return null;
        }
        if (type == ColumnType.TIMESTAMP) {
            try {
                return TextValues.parseTimestamp(value.toString());
            }
            catch (IllegalArgumentException e) {
                throw new InputException(file, "column '" + column + "': " + key + " '" + value
                        + "' is not an ISO-8601 timestamp such as 2024-01-31 or 2024-01-31T12:00:00Z");
            }
        }
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        throw new InputException(file, "column '" + column + "': " + key + " must be a number, found '" + value + "'");
    }

    /** Renders a bound for messages: numbers as numbers, timestamps as ISO-8601. */
    static String formatBound(final ColumnType type, final double value) {
        if (type == ColumnType.TIMESTAMP) {
            return Instant.ofEpochMilli(Math.round(value * 1000)).toString();
        }
        return TextValues.formatNumber(value);
    }
}
