package io.mlops.data;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import io.mlops.util.InputException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Reads an RFC 4180 CSV file with a header row, UTF-8 with or without a byte-order mark, through
 * FastCSV's callback API. Blank lines are skipped; an empty unquoted field is missing, an empty
 * quoted field ({@code ""}) is an empty string.
 */
final class CsvDatasetReader extends HashedFileReader {
    /** FastCSV reads 8,192 characters at a time; its buffer holds one field plus two reads. */
    private static final int FASTCSV_READ_CHARS = 8192;
    /** The largest buffer FastCSV may grow: 1 Gi characters, 2 GiB of heap. */
    private static final long MAX_BUFFER_CHARS = 1L << 30;

    CsvDatasetReader(final Path file, final ReaderLimits limits) {
        super(file, limits);
    }

    @Override
    protected void readRecords(final RecordVisitor visitor) throws IOException {
        var handler = new CsvFieldHandler(file.toString(), limits, visitor);
        try (CsvReader<Void> csv = CsvReader.builder()
                .allowUnclosedQuote(false)
                // the handler checks field counts itself, to name the first missing or extra field
                .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
                .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
                .maxBufferSize(maxBufferSize(limits))
                .build(handler, new StrictUtf8Reader(input))) {
            // the handler consumes every record, so the first hasNext() parses the whole file
            csv.iterator().hasNext();
        } catch (CsvParseException e) {
            throw located(e, handler);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        if (!handler.hasHeader()) {
            throw new InputException(file, "the file is empty; expected a header row naming the columns");
        }
    }


    /**
     * Sizes FastCSV's buffer so that any field within the limit fits, even one made entirely of
     * escaped quotes (two characters each), while a longer one fails without growing it further.
     * FastCSV starts with two reads' worth and doubles; the maximum must be a size it reaches by
     * doubling, or its last growth step leaves no room for a read (an IndexOutOfBoundsException
     * instead of its "maximum buffer size" error).
     */
    private static int maxBufferSize(final ReaderLimits limits) {
        long needed = 2L * limits.maxFieldChars() + 2 + 2L * FASTCSV_READ_CHARS;
        long size = 2L * FASTCSV_READ_CHARS;
        while (size < needed && size < MAX_BUFFER_CHARS) {
            size *= 2;
        }
        return (int) size;
    }

    /**
     * Turns FastCSV's exception into a located one. What the handler, the UTF-8 reader or the
     * visitor threw arrives wrapped and is passed on as it was. FastCSV 4.4 tells its own
     * conditions apart only by message; CsvDatasetReaderTest pins each message this relies on.
     */
    private RuntimeException located(final CsvParseException e, final CsvFieldHandler handler) {
        if (e.getCause() instanceof RuntimeException thrownInside) {
            return thrownInside;
        }
        if (e.getCause() instanceof Error error) {
            throw error;
        }
        var message = String.valueOf(e.getMessage());
        if (message.startsWith("The maximum buffer size")) {
            return handler.fieldTooLong(handler.fieldColumn());
        }
        String detail;
        if (message.startsWith("Unclosed quoted field")) {
            detail = "the quoted field starting here is never closed; expected a closing quote (\") before the end of the file";
        } else if (message.startsWith("Unexpected character after closing quote")) {
            detail = "unexpected character after the closing quote of a field; expected a comma or the end of the line"
                    + " (write a quote inside a quoted field as \"\")";
        } else {
            detail = "malformed CSV: " + message.lines().findFirst().orElse(message);
        }
        return new InputException(file.toString(), handler.fieldLine(), handler.fieldColumn(), detail);
    }
}
