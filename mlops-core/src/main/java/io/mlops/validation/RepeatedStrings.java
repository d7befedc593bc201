package io.mlops.validation;

import java.util.Arrays;

/**
 * Gives a text column's repeated short values one shared String each, on the reading thread: a categorical
 * column then allocates no String per row, and the profiling thread's map lookups find equal values identical.
 * A direct-mapped table: a value that lands on another one's slot replaces it, so memory stays fixed and a
 * column of all-different values only pays for one hash and one copy per value.
 */
final class RepeatedStrings {
    /** Longer values are seldom categories; they are never kept, which bounds the memory of a table. */
    static final int MAX_CHARS = 32;

    private final String[] strings;
    /** Each kept String's characters and hash, compared without calling into String on the hot path. */
    private final char[][] chars;
    private final int[] hashes;
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
        chars = new char[slots][];
        hashes = new int[slots];
        mask = slots - 1;
    }

    /** The String of a slice of characters: the kept one when the same value was seen in this slot before. */
    String of(final char[] buffer, final int offset, final int length) {
        if (length > MAX_CHARS) {
            return new String(buffer, offset, length);
        }
        int end = offset + length;
        int hash = 0;
        for (int i = offset; i < end; i++) {
            hash = 31 * hash + buffer[i];
        }
        int slot = (hash ^ (hash >>> 16)) & mask;
        var kept = chars[slot];
        if (kept != null && hashes[slot] == hash && sameChars(kept, buffer, offset, length)) {
            return strings[slot];
        }
        var value = new String(buffer, offset, length);
        strings[slot] = value;
        chars[slot] = Arrays.copyOfRange(buffer, offset, end);
        hashes[slot] = hash;
        return value;
    }

    /** Whether kept holds exactly buffer[offset, offset + length): a plain loop, as values are short. */
    private static boolean sameChars(final char[] kept, final char[] buffer, final int offset, final int length) {
        if (kept.length != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (kept[i] != buffer[offset + i]) {
                return false;
            }
        }
        return true;
    }
}
