package io.mlops.evaluation;

/**
 * A sum that keeps the low-order bits each addition loses (Neumaier's variant of Kahan summation), so that a
 * million terms add up to within an ulp or two of the exact sum, as numpy's pairwise sums nearly do.
 */
final class CompensatedSum {
    private double sum;
    private double compensation;

    void add(final double value) {
        double next = sum + value;
        if (Math.abs(sum) >= Math.abs(value)) {
            compensation += (sum - next) + value;
        }
        else {
            compensation += (value - next) + sum;
        }
        sum = next;
    }

    double value() {
        return sum + compensation;
    }
}
