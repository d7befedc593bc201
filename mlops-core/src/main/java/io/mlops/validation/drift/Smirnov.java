package io.mlops.validation.drift;

/**
 * The one-sided Kolmogorov-Smirnov distribution: P(D+_n &gt; x) by the Birnbaum-Tingey sum (Smirnov 1944), as
 * scipy.special.smirnov computes it (xsf cephes/kolmogorov.h, van Mulbregt 2018). scipy sums in double-double
 * arithmetic; here the binomial coefficient is kept as a mantissa and a binary exponent and the powers are formed
 * from logarithms; against scipy the relative error stays below 2e-11 up to n = 10^6.
 */
final class Smirnov {
    /** Above this n scipy approximates P ≈ exp(-(6nx+1)² / 18n) instead of summing (SMIRNOV_MAX_COMPUTE_N). */
    private static final int MAX_COMPUTE_N = 1_000_000;
    /** ln of the smallest normal double (Cephes MINLOG). */
    private static final double MIN_LOG = -7.08396418532264106224E2;
    private static final double LN2 = Math.log(2);
    /** ln 2 - LN2, so that splitting a logarithm into powers of two loses (almost) nothing. */
    private static final double LN2_LOW = 2.3190468138462996e-17;

    private Smirnov() {
    }

    /** P(D+_n &gt; x), scipy.special.smirnov(n, x). */
    static double sf(final int n, final double x) {
        if (!(n > 0 && x >= 0.0 && x <= 1.0)) {
            return Double.NaN;
        }
        if (n == 1) {
            return 1 - x;
        }
        if (x == 0.0) {
            return 1.0;
        }
        if (x == 1.0) {
            return 0.0;
        }
        // floor(n x) and its remainder, exactly: the product's rounding error comes from an FMA
        double nx = n * x;
        double error = Math.fma(n, x, -nx);
        long nxFloor = (long) Math.floor(nx);
        double alpha = (nx - nxFloor) + error;
        if (alpha < 0) {
            nxFloor -= 1;
            alpha += 1;
        }
        if (alpha >= 1) {
            nxFloor += 1;
            alpha = 0;
        }
        if (nxFloor == 0 || nxFloor == 1 && alpha == 0) {
            // x <= 1/n: P(D+ <= x) = x (1 + x)^(n-1)
            return clip(1 - x * Math.pow(1 + x, n - 1));
        }
        if (-2 * n * x * x < MIN_LOG) {
            return 0.0;
        }
        if (nxFloor >= n - 1) {
            return Math.pow(1 - x, n);
        }
        if (n > MAX_COMPUTE_N) {
            double logP = -Math.pow(6.0 * n * x + 1, 2) / 18.0 / n;
            return logP < -LN2 ? Math.exp(logP) : 1 + Math.expm1(logP);
        }
        long lastTerm = n - nxFloor - (alpha == 0 ? 0 : 1);
        if (alpha == 0) {
            lastTerm -= 1;
        }
        return clip(x * lowerSum(n, x, lastTerm + 1));
    }

    /** Σ_{v=0}^{terms-1} C(n,v) (x + v/n)^(v-1) (1 - x - v/n)^(n-v), stopping once the rest is negligible. */
    private static double lowerSum(final int n, final double x, final long terms) {
        double sum = Math.pow(1 - x, n) / x;
        double binomialMantissa = n;
        int binomialExponent = 0;
        int middle = n / 2;
        for (int v = 1; v < terms; v++) {
            double term = term(n, x, v, binomialMantissa, binomialExponent);
            if (Double.isFinite(term) && term != 0.0) {
                sum += term;
            }
            if (term != 0.0) {
                if (4.0 * (terms - v) * Math.abs(term) < Math.ulp(1.0) * sum && v != terms - 1) {
                    break;
                }
            } else if (v > middle) {
                break;
            }
            binomialMantissa *= (double) (n - v) / (v + 1.0);
            int shift = Math.getExponent(binomialMantissa);
            binomialMantissa = Math.scalb(binomialMantissa, -shift);
            binomialExponent += shift;
        }
        return sum;
    }

    /** C(n,v) (x + v/n)^(v-1) (1 - x - v/n)^(n-v), with C(n,v) = mantissa · 2^exponent. */
    private static double term(final int n, final double x, final int v, final double mantissa, final int exponent) {
        double share = (double) v / n;
        // 1 - x - v/n as (n-v)/n - x, with the quotient's rounding error added back
        double rest = (double) (n - v) / n;
        double restError = Math.fma(-rest, n, n - v) / n;
        double complement = (rest - x) + restError;
        if (complement <= 0) {
            return 0.0;
        }
        double log = (v - 1) * Math.log(x + share) + (n - v) * Math.log(complement);
        double twos = Math.floor(log / LN2);
        double remainder = Math.fma(-twos, LN2, log) - twos * LN2_LOW;
        return Math.scalb(mantissa * Math.exp(remainder), (int) Math.max(Math.min(twos + exponent, 4096), -4096));
    }

    private static double clip(final double p) {
        return Math.min(1.0, Math.max(0.0, p));
    }
}
