package io.mlops.data;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class IsoTimeTextTest {
    private final char[] buffer = new char[IsoTimeText.MAX_CHARS];

    @Test
    void shouldWriteInstantsExactlyAsInstantToString() {
        // given instants across 1677-2262 (the range of nanosecond timestamps) with every fraction length
        var random = new SplittableRandom(42);
        for (int i = 0; i < 100_000; i++) {
            long second = random.nextLong(-9_223_372_036L, 9_223_372_036L);
            int nano = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };

            // when
            int length = IsoTimeText.instant(second, nano, buffer);

            // then
            assertThat(new String(buffer, 0, length)).isEqualTo(Instant.ofEpochSecond(second, nano).toString());
        }
    }

    @Test
    void shouldWriteEdgeInstantsLikeTheJdk() {
        // given years at and beyond four digits, and the epoch itself
        long[] seconds = {0, -1, Instant.parse("0000-01-01T00:00:00Z").getEpochSecond(),
            Instant.parse("9999-12-31T23:59:59Z").getEpochSecond(), Instant.parse("+10000-01-01T00:00:00Z").getEpochSecond(),
            Instant.parse("-0001-12-31T23:59:59Z").getEpochSecond(), Instant.MAX.getEpochSecond(), Instant.MIN.getEpochSecond()};

        for (long second : seconds) {
            // when
            int length = IsoTimeText.instant(second, 10, buffer);

            // then
            assertThat(new String(buffer, 0, length)).isEqualTo(Instant.ofEpochSecond(second, 10).toString());
        }
    }

    @Test
    void shouldWriteDatesExactlyAsLocalDateToString() {
        // given days from year -20000 to 20000
        for (long day = -8_000_000; day <= 8_000_000; day += 997) {
            // when
            int length = IsoTimeText.date(day, buffer);

            // then
            assertThat(new String(buffer, 0, length)).isEqualTo(LocalDate.ofEpochDay(day).toString());
        }
    }
}
