package io.mlops.validation.drift;

/**
 * Exact two-sided p-values of the two-sample Kolmogorov-Smirnov test by counting lattice paths (Hodges 1958), as
 * scipy's ks_2samp does in its 'exact' mode: {@code _compute_prob_outside_square} for equal sizes and
 * {@code _compute_outer_prob_inside_method} (Viehmann 2021's stable recursion for 1 - p) otherwise.
 */
final class LatticePaths {
    private LatticePaths() {
    }

    /**
     * P(D ≥ d) for samples of sizes n1 and n2 when D = d exactly, d = h / lcm(n1, n2).
     *
     * @return the p-value, or NaN when the computation lost its way (scipy then falls back to 'asymp')
     */
    static double pValue(final int n1, final int n2, final long h) {
        if (h == 0) {
            return 1.0;
        }
        long g = gcd(n1, n2);
        double p = n1 == n2 ? outsideSquare(n1, h) : outsideInside(n1, n2, g, h);
        return p >= 0 && p <= 1 ? p : Double.NaN;
    }

    /** The lattice step: lcm(n1, n2), so that every attainable D is h / lcm for an integer h. */
    static long lcm(final int n1, final int n2) {
        return n1 / gcd(n1, n2) * (long) n2;
    }

    static long gcd(final long a, final long b) {
        long x = a;
        long y = b;
        while (y != 0) {
            long r = x % y;
            x = y;
            y = r;
        }
        return x;
    }

    /**
     * Equal sizes: P = 2 Σ_k (-1)^k binom(2n, n - kh) / binom(2n, n), evaluated Horner-like from the last term to
     * avoid cancellation: P = 2 A0 (1 - A1 (1 - A2 (1 - ...))).
     */
    static double outsideSquare(final long n, final long h) {
        double p = 0.0;
        for (long k = n / h; k >= 0; k--) {
            double ratio = 1.0;
            for (long j = 0; j < h; j++) {
                ratio = (n - k * h - j) * ratio / (n + k * h + j + 1);
            }
            p = ratio * (1.0 - p);
        }
        return 2 * p;
    }

    /**
     * Unequal sizes: walks the columns of the lattice from (0, 0) to (m, n), m ≥ n, keeping only the window of
     * rows strictly inside |x/m - y/n| &lt; h / lcm, and propagates the share of paths that leave it.
     */
    static double outsideInside(final int size1, final int size2, final long g, final long h) {
        int m = Math.max(size1, size2);
        int n = Math.min(size1, size2);
        long mg = m / g;
        long ng = n / g;
        int minJ = 0;
        int maxJ = (int) Math.min(ceilDiv(h, mg), n + 1L);
        int currentLength = maxJ - minJ;
        int arrayLength = Math.min(2 * maxJ + 2, n + 1);
        double[] a = new double[arrayLength];
        java.util.Arrays.fill(a, 1.0);
        for (int j = minJ; j < maxJ && j < arrayLength; j++) {
            a[j] = 0.0;
        }
        for (int i = 1; i <= m; i++) {
            int lastMinJ = minJ;
            int lastLength = currentLength;
            minJ = (int) Math.min(Math.max(Math.floorDiv(ng * i - h, mg) + 1, 0), n);
            maxJ = (int) Math.min(ceilDiv(ng * i + h, mg), n + 1L);
            if (maxJ <= minJ) {
                return 1.0;
            }
            double value = minJ == 0 ? 0.0 : 1.0;
            for (int jj = 0; jj < maxJ - minJ; jj++) {
                int j = jj + minJ;
                value = (a[jj + minJ - lastMinJ] * i + value * j) / (i + j);
                a[jj] = value;
            }
            currentLength = maxJ - minJ;
            if (lastLength > currentLength) {
                int end = Math.min(maxJ - minJ + (lastLength - currentLength), arrayLength);
                for (int j = maxJ - minJ; j < end; j++) {
                    a[j] = 1.0;
                }
            }
        }
        return a[maxJ - minJ - 1];
    }

    private static long ceilDiv(final long a, final long b) {
        return -Math.floorDiv(-a, b);
    }
}
