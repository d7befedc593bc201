package io.mlops.validation;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A numeric column's values for drift tests: every value while they fit the capacity, then a uniform random sample
 * of between three quarters of the capacity and all of it. Memory is the capacity and never grows with the row count.
 *
 * <p>The sample is a Bernoulli sample whose rate falls as the column grows (the scheme of Gibbons and Matias's
 * concise samples, SIGMOD 1998, without their value counts): each value is kept with the current rate, and when the buffer is full, every kept value survives with
 * probability 3/4 and the rate is multiplied by 3/4. Every value offered so far is then in the sample independently
 * with the same probability, so the sample is a uniform random subset of the column; which values are kept never
 * depends on the values. The gap to the next kept value is drawn directly (geometric), so a value that is not kept
 * costs nothing, and kept values are appended, not written to random places of a large array: a small fraction of
 * the cost of a quantile sketch's compactions (about 30 ns a value, which this replaces) or of reservoir sampling's
 * cache misses.
 *
 * <p>The sample is seeded, so the same file gives the same sample and the same report.
 */
final class DriftValues {
    private static final int INITIAL_CAPACITY = 1024;
    /** Thinning keeps a value unless two random bits are both 1: with probability exactly 3/4. */
    private static final double SURVIVAL = 0.75;

    private final int capacity;
    private final SplittableRandom random;
    private double[] values;
    private int size;
    /** Values offered so far. */
    private long seen;
    /** The probability with which each value offered so far is in the sample. */
    private double rate = 1.0;
    /** ln(1 - rate), for the geometric gaps; -∞ while every value is kept. */
    private double logSkip = Double.NEGATIVE_INFINITY;
    /** The index (among all values offered) of the next value to keep, once the rate is below 1. */
    private long next;

    /**
     * @param capacity values kept at most (at least 4)
     * @param seed     the sample's seed
     */
    DriftValues(final int capacity, final long seed) {
        if (capacity < 4) {
            throw new IllegalArgumentException("capacity must be at least 4: " + capacity);
        }
        this.capacity = capacity;
        this.random = new SplittableRandom(seed);
        this.values = new double[Math.min(capacity, INITIAL_CAPACITY)];
    }

    /** Offers the first n values of a batch. */
    void add(final double[] batch, final int n) {
        int i = 0;
        if (rate == 1.0) {
            int take = Math.min(n, capacity - size);
            if (size + take > values.length) {
                values = Arrays.copyOf(values, Math.min(capacity, Math.max(values.length * 2, size + take)));
            }
            System.arraycopy(batch, 0, values, size, take);
            size += take;
            seen += take;
            i = take;
            if (i == n) {
                return;
            }
            // full, and more values come: from now on a sample
            thin();
            next = seen + gap();
        }
        long end = seen + (n - i);
        while (next < end) {
            values[size++] = batch[i + (int) (next - seen)];
            if (size == capacity) {
                thin();
            }
            next += gap() + 1;
        }
        seen = end;
    }

    /**
     * Keeps each sampled value with probability 3/4 and lowers the rate to match, again while the buffer is still full
     * (which a small buffer can be).
     */
    private void thin() {
        do {
            thinOnce();
        } while (size == capacity);
    }

    private void thinOnce() {
        int kept = 0;
        long bits = 0;
        for (int i = 0; i < size; i++) {
            if ((i & 31) == 0) {
                bits = random.nextLong();
            }
            if ((bits & 3) != 3) {
                values[kept++] = values[i];
            }
            bits >>>= 2;
        }
        size = kept;
        rate *= SURVIVAL;
        logSkip = Math.log(1 - rate);
    }

    /** How many values pass before the next one is kept: geometric with success probability rate. */
    private long gap() {
        double skip = Math.floor(Math.log(1.0 - random.nextDouble()) / logSkip);
        return skip >= Long.MAX_VALUE / 4 ? Long.MAX_VALUE / 4 : (long) skip;
    }

    /** Whether every value offered is kept (none was sampled away). */
    boolean keptAll() {
        return rate == 1.0;
    }

    /** Values offered so far. */
    long seen() {
        return seen;
    }

    /** The kept values (all, or the sample), in ascending order, in a new array. */
    double[] sortedValues() {
        double[] sorted = Arrays.copyOf(values, size);
        LongRadixSort.sort(sorted);
        return sorted;
    }
}
