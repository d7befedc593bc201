package io.mlops.validation;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class LongRadixSortTest {
    @Test
    void shouldSortLikeArraysSortIncludingNegativesAndDuplicates() {
        var random = new SplittableRandom(5);
        long[] values = new long[100_000];
        for (int i = 0; i < values.length; i++) {
            values[i] = i % 10 == 0 ? values[random.nextInt(Math.max(1, i))] : random.nextLong();
        }
        values[1] = Long.MIN_VALUE;
        values[2] = Long.MAX_VALUE;
        values[3] = -1;
        values[4] = 0;
        long[] expected = values.clone();
        Arrays.sort(expected);

        LongRadixSort.sort(values, values.length);

        assertThat(values).isEqualTo(expected);
    }

    @Test
    void shouldSortOnlyThePrefixAndSkipSharedBytes() {
        // small values share their upper six bytes: those passes are skipped, the order must still be right
        var random = new SplittableRandom(6);
        long[] values = new long[50_000];
        for (int i = 0; i < 40_000; i++) {
            values[i] = random.nextInt(70_000) - 35_000;
        }
        Arrays.fill(values, 40_000, values.length, 42);
        long[] expected = Arrays.copyOf(values, 40_000);
        Arrays.sort(expected);

        LongRadixSort.sort(values, 40_000);

        assertThat(Arrays.copyOf(values, 40_000)).isEqualTo(expected);
        assertThat(Arrays.copyOfRange(values, 40_000, values.length)).containsOnly(42L);
    }

    @Test
    void shouldSortSmallAndConstantInputs() {
        long[] small = {3, -1, 2};
        long[] constant = new long[10_000];
        Arrays.fill(constant, -7);

        LongRadixSort.sort(small, small.length);
        LongRadixSort.sort(constant, constant.length);

        assertThat(small).containsExactly(-1, 2, 3);
        assertThat(constant).containsOnly(-7L);
    }

    @Test
    void shouldSortDoublesLikeArraysSort() {
        var random = new SplittableRandom(8);
        double[] values = new double[20_000];
        for (int i = 0; i < values.length; i++) {
            values[i] = i % 7 == 0 ? Math.rint(random.nextGaussian() * 3) : random.nextGaussian() * 1e6;
        }
        values[1] = -0.0;
        values[2] = 0.0;
        values[3] = Double.NEGATIVE_INFINITY;
        values[4] = Double.POSITIVE_INFINITY;
        values[5] = -Double.MIN_VALUE;
        values[6] = Double.MIN_VALUE;
        values[7] = -Double.MAX_VALUE;
        double[] expected = values.clone();
        Arrays.sort(expected);

        LongRadixSort.sort(values);

        assertThat(Arrays.equals(values, expected)).isTrue();
    }
}
