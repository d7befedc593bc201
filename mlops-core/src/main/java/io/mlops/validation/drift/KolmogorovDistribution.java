package io.mlops.validation.drift;

import io.mlops.stats.Gamma;

/**
 * The exact distribution of the two-sided one-sample Kolmogorov-Smirnov statistic D_n, whose survival function
 * scipy's ks_2samp evaluates at round(n1 n2 / (n1 + n2)) in its 'asymp' mode (scipy.stats.kstwo.sf). Follows
 * scipy.stats._ksstats._kolmogn: Simard and L'Ecuyer's (2011) choice among Ruben-Gambino's closed forms, Durbin's
 * matrix, Pomeranz's recursion, the Pelz-Good expansion and twice the one-sided Smirnov tail.
 */
final class KolmogorovDistribution {
    private static final double PI_SQUARED = Math.PI * Math.PI;
    private static final double PI_FOUR = Math.pow(Math.PI, 4);
    private static final double PI_SIX = Math.pow(Math.PI, 6);
    private static final double SQRT_TWO_PI = Math.sqrt(2 * Math.PI);
    private static final double LOG_TWO_PI = Math.log(2 * Math.PI);
    private static final double SQRT3 = Math.sqrt(3);
    private static final double MIN_LOG = -708;

    private KolmogorovDistribution() {
    }

    /** P(D_n ≥ x), scipy.stats.kstwo.sf(x, n): 1 at or below the support's lower end 1/(2n), 0 from 1 on. */
    static double sf(final int n, final double x) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be positive, got " + n);
        }
        if (x <= 0.5 / n) {
            return 1.0;
        }
        if (x >= 1.0) {
            return 0.0;
        }
        return kolmogorovSf(n, x);
    }

    /** scipy.stats._ksstats._kolmogn(n, x, cdf=False). */
    private static double kolmogorovSf(final int n, final double x) {
        double t = n * x;
        if (t <= 1.0) {
            if (t <= 0.5) {
                return 1.0;
            }
            return clip(1.0 - rubenGambinoLow(n, t));
        }
        if (t >= n - 1) {
            return clip(2 * Math.pow(1.0 - x, n));
        }
        if (x >= 0.5) {
            return clip(2 * Smirnov.sf(n, x));
        }
        double nxSquared = t * x;
        if (n <= 140) {
            if (nxSquared <= 0.754693) {
                return clip(1.0 - DurbinMatrix.cdf(n, x));
            }
            if (nxSquared <= 4) {
                return clip(1.0 - Pomeranz.cdf(n, x));
            }
            return clip(2 * Smirnov.sf(n, x));
        }
        if (nxSquared >= 370.0) {
            return 0.0;
        }
        if (nxSquared >= 2.2) {
            return clip(2 * Smirnov.sf(n, x));
        }
        double cdf = n <= 100_000 && n * Math.pow(x, 1.5) <= 1.4 ? DurbinMatrix.cdf(n, x) : pelzGoodCdf(n, x);
        return clip(1.0 - cdf);
    }

    /** Ruben and Gambino (1982): P(D_n ≤ x) = n!/n^n (2t - 1)^n for 1/2 ≤ t = nx ≤ 1. */
    private static double rubenGambinoLow(final int n, final double t) {
        if (n <= 140) {
            double product = 1.0;
            for (int i = 1; i <= n; i++) {
                product *= i * (1.0 / n) * (2 * t - 1);
            }
            return product;
        }
        return Math.exp(logFactorialOverPower(n) + n * Math.log(2 * t - 1));
    }

    /** ln(n!/n^n) by Stirling's series, with n ln n removed up front (scipy's _log_nfactorial_div_n_pow_n). */
    static double logFactorialOverPower(final int n) {
        double r = 1.0 / n;
        return Math.log(n) / 2 - n + LOG_TWO_PI / 2 + r * Gamma.polynomial(Gamma.STIRLING, r / n);
    }

    /**
     * The Pelz-Good (1976) approximation of P(D_n ≤ x): Li-Chien and Korolyuk's expansion K0 + K1/√n + K2/n +
     * K3/n^1.5 in z = x√n, each term rewritten with Jacobi theta functions for small z (scipy's _kolmogn_PelzGood).
     */
    static double pelzGoodCdf(final int n, final double x) {
        double z = Math.sqrt(n) * x;
        double z2 = z * z;
        double z3 = z * z * z;
        double z4 = z2 * z2;
        double z6 = z4 * z2;
        double qLog = -PI_SQUARED / 8 / z2;
        if (qLog < MIN_LOG) {
            return 0.0;
        }
        double q = Math.exp(qLog);
        double k1a = -z2;
        double k1b = PI_SQUARED / 4;
        double k2a = 6 * z6 + 2 * z4;
        double k2b = (2 * z4 - 5 * z2) * PI_SQUARED / 4;
        double k2c = PI_FOUR * (1 - 2 * z2) / 16;
        double k3d = PI_SIX * (5 - 30 * z2) / 64;
        double k3c = PI_FOUR * (-60 * z2 + 212 * z4) / 16;
        double k3b = PI_SQUARED * (135 * z4 - 96 * z6) / 4;
        double k3a = -30 * z6 - 90 * Math.pow(z, 8);

        double[] k = new double[4];
        int maxK = (int) Math.ceil(16 * z / Math.PI);
        for (int j = maxK; j > 0; j--) {
            double m = 2 * j - 1;
            double m2 = m * m;
            double m4 = Math.pow(m, 4);
            double m6 = Math.pow(m, 6);
            double qPower = Math.pow(q, 8 * j);
            k[0] = k[0] * qPower + 1.0;
            k[1] = k[1] * qPower + (k1a + k1b * m2);
            k[2] = k[2] * qPower + (k2a + k2b * m2 + k2c * m4);
            k[3] = k[3] * qPower + (k3a + k3b * m2 + k3c * m4 + k3d * m6);
        }
        double[] divisors = {z, 6 * z4, 72 * Math.pow(z, 7), 6480 * Math.pow(z, 10)};
        for (int i = 0; i < 4; i++) {
            k[i] = k[i] * q * SQRT_TWO_PI / divisors[i];
        }
        double qAll = Math.exp(-PI_SQUARED / 2 / z2);
        double sqrt3z = SQRT3 * z;
        double k2Extra = 0;
        double k3Extra = 0;
        for (int j = maxK; j > 0; j--) {
            double j2 = (double) j * j;
            double qPower = Math.pow(qAll, j2);
            k2Extra += j2 * qPower;
            double jPi = Math.PI * j;
            k3Extra += (sqrt3z + jPi) * (sqrt3z - jPi) * j2 * qPower;
        }
        k[2] += k2Extra * (PI_SQUARED * SQRT_TWO_PI / (-36 * z3));
        k[3] += k3Extra * (PI_SQUARED * SQRT_TWO_PI / (216 * z6));
        double sum = 0;
        for (int i = 0; i < 4; i++) {
            sum += k[i] / Math.pow(n, i / 2.0);
        }
        return sum;
    }

    private static double clip(final double p) {
        return Math.min(1.0, Math.max(0.0, p));
    }
}
