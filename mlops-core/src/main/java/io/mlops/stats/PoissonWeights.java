package io.mlops.stats;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Bootstrap weights without a random-number stream: the weight of a row in a resample is a Poisson(1) draw made
 * from a hash of (seed, resample, row). A resample is the same whichever thread computes it and in whatever order
 * it visits the rows, so results are reproducible on any number of threads (DESIGN.md §4). Poisson(1) weights make
 * a resample of about n rows, the "Poisson bootstrap" (Hanley and MacGibbon 2006; Chamandy et al. 2012), which for
 * large n is equivalent to the multinomial one.
 *
 * <p>One 64-bit hash of (seed, resample, row / 2) gives the draws of two neighbouring rows, 32 bits each: the
 * probabilities of the weights are then exact to 2^-32.
 */
public final class PoissonWeights {
    /** P(X ≤ k) for X ~ Poisson(1), k = 0, 1, ..., as 32-bit unsigned fractions; beyond the last, 13. */
    private static final long[] CUMULATIVE = cumulative();
    private static final long C0 = CUMULATIVE[0];
    private static final long C1 = CUMULATIVE[1];
    private static final long C2 = CUMULATIVE[2];
    private static final long C3 = CUMULATIVE[3];
    private static final long C4 = CUMULATIVE[4];
    private static final long LOW_32 = 0xFFFF_FFFFL;

    private final long seed;

    public PoissonWeights(final long seed) {
        this.seed = mix(seed ^ 0x6A09E667F3BCC909L);
    }

    /** The weight (0, 1, 2, ...) of one row in a resample. */
    public int weight(final int resample, final int row) {
        long hash = hash(resample, row >>> 1);
        return poisson((row & 1) == 0 ? hash & LOW_32 : hash >>> 32);
    }

    /** The weights of rows 0 to {@code weights.length - 1} in a resample, as {@link #weight} gives them. */
    public void fill(final int resample, final byte[] weights) {
        int pairs = weights.length >>> 1;
        for (int pair = 0; pair < pairs; pair++) {
            long hash = hash(resample, pair);
            weights[2 * pair] = (byte) poisson(hash & LOW_32);
            weights[2 * pair + 1] = (byte) poisson(hash >>> 32);
        }
        if ((weights.length & 1) != 0) {
            weights[weights.length - 1] = (byte) weight(resample, weights.length - 1);
        }
    }

    private long hash(final int resample, final int pair) {
        return mix(seed + resample * 0x9E3779B97F4A7C15L + pair * 0xC2B2AE3D27D4EB4FL);
    }

    /**
     * Inversion: the number of cumulative probabilities a uniform 32-bit value reaches. The first five comparisons
     * are summed rather than branched on, because on random data a branch would be mispredicted every other row;
     * only 1 draw in 270 goes on to the loop.
     */
    private static int poisson(final long uniform) {
        int k = (uniform >= C0 ? 1 : 0) + (uniform >= C1 ? 1 : 0) + (uniform >= C2 ? 1 : 0)
                + (uniform >= C3 ? 1 : 0) + (uniform >= C4 ? 1 : 0);
        if (k == 5) {
            while (k < CUMULATIVE.length && uniform >= CUMULATIVE[k]) {
                k++;
            }
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
        var scale = BigDecimal.valueOf(1L << 32);
        var terms = new long[13];
        // e^-1 to 34 digits: the probabilities are exact to far below 2^-32
        var probability = new BigDecimal("0.3678794411714423215955237701614609");
        var sum = BigDecimal.ZERO;
        for (int k = 0; k < terms.length; k++) {
            if (k > 0) {
                probability = probability.divide(BigDecimal.valueOf(k), context);
            }
            sum = sum.add(probability, context);
            terms[k] = Math.min(sum.multiply(scale, context).longValue(), LOW_32);
        }
        return terms;
    }
}
