package io.mlops.stats;

import org.assertj.core.data.Offset;

/** Relative tolerances for comparing with scipy. */
public final class Tolerance {
    private Tolerance() {
    }

    /** Probabilities below this are "zero" for every purpose here; scipy and Java may round them differently. */
    public static final double NEGLIGIBLE_PROBABILITY = 1e-300;

    /** |actual - expected| ≤ relative · |expected| (exact equality when expected is 0). */
    public static Offset<Double> relative(final double expected, final double relative) {
        return Offset.offset(Math.max(Math.abs(expected) * relative, Double.MIN_VALUE));
    }

    /** Relative for probabilities, absolute below {@link #NEGLIGIBLE_PROBABILITY}. */
    public static Offset<Double> probability(final double expected, final double relative) {
        return Offset.offset(Math.max(Math.abs(expected) * relative, NEGLIGIBLE_PROBABILITY));
    }
}
