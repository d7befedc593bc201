package io.mlops.util;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Files replaced whole, so that a reader sees the old file or the new one, never half of one: the new content is
 * written to a temporary sibling and then moved over the target. Reports, lineage.json, the local registry's files
 * and artifacts, and downloads are all written this way.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** Replaces a file with these bytes, creating its directory when missing. */
    public static void write(final Path target, final byte[] bytes) throws IOException {
        replace(target, temporary -> Files.write(temporary, bytes, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE));
    }

    /** Replaces a file with a copy of another, creating its directory when missing. */
    public static void copy(final Path source, final Path target) throws IOException {
        replace(target, temporary -> Files.copy(source, temporary));
    }

    /** Replaces a file with what a stream holds to its end, creating its directory when missing. */
    public static void copy(final InputStream source, final Path target) throws IOException {
        replace(target, temporary -> Files.copy(source, temporary));
    }

    @FunctionalInterface
    private interface Content {
        void writeTo(Path temporary) throws IOException;
    }

    private static void replace(final Path target, final Content content) throws IOException {
        var parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        // Not Files.createTempFile: its owner-only permissions would survive the move and hide the file from others.
        // A short name of fixed length: the target's own name may already be as long as the file system allows.
        var temporary = parent.resolve(".mlops-" + UUID.randomUUID() + ".tmp");
        try {
            content.writeTo(temporary);
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            catch (AtomicMoveNotSupportedException e) {
                // some network file systems cannot rename atomically; a plain replace is the best they offer
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        finally {
            Files.deleteIfExists(temporary);
        }
    }
}
