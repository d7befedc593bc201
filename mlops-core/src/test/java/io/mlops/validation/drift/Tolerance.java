package io.mlops.validation.drift;

import org.assertj.core.data.Offset;

/** Relative tolerances for comparing with scipy. */
final class Tolerance {
    private Tolerance() {
    }

    /** Probabilities below this are "zero" for every purpose here; scipy and Java may round them differently. */
    static final double NEGLIGIBLE_PROBABILITY = 1e-300;

    /** |actual - expected| ≤ relative · |expected| (exact equality when expected is 0). */
    static Offset<Double> relative(final double expected, final double relative) {
        return Offset.offset(Math.max(Math.abs(expected) * relative, Double.MIN_VALUE));
    }

    /** Relative for probabilities, absolute below {@link #NEGLIGIBLE_PROBABILITY}. */
    static Offset<Double> probability(final double expected, final double relative) {
        return Offset.offset(Math.max(Math.abs(expected) * relative, NEGLIGIBLE_PROBABILITY));
    }
}
