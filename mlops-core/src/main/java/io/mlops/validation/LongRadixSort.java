package io.mlops.validation;

/**
 * Sorts longs in ascending (signed) order, as {@link java.util.Arrays#sort(long[], int, int)} does, by a
 * least-significant-digit radix sort: eight byte-wide counting passes, skipping a byte that all values share.
 * For the uniqueness check's millions of 64-bit hashes and the drift samples' doubles this is several times faster
 * than a comparison sort (it costs a scratch array of the same length).
 */
final class LongRadixSort {
    /** Below this many values a comparison sort is faster. */
    private static final int MIN_RADIX = 4096;
    private static final int DIGITS = 8;
    private static final int BUCKETS = 256;

    private LongRadixSort() {
    }

    /**
     * Sorts doubles without NaN in ascending order, -0.0 before 0.0, as {@link java.util.Arrays#sort(double[])}
     * does: each double's bits, with all but the sign flipped for negative numbers, order as signed longs.
     */
    static void sort(final double[] values) {
        if (values.length < MIN_RADIX) {
            java.util.Arrays.sort(values);
            return;
        }
        long[] keys = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            keys[i] = orderedBits(Double.doubleToRawLongBits(values[i]));
        }
        sort(keys, keys.length);
        for (int i = 0; i < values.length; i++) {
            values[i] = Double.longBitsToDouble(orderedBits(keys[i]));
        }
    }

    /** Flips all but the sign bit of a negative number's bits; its own inverse. */
    private static long orderedBits(final long bits) {
        return bits ^ ((bits >> 63) & Long.MAX_VALUE);
    }

    /** Sorts values[0..size). */
    static void sort(final long[] values, final int size) {
        if (size < MIN_RADIX) {
            java.util.Arrays.sort(values, 0, size);
            return;
        }
        int[][] counts = new int[DIGITS][BUCKETS];
        for (int i = 0; i < size; i++) {
            long key = values[i] ^ Long.MIN_VALUE;
            for (int d = 0; d < DIGITS; d++) {
                counts[d][(int) (key >>> (d * 8)) & 0xff]++;
            }
        }
        long[] from = values;
        long[] to = new long[size];
        for (int d = 0; d < DIGITS; d++) {
            int[] count = counts[d];
            if (count[(int) ((values[0] ^ Long.MIN_VALUE) >>> (d * 8)) & 0xff] == size) {
                continue;
            }
            int[] start = new int[BUCKETS];
            for (int b = 1; b < BUCKETS; b++) {
                start[b] = start[b - 1] + count[b - 1];
            }
            int shift = d * 8;
            for (int i = 0; i < size; i++) {
                long value = from[i];
                to[start[(int) ((value ^ Long.MIN_VALUE) >>> shift) & 0xff]++] = value;
            }
            long[] swap = from;
            from = to;
            to = swap;
        }
        if (from != values) {
            System.arraycopy(from, 0, values, 0, size);
        }
    }
}
