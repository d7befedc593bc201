package io.mlops.validation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UniqueValuesTest {
    @Test
    void shouldFindRepeatedHashesAcrossSpilledRuns() {
        try (var unique = new UniqueValues(1000)) {
            for (long i = 0; i < 10_000; i++) {
                unique.add(SmallValueCounts.mix(i));
            }
            unique.add(SmallValueCounts.mix(17));
            unique.add(SmallValueCounts.mix(9_999));
            unique.add(SmallValueCounts.mix(9_999));

            unique.finish();

            assertThat(unique.duplicateRows()).isEqualTo(3);
            assertThat(unique.candidates()).containsExactlyInAnyOrder(SmallValueCounts.mix(17),
                    SmallValueCounts.mix(9_999));
        }
    }

    @Test
    void shouldFindNoCandidatesInDistinctValues() {
        try (var unique = new UniqueValues(100)) {
            for (long i = 0; i < 5_000; i++) {
                unique.add(SmallValueCounts.mix(i));
            }

            unique.finish();

            assertThat(unique.duplicateRows()).isZero();
            assertThat(unique.candidates()).isEmpty();
        }
    }

    @Test
    void shouldFindRepeatedHashesInOneLargeBuffer() {
        try (var unique = new UniqueValues(1 << 20)) {
            for (long i = 0; i < 200_000; i++) {
                unique.add(SmallValueCounts.mix(i));
            }
            unique.add(SmallValueCounts.mix(123_456));
            unique.add(SmallValueCounts.mix(0));

            unique.finish();

            assertThat(unique.duplicateRows()).isEqualTo(2);
            assertThat(unique.candidates()).containsExactly(
                    Math.min(SmallValueCounts.mix(0), SmallValueCounts.mix(123_456)),
                    Math.max(SmallValueCounts.mix(0), SmallValueCounts.mix(123_456)));
        }
    }
}
