package io.mlops.validation.drift;

/**
 * P(D_n ≤ d) for the two-sided one-sample Kolmogorov-Smirnov statistic by Durbin's matrix algorithm in the form of
 * Marsaglia, Tsang and Wang (2003), as scipy.stats._ksstats._kolmogn_DMTW computes it: the k-th diagonal entry of
 * H^n, scaled by n!/n^n, with binary rescaling against overflow. Memory O(m²), time O(m³ log n), m = 2⌈nd⌉ - 1.
 */
final class DurbinMatrix {
    private static final int SCALE_EXPONENT = 128;
    private static final double SCALE_UP = 0x1.0p128;
    private static final double SCALE_DOWN = 0x1.0p-128;

    private DurbinMatrix() {
    }

    /** P(D_n ≤ d). */
    static double cdf(final int n, final double d) {
        if (d >= 1.0) {
            return 1.0;
        }
        double nd = n * d;
        if (nd <= 0.5) {
            return 0.0;
        }
        int k = (int) Math.ceil(nd);
        double h = k - nd;
        int m = 2 * k - 1;
        double[][] matrix = initialMatrix(h, m);

        double[][] power = identity(m);
        int remaining = n;
        int exponent = 0;
        int matrixExponent = 0;
        while (remaining > 0) {
            if (remaining % 2 == 1) {
                power = multiply(power, matrix);
                exponent += matrixExponent;
            }
            matrix = multiply(matrix, matrix);
            matrixExponent *= 2;
            if (Math.abs(matrix[k - 1][k - 1]) > SCALE_UP) {
                scale(matrix, SCALE_DOWN);
                matrixExponent += SCALE_EXPONENT;
            }
            remaining /= 2;
        }
        double p = power[k - 1][k - 1];
        for (int i = 1; i <= n; i++) {
            p = i * p / n;
            if (Math.abs(p) < SCALE_DOWN) {
                p *= SCALE_UP;
                exponent -= SCALE_EXPONENT;
            }
        }
        if (exponent != 0) {
            p = Math.scalb(p, exponent);
        }
        return Math.min(1.0, Math.max(0.0, p));
    }

    /** Durbin's H: h = ⌈nd⌉ - nd, first column and last row (1 - h^j)/j!, band of 1/j! above. */
    private static double[][] initialMatrix(final double h, final int m) {
        double[] v = new double[m];
        double[] w = new double[m];
        double factorial = 1.0;
        for (int j = 1; j <= m; j++) {
            v[j - 1] = 1.0 - Math.pow(h, j);
            w[j - 1] = factorial;
            factorial /= j;
            v[j - 1] *= factorial;
        }
        double tail = Math.pow(Math.max(2 * h - 1.0, 0), m) - 2 * Math.pow(h, m);
        v[m - 1] = (1.0 + tail) * factorial;

        double[][] matrix = new double[m][m];
        for (int i = 1; i < m; i++) {
            for (int row = i - 1; row < m; row++) {
                matrix[row][i] = w[row - i + 1];
            }
        }
        for (int row = 0; row < m; row++) {
            matrix[row][0] = v[row];
        }
        for (int column = 0; column < m; column++) {
            matrix[m - 1][column] = v[m - 1 - column];
        }
        return matrix;
    }

    private static double[][] identity(final int m) {
        double[][] identity = new double[m][m];
        for (int i = 0; i < m; i++) {
            identity[i][i] = 1.0;
        }
        return identity;
    }

    private static double[][] multiply(final double[][] a, final double[][] b) {
        int m = a.length;
        double[][] product = new double[m][m];
        for (int i = 0; i < m; i++) {
            double[] row = product[i];
            for (int l = 0; l < m; l++) {
                double factor = a[i][l];
                if (factor == 0.0) {
                    continue;
                }
                double[] other = b[l];
                for (int j = 0; j < m; j++) {
                    row[j] += factor * other[j];
                }
            }
        }
        return product;
    }

    private static void scale(final double[][] matrix, final double factor) {
        for (double[] row : matrix) {
            for (int j = 0; j < row.length; j++) {
                row[j] *= factor;
            }
        }
    }
}
