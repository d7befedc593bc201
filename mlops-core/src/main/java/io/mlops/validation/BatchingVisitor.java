package io.mlops.validation;

import io.mlops.data.RecordVisitor;
import io.mlops.data.TextValues;
import io.mlops.util.InputException;

import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Runs on the reading thread: parses each field into its column's type straight from the reader's character
 * buffer and fills {@link RowBatch}es for the profiling thread. In CSV every value is text, so text that does
 * not parse as the column's type is malformed input (an {@link InputException} naming line and column). In
 * JSON Lines and Parquet values carry their own type, so a value of the wrong kind is counted as a failed
 * type check instead.
 */
final class BatchingVisitor implements RecordVisitor {
    /** Kept strings over all text columns: at most about 5 MB (32 characters each), also with many columns. */
    private static final int STRING_SLOTS = 1 << 15;
    /** Kept strings per text column: enough for the categories of a typical column. */
    private static final int MAX_STRING_SLOTS_PER_COLUMN = 8192;
    private static final int MIN_STRING_SLOTS_PER_COLUMN = 64;

    private final String file;
    private final List<ColumnPlan> plans;
    private final ColumnType[] types;
    private final boolean typedFormat;
    private final UnaryOperator<RowBatch> handOff;
    private final Violations[] typeViolations;
    private final RepeatedStrings[] strings;
    private RowBatch batch;
    private int slot;
    private long line;
    private long rows;

    /**
     * Creates a visitor.
     *
     * @param file        the file name for error messages
     * @param plans       one plan per file column, in file order
     * @param typedFormat whether values carry their own type (JSON Lines, Parquet)
     * @param first       the first empty batch
     * @param handOff     takes a full batch and returns an empty one
     */
    BatchingVisitor(final String file, final List<ColumnPlan> plans, final boolean typedFormat,
            final RowBatch first, final UnaryOperator<RowBatch> handOff) {
        this.file = file;
        this.plans = plans;
        this.types = plans.stream().map(ColumnPlan::type).toArray(ColumnType[]::new);
        this.typedFormat = typedFormat;
        this.handOff = handOff;
        this.batch = first;
        typeViolations = new Violations[plans.size()];
        for (int i = 0; i < typeViolations.length; i++) {
            typeViolations[i] = new Violations();
        }
        strings = repeatedStrings(types);
    }

    private static RepeatedStrings[] repeatedStrings(final ColumnType[] types) {
        long textColumns = Arrays.stream(types).filter(t -> t == ColumnType.STRING).count();
        int slots = (int) Math.max(MIN_STRING_SLOTS_PER_COLUMN, Math.min(MAX_STRING_SLOTS_PER_COLUMN,
                Long.highestOneBit(STRING_SLOTS / Math.max(1, textColumns))));
        var tables = new RepeatedStrings[types.length];
        for (int i = 0; i < types.length; i++) {
            if (types[i] == ColumnType.STRING) {
                tables[i] = new RepeatedStrings(slots);
            }
        }
        return tables;
    }

    @Override
    public void header(final List<String> columns) {
        if (columns.size() != plans.size()
                || !columns.equals(plans.stream().map(ColumnPlan::name).toList())) {
            throw new InputException(file, 0, 0, "the file changed while it was being read: its header is no longer "
                    + "the one read at the start");
        }
    }

    @Override
    public void startRecord(final long row, final long recordLine) {
        line = recordLine;
        slot = batch.size;
        batch.lines[slot] = recordLine;
    }

    @Override
    public void text(final int column, final char[] buffer, final int offset, final int length) {
        // Kept small so that the JIT inlines it into the reader's field loop; the work is in one method per type.
        switch (types[column]) {
            case STRING -> batch.texts[column][slot] = strings[column].of(buffer, offset, length);
            case INTEGER -> integer(column, buffer, offset, length);
            case NUMBER -> decimal(column, buffer, offset, length);
            default -> otherText(column, buffer, offset, length);
        }
    }

