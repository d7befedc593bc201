package io.mlops.util;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The JSON files the engine keeps as state and replaces whole (a build's lineage.json, the local registry's files),
 * with one Jackson setup: Jackson's indented layout, {@link java.time.Instant}s as ISO-8601 text, unknown properties
 * ignored so that older readers accept newer files, and a key given twice refused rather than guessed at.
 * report.json has its own layout ({@code io.mlops.report.ReportJson}).
 */
public final class JsonFiles {
    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(SerializationFeature.INDENT_OUTPUT).build();

    private JsonFiles() {
    }

    /**
     * Reads a file into a type.
     *
     * @return the value, or {@code null} when the file holds {@code null}
     * @throws java.nio.file.NoSuchFileException when the file does not exist
     * @throws IOException                       when it cannot be read, or is not JSON of that type
     */
    public static <T> T read(final Path file, final Class<T> type) throws IOException {
        return JSON.readValue(Files.readAllBytes(file), type);
    }

    /** Replaces a file atomically ({@link AtomicFiles}) with a value as JSON. */
    public static void write(final Path file, final Object value) throws IOException {
        AtomicFiles.write(file, JSON.writeValueAsBytes(value));
    }

    /** A value as the JSON text such a file holds. */
    public static String text(final Object value) {
        try {
            return JSON.writeValueAsString(value);
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
