package io.mlops.stats;

/**
 * McNemar's exact test of paired proportions: of the rows where exactly one of two classifiers is right, does
 * either win more often than a fair coin would allow? The two-sided binomial p-value with n = b + c discordant
 * pairs, as statsmodels' {@code mcnemar(table, exact=True)}.
 */
public final class McNemar {
    private McNemar() {
    }

    /**
     * The outcome of the test.
     *
     * @param candidateOnly rows only the candidate got right (b)
     * @param baselineOnly  rows only the baseline got right (c)
     * @param pValue        two-sided: min(1, 2 P(X ≤ min(b, c))), X ~ Binomial(b + c, 1/2)
     */
    public record Result(long candidateOnly, long baselineOnly, double pValue) {
    }

    public static Result test(final long candidateOnly, final long baselineOnly) {
        long n = candidateOnly + baselineOnly;
        long k = Math.min(candidateOnly, baselineOnly);
        return new Result(candidateOnly, baselineOnly, n == 0 ? 1.0 : Math.min(1.0, 2 * binomialHalfCdf(k, n)));
    }

    /**
     * P(X ≤ k) for X ~ Binomial(n, 1/2), k ≤ n / 2: the largest term from log-gamma, the smaller ones by the
     * ratio pmf(i - 1) = pmf(i) · i / (n - i + 1), until they no longer change the sum.
     */
    static double binomialHalfCdf(final long k, final long n) {
        double logTerm = Gamma.logGamma(n + 1.0) - Gamma.logGamma(k + 1.0) - Gamma.logGamma(n - k + 1.0)
                - n * Math.log(2);
        double term = Math.exp(logTerm);
        double sum = 0;
        for (long i = k; i >= 0; i--) {
            sum += term;
            if (term < sum * 1e-17) {
                break;
            }
            term *= (double) i / (n - i + 1);
        }
        return Math.min(1.0, sum);
    }
}
