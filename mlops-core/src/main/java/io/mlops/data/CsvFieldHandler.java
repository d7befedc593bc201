package io.mlops.data;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import de.siegmar.fastcsv.reader.RecordType;
import io.mlops.util.InputException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Passes the fields FastCSV finds to a {@link RecordVisitor} as slices of FastCSV's own buffer, so
 * that no String is created per field. The first record is the header; every later record must
 * have as many fields. It never builds a record object: {@link #buildRecord()} returns
 * {@code null}, which tells FastCSV the record was consumed.
 */
final class CsvFieldHandler extends AbstractBaseCsvCallbackHandler<Void> {
    private final String file;
    private final ReaderLimits limits;
    private final RecordVisitor visitor;
    private final List<String> names = new ArrayList<>();
    private final Map<String, Integer> columnOfName = new HashMap<>();
    /** Number of columns, or -1 until the header has been read. */
    private int columns = -1;
    private long row;
    /** Line where the next field of the current record starts; quoted fields may span lines. */
    private long fieldLine;

    CsvFieldHandler(final String file, final ReaderLimits limits, final RecordVisitor visitor) {
        this.file = file;
        this.limits = limits;
        this.visitor = visitor;
    }

    @Override
    protected void handleBegin(final long startingLineNumber) {
        fieldLine = startingLineNumber;
    }

    @Override
    protected void handleField(final int index, final char[] buffer, final int offset, final int length,
                               final boolean quoted) {
        if (length > limits.maxFieldChars()) {
            throw fieldTooLong(index + 1);
        }
        if (columns < 0) {
            addColumnName(index, buffer, offset, length);
        } else if (index < columns) {
            if (index == 0) {
                visitor.startRecord(++row, getStartingLineNumber());
            }
            if (length == 0 && !quoted) {
                visitor.missing(index);
            } else {
                visitor.text(index, buffer, offset, length);
            }
        }
        if (quoted) {
            fieldLine += lineBreaks(buffer, offset, length);
        }
    }

    @Override
    protected Void buildRecord() {
        if (getRecordType() != RecordType.DATA) {
            // a blank line is no record (comments are off, so EMPTY is the only other type)
            return null;
        }
        if (columns < 0) {
            columns = names.size();
            visitor.header(List.copyOf(names));
            return null;
        }
        int found = getFieldCount();
        if (found != columns) {
            int firstWrongField = Math.min(found, columns) + 1;
            throw new InputException(file, getStartingLineNumber(), firstWrongField,
                    "expected %d fields as in the header, found %d".formatted(columns, found));
        }
        visitor.endRecord();
        return null;
    }

    /** Whether a header row has been read. */
    boolean hasHeader() {
        return columns >= 0;
    }

    /** The line where the field being parsed starts. */
    long fieldLine() {
        return fieldLine;
    }

    /** The 1-based number, within its record, of the field FastCSV is parsing but has not passed on yet. */
    int fieldColumn() {
        return getFieldCount() + 1;
    }

    /** The error for a field over the length limit, located at the field's first line. */
    InputException fieldTooLong(final int column) {
        return new InputException(file, fieldLine, column,
                "field is longer than %d characters; expected at most %d (a missing closing quote can cause this)"
                        .formatted(limits.maxFieldChars(), limits.maxFieldChars()));
    }

    private void addColumnName(final int index, final char[] buffer, final int offset, final int length) {
        if (index >= limits.maxColumns()) {
            throw new InputException(file, fieldLine, index + 1,
                    "the header has more than %d columns; expected at most %d"
                            .formatted(limits.maxColumns(), limits.maxColumns()));
        }
        var name = new String(buffer, offset, length);
        if (name.isBlank()) {
            throw new InputException(file, fieldLine, index + 1,
                    "column %d has an empty name in the header; expected a name for every column".formatted(index + 1));
        }
        Integer earlier = columnOfName.putIfAbsent(name, index);
        if (earlier != null) {
            throw new InputException(file, fieldLine, index + 1,
                    "duplicate column name '%s' in the header (also column %d); expected unique names"
                            .formatted(name, earlier + 1));
        }
        names.add(name);
    }

    /** Counts CR, LF and CRLF line breaks the way FastCSV counts lines. */
    private static int lineBreaks(final char[] buffer, final int offset, final int length) {
        int breaks = 0;
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            char c = buffer[i];
            if (c == '\r' || c == '\n' && (i == offset || buffer[i - 1] != '\r')) {
                breaks++;
            }
        }
        return breaks;
    }
}