    private void integer(final int column, final char[] buffer, final int offset, final int length) {
        if (typedFormat) {
            wrongKind(column, new String(buffer, offset, length));
            return;
        }
        try {
            batch.numbers[column][slot] = TextValues.parseLong(buffer, offset, length);
        }
        catch (IllegalArgumentException e) {
            throw notParsable(column, buffer, offset, length);
        }
    }

    private void decimal(final int column, final char[] buffer, final int offset, final int length) {
        if (typedFormat) {
            wrongKind(column, new String(buffer, offset, length));
            return;
        }
        try {
            batch.numbers[column][slot] = TextValues.parseDouble(buffer, offset, length);
        }
        catch (IllegalArgumentException e) {
            throw notParsable(column, buffer, offset, length);
        }
    }

    private void otherText(final int column, final char[] buffer, final int offset, final int length) {
        try {
            if (types[column] == ColumnType.TIMESTAMP) {
                batch.numbers[column][slot] = TextValues.parseTimestamp(new String(buffer, offset, length));
            }
            else if (typedFormat) {
                wrongKind(column, new String(buffer, offset, length));
            }
            else {
                batch.booleans[column][slot] = (byte) (TextValues.parseBoolean(buffer, offset, length) ? 1 : 0);
            }
        }
        catch (IllegalArgumentException e) {
            throw notParsable(column, buffer, offset, length);
        }
    }

    private InputException notParsable(final int column, final char[] buffer, final int offset, final int length) {
        var plan = plans.get(column);
        var value = new String(buffer, offset, Math.min(length, 200));
        return new InputException(file, line, column + 1, "column '" + plan.name() + "': '"
                + TextValues.clip(value) + "' is not " + article(plan.type()) + " (schema type "
                + plan.type().id() + ")");
    }

    @Override
    public void number(final int column, final double value) {
        var plan = plans.get(column);
        switch (plan.type()) {
            case NUMBER -> batch.numbers[column][slot] = value;
            case INTEGER -> {
                if (value == Math.rint(value) && !Double.isInfinite(value)) {
                    batch.numbers[column][slot] = value;
                }
                else {
                    wrongKind(column, TextValues.formatNumber(value));
                }
            }
            case STRING -> batch.texts[column][slot] = TextValues.formatNumber(value);
            case BOOLEAN, TIMESTAMP -> wrongKind(column, TextValues.formatNumber(value));
        }
    }

    @Override
    public void bool(final int column, final boolean value) {
        var plan = plans.get(column);
        switch (plan.type()) {
            case BOOLEAN -> batch.booleans[column][slot] = (byte) (value ? 1 : 0);
            case STRING -> batch.texts[column][slot] = Boolean.toString(value);
            default -> wrongKind(column, Boolean.toString(value));
        }
    }

    @Override
    public void missing(final int column) {
        setMissing(column);
    }

    private void wrongKind(final int column, final String value) {
        typeViolations[column].add(line, value);
        setMissing(column);
    }

    private void setMissing(final int column) {
        var plan = plans.get(column);
        if (plan.travelsAsNumber()) {
            batch.numbers[column][slot] = Double.NaN;
        }
        else if (plan.type() == ColumnType.BOOLEAN) {
            batch.booleans[column][slot] = RowBatch.MISSING_BOOLEAN;
        }
        else {
            batch.texts[column][slot] = null;
        }
    }

    @Override
    public void endRecord() {
        rows++;
        batch.size++;
        if (batch.isFull()) {
            batch = handOff.apply(batch);
        }
    }

    /** Hands over the last, partly filled batch; returns the rows read. */
    long finish() {
        if (batch.size > 0) {
            batch = handOff.apply(batch);
        }
        return rows;
    }

    /** Values of the wrong kind per column (typed formats only). */
    Violations typeViolations(final int column) {
        return typeViolations[column];
    }

    private static String article(final ColumnType type) {
        return switch (type) {
            case INTEGER -> "an integer";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean (true/false)";
            case TIMESTAMP -> "an ISO-8601 timestamp";
            case STRING -> "a string";
        };
    }
}
