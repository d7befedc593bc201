package io.mlops.util;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DurationTextTest {
    @ParameterizedTest
    @CsvSource({"6h, PT6H", "90m, PT1H30M", "1h30m, PT1H30M", "45s, PT45S", "120, PT2H", "2H 15M, PT2H15M",
            "1d, PT24H", "PT6H, PT6H", "pt90s, PT1M30S"})
    void readsDurationsAsPeopleWriteThem(final String text, final Duration expected) {
        assertThat(DurationText.parse("timeout", text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"soon", "6 hours", "1w", "-5m", "P", "h", "99999999999m", "99999999d"})
    void refusesWhatIsNoDurationNamingTheField(final String text) {
        assertThatThrownBy(() -> DurationText.parse("timeout", text)).isInstanceOf(InputException.class)
                .hasMessage("timeout: '" + text + "' is not a duration: expected hours, minutes and seconds such as "
                        + "6h, 90m or 1h30m, or a number of minutes");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0m", "PT-1H", "PT0S"})
    void refusesDurationsThatAreNotLongerThanZero(final String text) {
        assertThatThrownBy(() -> DurationText.parse("pending-timeout", text)).isInstanceOf(InputException.class)
                .hasMessage("pending-timeout: must be longer than 0, got '" + text + "'");
    }
}
