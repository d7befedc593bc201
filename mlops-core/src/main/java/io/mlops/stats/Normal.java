package io.mlops.stats;

/** Tail probabilities of the standard normal distribution, through erfc. */
public final class Normal {
    private Normal() {
    }

    /** erfc(x) = Q(1/2, x²) for x ≥ 0 (Abramowitz and Stegun 7.1.2 with 6.5.17), 2 - erfc(-x) below 0. */
    public static double erfc(final double x) {
        double q = Gamma.regularizedQ(0.5, x * x);
        return x >= 0 ? q : 2.0 - q;
    }

    /** The survival function 1 - Φ(z) = erfc(z / √2) / 2 (scipy.stats.norm.sf), without cancellation for large z. */
    public static double sf(final double z) {
        double q = Gamma.regularizedQ(0.5, z * z / 2);
        return z >= 0 ? q / 2 : 1.0 - q / 2;
    }
}
