package io.mlops.validation.drift;

/**
 * P(D_n ≤ x) for the two-sided one-sample Kolmogorov-Smirnov statistic by Pomeranz's recursion (CACM Algorithm
 * 487, 1974), as scipy.stats._ksstats._kolmogn_Pomeranz computes it: 2n+1 rows, each the convolution of the
 * previous row's non-zero window with one of three Poisson-like weight sequences, rescaled against underflow.
 */
final class Pomeranz {
    private static final int SCALE_EXPONENT = 128;
    private static final double SCALE_UP = 0x1.0p128;
    private static final double SCALE_DOWN = 0x1.0p-128;

    private Pomeranz() {
    }

    /** P(D_n ≤ x). */
    static double cdf(final int n, final double x) {
        double t = n * x;
        int whole = (int) Math.floor(t);
        double fraction = t - whole;
        double g = Math.min(fraction, 1.0 - fraction);
        int ceilF = fraction > 0 ? 1 : 0;
        int roundF = fraction > 0.5 ? 1 : 0;
        int powers = 2 * (whole + 1);
        double[] gPower = new double[powers];
        double[] twoGPower = new double[powers];
        double[] oneMinusTwoGPower = new double[powers];
        gPower[0] = 1.0;
        twoGPower[0] = 1.0;
        oneMinusTwoGPower[0] = 1.0;
        double gOverN = g / n;
        double twoGOverN = 2 * g / n;
        double oneMinusTwoGOverN = (1 - 2 * g) / n;
        for (int m = 1; m < powers; m++) {
            gPower[m] = gPower[m - 1] * gOverN / m;
            twoGPower[m] = twoGPower[m - 1] * twoGOverN / m;
            oneMinusTwoGPower[m] = oneMinusTwoGPower[m - 1] * oneMinusTwoGOverN / m;
        }

        double[] previous = new double[powers];
        double[] current = new double[powers];
        current[0] = 1;
        int previousStart = 0;
        int currentStart = 0;
        int exponent = 0;
        int[] window = window(0, n, whole, ceilF, roundF);
        for (int i = 1; i < 2 * n + 2; i++) {
            int k1 = window[0];
            double[] swap = previous;
            previous = current;
            current = swap;
            int swapStart = previousStart;
            previousStart = currentStart;
            currentStart = swapStart;
            java.util.Arrays.fill(current, 0.0);
            window = window(i, n, whole, ceilF, roundF);
            int j1 = window[0];
            int j2 = window[1];
            double[] weights = i == 1 || i == 2 * n + 1 ? gPower : i % 2 == 1 ? twoGPower : oneMinusTwoGPower;
            int length = j2 - k1 + 1;
            if (length > 0) {
                double[] convolution = convolve(previous, k1 - previousStart, length, weights);
                int from = j1 - k1;
                int count = j2 - j1 + 1;
                for (int c = 0; c < count && from + c < convolution.length; c++) {
                    current[c] = convolution[from + c];
                }
                double max = 0;
                for (double value : current) {
                    max = Math.max(max, value);
                }
                if (max > 0 && max < SCALE_DOWN) {
                    for (int c = 0; c < current.length; c++) {
                        current[c] *= SCALE_UP;
                    }
                    exponent -= SCALE_EXPONENT;
                }
                currentStart = previousStart + j1 - k1;
            }
        }
        double answer = current[n - currentStart];
        for (int m = 1; m <= n; m++) {
            if (Math.abs(answer) > SCALE_UP) {
                answer *= SCALE_DOWN;
                exponent += SCALE_EXPONENT;
            }
            answer *= m;
        }
        if (exponent != 0) {
            answer = Math.scalb(answer, exponent);
        }
        return Math.min(1.0, Math.max(0.0, answer));
    }

    /** numpy.convolve(row[from:from+length], weights[:length]), full mode (slices clipped to the arrays). */
    private static double[] convolve(final double[] row, final int from, final int length, final double[] weights) {
        int aLength = Math.max(0, Math.min(from + length, row.length) - from);
        int bLength = Math.min(length, weights.length);
        if (aLength == 0 || bLength == 0) {
            return new double[0];
        }
        double[] result = new double[aLength + bLength - 1];
        for (int a = 0; a < aLength; a++) {
            double value = row[from + a];
            for (int b = 0; b < bLength; b++) {
                result[a + b] += value * weights[b];
            }
        }
        return result;
    }

    /** The first and last non-zero index of row i (scipy's _pomeranz_compute_j1j2). */
    private static int[] window(final int i, final int n, final int whole, final int ceilF, final int roundF) {
        int j1;
        int j2;
        if (i == 0) {
            j1 = -whole - ceilF - 1;
            j2 = whole + ceilF - 1;
        } else {
            int half = (i + 1) / 2;
            if ((i + 1) % 2 == 0) {
                if (half == n + 1) {
                    j1 = n - whole - ceilF - 1;
                    j2 = n + whole + ceilF - 1;
                } else {
                    j1 = half - 1 - whole - roundF - 1;
                    j2 = half + whole - 1 + ceilF - 1;
                }
            } else {
                j1 = half - 1 - whole - 1;
                j2 = half + whole + roundF - 1;
            }
        }
        return new int[] {Math.max(j1 + 2, 0), Math.min(j2, n)};
    }
}
