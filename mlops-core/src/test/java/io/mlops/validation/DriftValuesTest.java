package io.mlops.validation;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DriftValuesTest {
    @Test
    void shouldKeepEveryValueWhileTheyFit() {
        var drift = new DriftValues(5_000, 1);

        drift.add(new double[] {3, 1, 2}, 3);
        drift.add(ramp(1000, 4_997), 4_997);

        assertThat(drift.keptAll()).isTrue();
        assertThat(drift.seen()).isEqualTo(5_000);
        double[] sorted = drift.sortedValues();
        assertThat(sorted).hasSize(5_000);
        assertThat(sorted[0]).isEqualTo(1);
        assertThat(sorted[4_999]).isEqualTo(1000 + 4_996);
    }

    @Test
    void shouldKeepAUniformSampleOfAtMostCapacityValuesOnceTheyDoNotFit() {
        // given: 200 samples of at most 100 values, each offered 0..9,999 in batches of 1,000
        int capacity = 100;
        int values = 10_000;
        long[] keptPerTenth = new long[10];
        long kept = 0;
        for (int seed = 0; seed < 200; seed++) {
            var drift = new DriftValues(capacity, seed);
            for (int start = 0; start < values; start += 1000) {
                drift.add(ramp(start, 1000), 1000);
            }

            // then: between half and all of the capacity, distinct values, each one offered
            double[] sample = drift.sortedValues();
            assertThat(drift.keptAll()).isFalse();
            assertThat(drift.seen()).isEqualTo(values);
            assertThat(sample.length).isBetween(capacity / 2, capacity);
            assertThat(Arrays.stream(sample).distinct().count()).isEqualTo(sample.length);
            assertThat(Arrays.stream(sample).allMatch(v -> v >= 0 && v < values && v == Math.rint(v))).isTrue();
            for (double v : sample) {
                keptPerTenth[(int) v / 1000]++;
            }
            kept += sample.length;
        }
        // each tenth of the stream holds a tenth of the kept values, within 3.5 binomial standard deviations: the
        // first values are no likelier to stay than the last
        double expected = kept / 10.0;
        double tolerance = 3.5 * Math.sqrt(kept * 0.1 * 0.9);
        assertThat(kept).isGreaterThan(200L * capacity * 3 / 4 - 1000);
        assertThat(Arrays.stream(keptPerTenth).boxed().toList()).allMatch(n -> Math.abs(n - expected) <= tolerance);
    }

    @Test
    void shouldNeverOverflowASmallBuffer() {
        var drift = new DriftValues(4, 3);

        for (int start = 0; start < 100_000; start += 7) {
            drift.add(ramp(start, 7), 7);
        }

        assertThat(drift.sortedValues().length).isBetween(1, 4);
    }

    @Test
    void shouldGiveTheSameSampleForTheSameSeed() {
        var first = new DriftValues(10, 7);
        var second = new DriftValues(10, 7);
        var other = new DriftValues(10, 8);

        for (var drift : new DriftValues[] {first, second, other}) {
            drift.add(ramp(0, 1000), 1000);
        }

        assertThat(first.sortedValues()).isEqualTo(second.sortedValues());
        assertThat(first.sortedValues()).isNotEqualTo(other.sortedValues());
    }

    @Test
    void shouldRefuseATinyBuffer() {
        assertThatThrownBy(() -> new DriftValues(3, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    private static double[] ramp(final int start, final int n) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = start + i;
        }
        return values;
    }
}
