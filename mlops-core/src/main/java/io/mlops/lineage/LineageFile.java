package io.mlops.lineage;

import io.mlops.util.FileLock;
import io.mlops.util.InputException;
import io.mlops.util.JsonFiles;

import java.io.IOException;
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

    private LineageFile() {
    }

    /** Reads a lineage file; a missing file is an empty lineage. */
    public static Lineage read(final Path file) {
        try {
            var document = JsonFiles.read(file, Document.class);
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
        JsonFiles.write(file, new Document(1, lineage.events()));
    }

    /** The JSON text of a lineage, as the file holds it. */
    public static String toJson(final Lineage lineage) {
        return JsonFiles.text(new Document(1, lineage.events()));
    }

    private record Document(int schemaVersion, java.util.List<LineageEvent> events) {
    }
}
