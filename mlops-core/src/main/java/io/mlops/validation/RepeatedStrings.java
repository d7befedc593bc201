package io.mlops.validation;

/**
 * Gives a text column's repeated short values one shared String each, on the reading thread: a categorical
 * column then allocates no String per row, and the profiling thread's map lookups find the String's hash
 * already computed and equal values identical. A direct-mapped table: a value that lands on another one's slot
 * replaces it, so memory stays fixed and a column of all-different values only pays for one hash per value.
 */
final class RepeatedStrings {
    /** Longer values are seldom categories; they are never kept, which bounds the memory of a table. */
    static final int MAX_CHARS = 32;

    private final String[] strings;
    private final int mask;

    /**
     * Creates an empty table.
     *
     * @param slots the number of values kept, a power of two
     */
    RepeatedStrings(final int slots) {
        if (Integer.bitCount(slots) != 1) {
            throw new IllegalArgumentException("slots must be a power of two, got " + slots);
        }
        strings = new String[slots];
        mask = slots - 1;
    }

    /** The String of a slice of characters: the kept one when the same value was seen in this slot before. */
    String of(final char[] buffer, final int offset, final int length) {
        if (length > MAX_CHARS) {
            return new String(buffer, offset, length);
        }
        // String.hashCode's formula, so that a kept String's cached hash is the one computed here
        int hash = 0;
        for (int i = offset; i < offset + length; i++) {
            hash = 31 * hash + buffer[i];
        }
        int slot = (hash ^ (hash >>> 16)) & mask;
        var kept = strings[slot];
        if (kept != null && kept.hashCode() == hash && sameChars(kept, buffer, offset, length)) {
            return kept;
        }
        var value = new String(buffer, offset, length);
        strings[slot] = value;
        return value;
    }

    private static boolean sameChars(final String kept, final char[] buffer, final int offset, final int length) {
        if (kept.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (kept.charAt(i) != buffer[offset + i]) {
                return false;
            }
        }
        return true;
    }
}
