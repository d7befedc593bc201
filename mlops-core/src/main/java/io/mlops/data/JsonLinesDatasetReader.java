package io.mlops.data;

import io.mlops.util.InputException;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads a JSON Lines file: one flat JSON object per line, blank lines skipped. Strings become
 * text, numbers numbers, booleans booleans; null and absent keys are missing.
 */
final class JsonLinesDatasetReader implements DatasetReader {
    private final Path file;
    private final ReaderLimits limits;
    private final HashingFileInput input;
    private boolean started;
    private String sha256;

    JsonLinesDatasetReader(final Path file, final ReaderLimits limits) {
        this.file = file;
        this.limits = limits;
        this.input = HashingFileInput.open(file);
    }

    @Override
    public void read(final RecordVisitor visitor) throws IOException {
        if (started) {
            throw new IllegalStateException("read may be called once");
        }
        started = true;
        var lines = new ByteLines(input, limits.maxFieldChars());
        var records = new JsonRecordParser(file.toString(), limits, visitor);
        while (lines.next()) {
            if (!lines.isBlank()) {
                records.parse(lines.buffer(), lines.start(), lines.length(), lines.lineNumber());
            }
        }
        if (!records.hasHeader()) {
            throw new InputException(file, "the file is empty; expected one JSON object per line");
        }
        sha256 = input.finish();
    }

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
