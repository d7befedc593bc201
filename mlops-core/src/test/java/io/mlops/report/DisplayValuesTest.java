package io.mlops.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DisplayValuesTest {
    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "0; 0",
            "12345; 12,345",
            "-3; -3",
            "0.08123456; 0.08123",
            "3.14159; 3.142",
            "123.456; 123.5",
            "12345.678; 12,345.68",
            "0.0000123; 1.23e-05",
            "1e20; 1e+20",
            "-0.5; -0.5",
            "0.1; 0.1"})
    void shouldShowNumbersReadably(final double value, final String expected) {
        assertThat(DisplayValues.number(value)).isEqualTo(expected);
    }

    @Test
    void shouldShowNonFiniteNumbers() {
        assertThat(DisplayValues.number(Double.NaN)).isEqualTo("NaN");
        assertThat(DisplayValues.number(Double.POSITIVE_INFINITY)).isEqualTo("∞");
        assertThat(DisplayValues.number(Double.NEGATIVE_INFINITY)).isEqualTo("-∞");
    }

    @Test
    void shouldShowAnyValue() {
        var map = new LinkedHashMap<String, Object>();
        map.put("min", 1000);
        map.put("max", 2.5);

        assertThat(DisplayValues.of(null)).isEqualTo("—");
        assertThat(DisplayValues.of(1200L)).isEqualTo("1,200");
        assertThat(DisplayValues.of(List.of("US", 3))).isEqualTo("US, 3");
        assertThat(DisplayValues.of(map)).isEqualTo("min: 1,000, max: 2.5");
        assertThat(DisplayValues.of(Instant.parse("2025-01-02T03:04:05.9Z"))).isEqualTo("2025-01-02 03:04:05 UTC");
    }

    @Test
    void shouldShowPercentagesAndDurations() {
        assertThat(DisplayValues.percent(0.125)).isEqualTo("12.5%");
        assertThat(DisplayValues.percent(1.0 / 3)).isEqualTo("33.3%");
        assertThat(DisplayValues.percent(0.5)).isEqualTo("50%");
        assertThat(DisplayValues.percent(0)).isEqualTo("0%");
        assertThat(DisplayValues.duration(850)).isEqualTo("850 ms");
        assertThat(DisplayValues.duration(12_340)).isEqualTo("12.3 s");
        assertThat(DisplayValues.duration(125_000)).isEqualTo("2 min 05 s");
        assertThat(DisplayValues.duration(3_720_000)).isEqualTo("1 h 02 min");
    }
}
