package io.mlops.stats;

/**
 * Log-gamma and the regularized incomplete gamma functions P(a, x) and Q(a, x) = 1 - P(a, x), for chi-square
 * and normal tail probabilities. Series and continued fraction after Numerical Recipes (3rd ed., §6.2,
 * {@code gser}/{@code gcf}); the prefactor x^a e^-x / Γ(a) is computed as Cephes {@code igam_fac} does, without
 * cancelling large logarithms, so that chi-square p-values with thousands of degrees of freedom stay accurate.
 */
public final class Gamma {
    private static final double EPSILON = 0x1.0p-53;
    private static final double TINY = Double.MIN_NORMAL / EPSILON;
    private static final int MAX_ITERATIONS = 1_000_000;
    private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);
    /** Lanczos approximation, g = 607/128, 15 terms (Godfrey; as in Boost and Apache Commons Math). */
    private static final double LANCZOS_G = 607.0 / 128.0;
    private static final double[] LANCZOS = {
        0.99999999999999709182, 57.156235665862923517, -59.597960355475491248, 14.136097974741747174,
        -0.49191381609762019978, 0.33994649984811888699e-4, 0.46523628927048575665e-4,
        -0.98374475304879564677e-4, 0.15808870322491248884e-3, -0.21026444172410488319e-3,
        0.21743961811521264320e-3, -0.16431810653676389022e-3, 0.84418223983852743293e-4,
        -0.26190838401581408670e-4, 0.36899182659531622704e-5,
    };
    /** Stirling series coefficients B_2j / (2j (2j - 1)), j = 8 down to 1 (as scipy's _ksstats lists them). */
    public static final double[] STIRLING = {
        -2.955065359477124183e-2, 6.4102564102564102564e-3, -1.9175269175269175269e-3, 8.4175084175084175084e-4,
        -5.952380952380952381e-4, 7.9365079365079365079e-4, -2.7777777777777777778e-3, 8.3333333333333333333e-2,
    };
    private static final double STIRLING_FROM = 10.0;

    private Gamma() {
    }

    /** ln Γ(x) for x &gt; 0: Stirling's series from 10 on, Lanczos below. */
    public static double logGamma(final double x) {
        if (x >= STIRLING_FROM) {
            return (x - 0.5) * Math.log(x) - x + HALF_LOG_TWO_PI + stirlingCorrection(x);
        }
        double sum = LANCZOS[0];
        for (int i = 1; i < LANCZOS.length; i++) {
            sum += LANCZOS[i] / (x + i);
        }
        double t = x + LANCZOS_G + 0.5;
        return (x + 0.5) * Math.log(t) - t + HALF_LOG_TWO_PI + Math.log(sum / x);
    }

    /** ln Γ(x) - [(x - 1/2) ln x - x + ln √(2π)], the remainder of Stirling's formula, for x ≥ 10. */
    static double stirlingCorrection(final double x) {
        double r = 1.0 / x;
        return r * polynomial(STIRLING, r * r);
    }

    /** Horner evaluation, coefficients from the highest power down (numpy.polyval). */
    public static double polynomial(final double[] coefficients, final double x) {
        double value = 0;
        for (double c : coefficients) {
            value = value * x + c;
        }
        return value;
    }

    /** The regularized upper incomplete gamma function Q(a, x) (scipy.special.gammaincc). */
    public static double regularizedQ(final double a, final double x) {
        check(a, x);
        if (x == 0) {
            return 1.0;
        }
        if (x == Double.POSITIVE_INFINITY) {
            return 0.0;
        }
        return x < a + 1 ? 1.0 - series(a, x) : continuedFraction(a, x);
    }

    /** The regularized lower incomplete gamma function P(a, x) (scipy.special.gammainc). */
    public static double regularizedP(final double a, final double x) {
        check(a, x);
        if (x == 0) {
            return 0.0;
        }
        if (x == Double.POSITIVE_INFINITY) {
            return 1.0;
        }
        return x < a + 1 ? series(a, x) : 1.0 - continuedFraction(a, x);
    }

    private static void check(final double a, final double x) {
        if (!(a > 0) || !(x >= 0)) {
            throw new IllegalArgumentException("incomplete gamma needs a > 0 and x >= 0, got a=" + a + ", x=" + x);
        }
    }

    /** P(a, x) = x^a e^-x / Γ(a) · Σ x^n / (a (a+1) ... (a+n)) (NR gser). */
    private static double series(final double a, final double x) {
        double ap = a;
        double term = 1.0 / a;
        double sum = term;
        for (int i = 0; i < MAX_ITERATIONS; i++) {
            ap += 1;
            term *= x / ap;
            sum += term;
            if (Math.abs(term) < Math.abs(sum) * EPSILON) {
                return sum * prefactor(a, x);
            }
        }
        throw new ArithmeticException("incomplete gamma series did not converge for a=" + a + ", x=" + x);
    }

    /** Q(a, x) by Legendre's continued fraction, modified Lentz (NR gcf). */
    private static double continuedFraction(final double a, final double x) {
        double b = x + 1 - a;
        double c = 1.0 / TINY;
        double d = 1.0 / b;
        double h = d;
        for (int i = 1; i < MAX_ITERATIONS; i++) {
            double an = -i * (i - a);
            b += 2;
            d = an * d + b;
            if (Math.abs(d) < TINY) {
                d = TINY;
            }
            c = b + an / c;
            if (Math.abs(c) < TINY) {
                c = TINY;
            }
            d = 1.0 / d;
            double delta = d * c;
            h *= delta;
            if (Math.abs(delta - 1) < EPSILON) {
                return h * prefactor(a, x);
            }
        }
        throw new ArithmeticException("incomplete gamma fraction did not converge for a=" + a + ", x=" + x);
    }

    /**
     * x^a e^-x / Γ(a). For large a, written as √(a/2π) · exp(a·(ln(1+t) - t) - stirling(a)) with t = (x-a)/a,
     * which avoids subtracting logarithms of size a (Cephes igam_fac, DiDonato and Morris 1986).
     */
    static double prefactor(final double a, final double x) {
        if (a < STIRLING_FROM) {
            return Math.exp(a * Math.log(x) - x - logGamma(a));
        }
        // a (ln(x/a) + 1 - x/a); near x = a through log1pmx, far from it directly (1 + t would lose digits)
        double t = (x - a) / a;
        double exponent = Math.abs(t) < 0.4 ? a * log1pmx(t) : a * Math.log(x / a) + (a - x);
        return Math.sqrt(a / (2 * Math.PI)) * Math.exp(exponent - stirlingCorrection(a));
    }

    /** ln(1 + t) - t, accurate for small t (Cephes log1pmx). */
    static double log1pmx(final double t) {
        if (Math.abs(t) >= 0.5) {
            return Math.log1p(t) - t;
        }
        double power = t;
        double sum = 0;
        for (int n = 2; n < 10_000; n++) {
            power *= -t;
            double term = power / n;
            sum += term;
            if (Math.abs(term) <= EPSILON * Math.abs(sum)) {
                break;
            }
        }
        return sum;
    }
}
