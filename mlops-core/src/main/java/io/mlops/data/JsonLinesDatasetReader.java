package io.mlops.data;

import io.mlops.util.InputException;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads a JSON Lines file: one flat JSON object per line, blank lines skipped. Strings become
 * text, numbers numbers, booleans booleans; null and absent keys are missing.
 */
final class JsonLinesDatasetReader extends HashedFileReader {
    JsonLinesDatasetReader(final Path file, final ReaderLimits limits) {
        super(file, limits);
    }

    @Override
    protected void readRecords(final RecordVisitor visitor) throws IOException {
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
    }
}
