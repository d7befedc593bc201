package io.mlops.data;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The part the text readers (CSV, JSON Lines) share: one pass over a {@link HashingFileInput} that counts bytes
 * for progress and computes the file's SHA-256 on the way, and the once-only read.
 */
abstract class HashedFileReader implements DatasetReader {
    protected final Path file;
    protected final ReaderLimits limits;
    protected final HashingFileInput input;
    private boolean started;
    private String sha256;

    HashedFileReader(final Path file, final ReaderLimits limits) {
        this.file = file;
        this.limits = limits;
        this.input = HashingFileInput.open(file);
    }

    @Override
    public final void read(final RecordVisitor visitor) throws IOException {
        if (started) {
            throw new IllegalStateException("read may be called once");
        }
        started = true;
        readRecords(visitor);
        sha256 = input.finish();
    }

    /** Streams every record of {@link #input} into the visitor; an empty file is an input error. */
    protected abstract void readRecords(RecordVisitor visitor) throws IOException;

    @Override
    public long bytesRead() {
        return input.position();
    }

    @Override
    public long totalBytes() {
        return input.size();
    }

    @Override
    public String sha256() {
        if (sha256 == null) {
            throw new IllegalStateException("the SHA-256 is known once read() has returned");
        }
        return sha256;
    }

    @Override
    public void close() throws IOException {
        input.close();
    }
}
