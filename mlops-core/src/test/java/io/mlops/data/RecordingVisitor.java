package io.mlops.data;

import java.util.ArrayList;
import java.util.List;

/** Writes down every visitor call as a short line, so that tests can compare whole reads at once. */
class RecordingVisitor implements RecordVisitor {
    private final List<String> calls = new ArrayList<>();
    private List<String> columns = List.of();

    List<String> calls() {
        return calls;
    }

    List<String> columns() {
        return columns;
    }

    /** The calls from the first record on, without the header. */
    List<String> records() {
        return calls.subList(1, calls.size());
    }

    @Override
    public void header(final List<String> names) {
        columns = names;
        calls.add("header " + names);
    }

    @Override
    public void startRecord(final long row, final long line) {
        calls.add("row " + row + " line " + line);
    }

    @Override
    public void text(final int column, final char[] buffer, final int offset, final int length) {
        calls.add(column + " text '" + new String(buffer, offset, length) + "'");
    }

    @Override
    public void number(final int column, final double value) {
        calls.add(column + " number " + value);
    }

    @Override
    public void bool(final int column, final boolean value) {
        calls.add(column + " bool " + value);
    }

    @Override
    public void missing(final int column) {
        calls.add(column + " missing");
    }

    @Override
    public void endRecord() {
        calls.add("end");
    }
}
