package io.mlops.data;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Streams a dataset file once, in bounded memory, into a {@link RecordVisitor}. Malformed input
 * (ragged row, unclosed quote, invalid UTF-8, over-long field, ...) ends the read with an
 * {@link io.mlops.util.InputException} naming the file, line and column.
 */
public interface DatasetReader extends Closeable {
    /**
     * Opens a reader for the given file.
     *
     * @param file   the dataset
     * @param format its format
     * @param limits memory bounds
     * @return a reader that has not read anything yet
     * @throws io.mlops.util.InputException when the file cannot be opened
     */
    static DatasetReader open(final Path file, final DataFormat format, final ReaderLimits limits) {
        return DatasetReaders.open(file, format, limits);
    }

    /** Reads every record into the visitor; may be called once. */
    void read(RecordVisitor visitor) throws IOException;

    /** Bytes of the file consumed so far; safe to call from another thread while reading. */
    long bytesRead();

    /** Size of the file in bytes. */
    long totalBytes();

    /** SHA-256 of the file as lower-case hex; available after {@link #read} returned. */
    String sha256();
}
