package io.mlops.stats;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Bootstrap weights without a random-number stream: the weight of a row in a resample is a Poisson(1) draw made
 * from a hash of (seed, resample, row). A resample is the same whichever thread computes it and in whatever order
 * it visits the rows, so results are reproducible on any number of threads, and no per-resample array is needed
 * (DESIGN.md §4). Poisson(1) weights make a resample of about n rows, the "Poisson bootstrap" (Hanley and
 * MacGibbon 2006; Chamandy et al. 2012), which for large n is equivalent to the multinomial one.
 */
public final class PoissonWeights implements ResampleWeights {
    /** P(X ≤ k) for X ~ Poisson(1), k = 0, 1, ..., scaled to 2^64 as unsigned longs; beyond the last, 20. */
    private static final long[] CUMULATIVE = cumulative();

    private final long seed;

    public PoissonWeights(final long seed) {
        this.seed = mix(seed ^ 0x6A09E667F3BCC909L);
    }

    /** The weight (0, 1, 2, ...) of a row in a resample. */
    @Override
    public int weight(final int resample, final int row) {
        long u = mix(seed + resample * 0x9E3779B97F4A7C15L + row * 0xC2B2AE3D27D4EB4FL);
        // inversion: the first k with u < P(X ≤ k); 92% of draws end after two comparisons
        int k = 0;
        while (k < CUMULATIVE.length && Long.compareUnsigned(u, CUMULATIVE[k]) >= 0) {
            k++;
        }
        return k;
    }

    /** The finaliser of SplitMix64 (Stafford's variant 13): every input bit affects every output bit. */
    private static long mix(final long value) {
        long z = value;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static long[] cumulative() {
        var context = MathContext.DECIMAL128;
        var twoTo64 = new BigDecimal(2).pow(64);
        var e = BigDecimal.valueOf(Math.exp(-1));
        var terms = new long[20];
        var probability = e;
        var sum = BigDecimal.ZERO;
        for (int k = 0; k < terms.length; k++) {
            if (k > 0) {
                probability = probability.divide(BigDecimal.valueOf(k), context);
            }
            sum = sum.add(probability, context);
            var scaled = sum.multiply(twoTo64, context).toBigInteger();
            // P(X ≤ 19) rounds to 1 in 64 bits; cap below 2^64 so that the last step stays a strict bound
            terms[k] = scaled.bitLength() > 64 ? -1L : scaled.longValue();
        }
        return terms;
    }
}
