package io.mlops.validation;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.IntToDoubleFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class NumericStatsTest {
    private static final ColumnPlan PLAN = new ColumnPlan(0, "x", ColumnType.NUMBER, null);

    @Test
    void shouldFillTheSketchFromTheExactCountsOfAFewValuedColumn() {
        var stats = profile(10_000, row -> row % 10);

        var profile = stats.profile();

        assertThat(profile.count()).isEqualTo(10_000);
        assertThat(profile.distinct()).isEqualTo(10);
        assertThat(profile.quantiles().get("0.5")).isBetween(4.0, 5.0);
        assertThat(profile.quantiles().get("0.99")).isEqualTo(9.0);
    }

    @Test
    void shouldKeepTheValuesCountedBeforeTheExactCountsOverflowed() {
        // 3,000 rows of ten codes, then 10,000 different values: the counts overflow in the middle of a batch
        var stats = profile(13_000, row -> row < 3_000 ? row % 10 : 1_000 + row - 3_000);

        var profile = stats.profile();

        assertThat(profile.count()).isEqualTo(13_000);
        // the median is rank 6,500: the 3,500th of the different values; the sketch's rank error is about 1.3%
        assertThat(profile.quantiles().get("0.5")).isCloseTo(4_500.0, within(400.0));
    }

    private static NumericStats profile(final int rows, final IntToDoubleFunction value) {
        var stats = new NumericStats(PLAN, 200, 0, null);
        var batch = new RowBatch(List.of(PLAN));
        for (int row = 0; row < rows; row++) {
            batch.numbers[0][batch.size] = value.applyAsDouble(row);
            batch.lines[batch.size] = row + 2;
            batch.size++;
            if (batch.isFull() || row == rows - 1) {
                stats.accept(batch);
                batch.size = 0;
            }
        }
        return stats;
    }
}
