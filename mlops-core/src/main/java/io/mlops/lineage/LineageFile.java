package io.mlops.lineage;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.mlops.util.FileLock;
import io.mlops.util.InputException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A build's lineage.json: {@code {"schemaVersion": 1, "events": [...]}}. Steps append to it under an exclusive
 * file lock (a sibling {@code lineage.json.lock}) and each write replaces the file atomically, so parallel
 * steps of one build neither lose an event nor leave half a file.
 */
public final class LineageFile {
    /** The file name in a report directory or build directory. */
    public static final String NAME = "lineage.json";
    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(SerializationFeature.INDENT_OUTPUT).build();

    private LineageFile() {
    }

    /** Reads a lineage file; a missing file is an empty lineage. */
    public static Lineage read(final Path file) {
        try {
            var bytes = Files.readAllBytes(file);
            var document = JSON.readValue(bytes, Document.class);
            return new Lineage(document.events());
        } catch (NoSuchFileException e) {
            return Lineage.EMPTY;
        } catch (IOException e) {
            throw new InputException(file, "cannot read the lineage: " + e.getMessage().lines().findFirst()
                    .orElse("") + "; expected the lineage.json an mlops step wrote");
        }
    }

    /** Appends an event under the file's lock and returns the whole lineage. */
    public static Lineage append(final Path file, final LineageEvent event) throws IOException {
        var lock = file.toAbsolutePath().resolveSibling(file.getFileName() + ".lock");
        try (var ignored = FileLock.acquire(lock)) {
            var lineage = read(file).with(event);
            write(file, lineage);
            return lineage;
        }
    }

    /** Replaces the file atomically with this lineage (the caller holds the lock, or owns the file alone). */
    public static void write(final Path file, final Lineage lineage) throws IOException {
        FileLock.replace(file, JSON.writeValueAsBytes(new Document(1, lineage.events())));
    }

    /** The JSON text of a lineage, as the file holds it. */
    public static String toJson(final Lineage lineage) {
        try {
            return JSON.writeValueAsString(new Document(1, lineage.events()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Document(int schemaVersion, java.util.List<LineageEvent> events) {
    }
}
