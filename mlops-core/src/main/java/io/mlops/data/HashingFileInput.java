package io.mlops.data;

import io.mlops.util.InputException;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;

/**
 * The bytes of a dataset file, read once from front to back while they are hashed with SHA-256
 * (on another thread, see {@link BackgroundSha256}) and counted for progress displays.
 */
final class HashingFileInput implements Closeable {
    private static final int DRAIN_BUFFER_BYTES = 1 << 16;

    private final Path file;
    private final FileChannel channel;
    private final BackgroundSha256 digest = new BackgroundSha256();
    private final long size;
    // Written only by the reading thread; volatile so that a progress display on another thread sees it.
    private volatile long position;
    private String sha256;

    private HashingFileInput(final Path file, final FileChannel channel, final long size) {
        this.file = file;
        this.channel = channel;
        this.size = size;
    }

    /**
     * Opens a file for one sequential read.
     *
     * @throws InputException when the file does not exist, is a directory or cannot be opened
     */
    static HashingFileInput open(final Path file) {
        requireReadable(file);
        try {
            var channel = FileChannel.open(file, StandardOpenOption.READ);
            try {
                return new HashingFileInput(file, channel, channel.size());
            } catch (RuntimeException e) {
                channel.close();
                throw e;
            }
        } catch (IOException e) {
            throw cannotRead(file, e);
        }
    }

    /**
     * Checks that a path names a regular file this process may read.
     *
     * @throws InputException naming what is wrong with the path
     */
    static void requireReadable(final Path file) {
        if (Files.isDirectory(file)) {
            throw new InputException(file, "cannot read: it is a directory; expected a data file");
        }
        if (!Files.exists(file)) {
            throw new InputException(file, "cannot read: no such file");
        }
        if (!Files.isReadable(file)) {
            throw new InputException(file, "cannot read: permission denied");
        }
    }

    /** The one-line error for a file that cannot be opened or read. */
    static InputException cannotRead(final Path file, final IOException e) {
        if (e instanceof NoSuchFileException) {
            return new InputException(file, "cannot read: no such file");
        }
        if (e instanceof AccessDeniedException) {
            return new InputException(file, "cannot read: permission denied");
        }
        var reason = e instanceof FileSystemException failure && failure.getReason() != null
                ? failure.getReason() : e.getMessage();
        return new InputException(file, "cannot read: " + reason);
    }

    /** Computes the SHA-256 of a whole file in a pass of its own, as lower-case hex. */
    static String sha256Of(final Path file) throws IOException {
        try (var input = open(file)) {
            return input.finish();
        }
    }

    /**
     * Reads the next bytes into a heap buffer, from its position up to its limit.
     *
     * @return the number of bytes read, or -1 at the end of the file
     */
    int read(final ByteBuffer target) throws IOException {
        int start = target.position();
        int count = channel.read(target);
        if (count > 0) {
            digest.update(target.array(), target.arrayOffset() + start, count);
            position += count;
        }
        return count;
    }

    /** Bytes consumed so far; safe to call from any thread. */
    long position() {
        return position;
    }

    /** Size of the file in bytes when it was opened. */
    long size() {
        return size;
    }

    Path file() {
        return file;
    }

    /**
     * Hashes whatever the reader left unread and returns the SHA-256 of the whole file, so that the
     * digest never depends on where the parser stopped.
     */
    String finish() throws IOException {
        if (sha256 == null) {
            var rest = ByteBuffer.allocate(DRAIN_BUFFER_BYTES);
            int count;
            do {
                count = read(rest.clear());
            } while (count >= 0);
            sha256 = HexFormat.of().formatHex(digest.digest());
        }
        return sha256;
    }

    @Override
    public void close() throws IOException {
        digest.close();
        channel.close();
    }
}
