package io.mlops.validation;

import io.mlops.data.DataFormat;
import io.mlops.data.DatasetReader;
import io.mlops.data.ReaderLimits;
import io.mlops.data.RecordVisitor;
import io.mlops.data.TextValues;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Infers each column's type from every value of a file: the narrowest of integer, number, boolean, timestamp
 * and string that all non-missing values fit. In JSON Lines and Parquet the values' own types decide.
 */
final class TypeSniffer implements RecordVisitor {
    private static final int INTEGER = 1;
    private static final int NUMBER = 2;
    private static final int BOOLEAN = 4;
    private static final int TIMESTAMP = 8;
    private static final int ANY = INTEGER | NUMBER | BOOLEAN | TIMESTAMP;

    private final boolean typedFormat;
    private List<String> columns = List.of();
    private int[] candidates = new int[0];
    private boolean[] seen = new boolean[0];

    private TypeSniffer(final boolean typedFormat) {
        this.typedFormat = typedFormat;
    }

    /** Reads a file and returns the inferred type of each column, in file order. */
    static Map<String, ColumnType> sniff(final Path file, final DataFormat format) throws IOException {
        var sniffer = new TypeSniffer(format != DataFormat.CSV);
        try (var reader = DatasetReader.open(file, format, ReaderLimits.DEFAULT)) {
            reader.read(sniffer);
        }
        return sniffer.types();
    }

    @Override
    public void header(final List<String> names) {
        columns = List.copyOf(names);
        candidates = new int[names.size()];
        java.util.Arrays.fill(candidates, ANY);
        seen = new boolean[names.size()];
    }

    @Override
    public void startRecord(final long row, final long line) {
        // Types do not depend on position.
    }

    @Override
    public void text(final int column, final char[] buffer, final int offset, final int length) {
        seen[column] = true;
        int remaining = candidates[column];
        if (remaining == 0) {
            return;
        }
        if (typedFormat) {
            remaining &= TIMESTAMP;
        }
        if ((remaining & INTEGER) != 0 && !fits(() -> TextValues.parseLong(buffer, offset, length))) {
            remaining &= ~INTEGER;
        }
        if ((remaining & NUMBER) != 0 && !fits(() -> TextValues.parseDouble(buffer, offset, length))) {
            remaining &= ~NUMBER;
        }
        if ((remaining & BOOLEAN) != 0 && !isBooleanWord(buffer, offset, length)) {
            remaining &= ~BOOLEAN;
        }
        if ((remaining & TIMESTAMP) != 0 && (length < 10 || buffer[offset + 4] != '-'
                || !fits(() -> TextValues.parseTimestamp(new String(buffer, offset, length))))) {
            remaining &= ~TIMESTAMP;
        }
        candidates[column] = remaining;
    }

    private static boolean isBooleanWord(final char[] buffer, final int offset, final int length) {
        // 0/1 columns are integers and yes/no may be categories: only true/false make a boolean column.
        var word = new String(buffer, offset, length).trim();
        return "true".equalsIgnoreCase(word) || "false".equalsIgnoreCase(word);
    }

    private static boolean fits(final Runnable parse) {
        try {
            parse.run();
            return true;
        }
        catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public void number(final int column, final double value) {
        seen[column] = true;
        candidates[column] &= value == Math.rint(value) && !Double.isInfinite(value) ? INTEGER | NUMBER : NUMBER;
    }

    @Override
    public void bool(final int column, final boolean value) {
        seen[column] = true;
        candidates[column] &= BOOLEAN;
    }

    @Override
    public void missing(final int column) {
        // Missing values fit every type.
    }

    @Override
    public void endRecord() {
        // Nothing to finish per record.
    }

    private Map<String, ColumnType> types() {
        var types = new LinkedHashMap<String, ColumnType>();
        for (int i = 0; i < columns.size(); i++) {
            types.put(columns.get(i), typeOf(seen[i] ? candidates[i] : 0));
        }
        return types;
    }

    private static ColumnType typeOf(final int remaining) {
        if ((remaining & INTEGER) != 0) {
            return ColumnType.INTEGER;
        }
        if ((remaining & NUMBER) != 0) {
            return ColumnType.NUMBER;
        }
        if ((remaining & BOOLEAN) != 0) {
            return ColumnType.BOOLEAN;
        }
        if ((remaining & TIMESTAMP) != 0) {
            return ColumnType.TIMESTAMP;
        }
        return ColumnType.STRING;
    }
}
