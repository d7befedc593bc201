package io.mlops.validation;

import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Exact counts of a numeric column's values while it has at most {@code limit} distinct ones (flags, codes,
 * ratings), in a tiny open-addressing table: no boxing per value. Overflows once and then stays off.
 */
final class SmallValueCounts {
    private final int limit;
    private final long[] keys;
    private final long[] counts;
    private final boolean[] used;
    private int size;
    private boolean overflowed;

    SmallValueCounts(final int limit) {
        this.limit = limit;
        int capacity = Integer.highestOneBit(limit * 4 - 1) << 1;
        keys = new long[capacity];
        counts = new long[capacity];
        used = new boolean[capacity];
    }

    /** Counts a value; returns false once the column has more than {@code limit} distinct values. */
    boolean add(final double value) {
        if (overflowed) {
            return false;
        }
        long bits = Double.doubleToLongBits(value == 0.0 ? 0.0 : value);
        int mask = keys.length - 1;
        int slot = (int) mix(bits) & mask;
        while (used[slot]) {
            if (keys[slot] == bits) {
                counts[slot]++;
                return true;
            }
            slot = (slot + 1) & mask;
        }
        if (size == limit) {
            overflowed = true;
            return false;
        }
        used[slot] = true;
        keys[slot] = bits;
        counts[slot] = 1;
        size++;
        return true;
    }

    boolean overflowed() {
        return overflowed;
    }

    int size() {
        return size;
    }

    /** The values seen so far (also after an overflow, to seed a distinct-count sketch). */
    double[] values() {
        var values = new double[size];
        int n = 0;
        for (int i = 0; i < keys.length; i++) {
            if (used[i]) {
                values[n++] = Double.longBitsToDouble(keys[i]);
            }
        }
        return values;
    }

    /** The counts in value order; only meaningful before an overflow. */
    SortedMap<Double, Long> toMap() {
        var map = new TreeMap<Double, Long>();
        for (int i = 0; i < keys.length; i++) {
            if (used[i]) {
                map.put(Double.longBitsToDouble(keys[i]), counts[i]);
            }
        }
        return map;
    }

    /** splitmix64's finaliser: spreads similar doubles over the table. */
    static long mix(final long value) {
        long z = value;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
