package io.mlops.data;

/**
 * Bounds that keep a hostile or broken file from exhausting memory: a reader rejects, with an
 * {@link io.mlops.util.InputException} naming the line, a field or line longer than
 * {@code maxFieldChars} and a header with more than {@code maxColumns} columns.
 *
 * @param maxFieldChars the longest field (CSV) or record line (JSON Lines) accepted, in characters
 * @param maxColumns    the most columns accepted
 */
public record ReaderLimits(int maxFieldChars, int maxColumns) {
    /** 1 Mi characters per field, 10,000 columns. */
    public static final ReaderLimits DEFAULT = new ReaderLimits(1 << 20, 10_000);
}
