package io.mlops.validation;

import io.mlops.data.TextValues;

/** Counts the values that break one constraint and remembers the first, for a message naming its line. */
final class Violations {
    private long count;
    private long firstLine;
    private String firstValue;

    void add(final long line, final String value) {
        if (count == 0) {
            firstLine = line;
            firstValue = value;
        }
        count++;
    }

    long count() {
        return count;
    }

    long firstLine() {
        return firstLine;
    }

    String firstValue() {
        return firstValue;
    }

    /** "first at line 17: 'abc'", or an empty text without violations. */
    String first() {
        return count == 0 ? "" : "first at line " + firstLine + ": '" + TextValues.clip(firstValue) + "'";
    }
}
