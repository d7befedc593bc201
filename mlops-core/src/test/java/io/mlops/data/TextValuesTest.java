package io.mlops.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TextValuesTest {
    @Test
    void shouldParseIntegersFromASliceOfABuffer() {
        char[] buffer = "x,-1234,+56, 7 ".toCharArray();

        assertThat(TextValues.parseLong(buffer, 2, 5)).isEqualTo(-1234);
        assertThat(TextValues.parseLong(buffer, 8, 3)).isEqualTo(56);
        assertThat(TextValues.parseLong(buffer, 12, 3)).isEqualTo(7);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-", "1.5", "12a", "1e3", "99999999999999999999"})
    void shouldRejectTextThatIsNotAnInteger(final String text) {
        assertThatThrownBy(() -> TextValues.parseLong(text.toCharArray(), 0, text.length()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldParseNumbersLikeJava() {
        assertThat(parseDouble("3.25")).isEqualTo(3.25);
        assertThat(parseDouble("-1e-3")).isEqualTo(-0.001);
        assertThat(parseDouble("NaN")).isNaN();
        assertThatThrownBy(() -> parseDouble("3,25")).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-0", "-0.0", "5.", ".5", "0.1", "0.3", "2443.72", "-7169.93", "0.000012345678",
        "123456789012345", "1234567890.12345", "0.999999999999999", "1234567890123456", "9007199254740993",
        "1.7976931348623157", "4.9406564584124654"})
    void shouldParsePlainDecimalsToTheSameDoubleAsJava(final String text) {
        assertThat(Double.doubleToRawLongBits(parseDouble(text)))
                .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(text)));
    }

    @Test
    void shouldParseRandomDecimalsToTheSameDoubleAsJava() {
        var random = new Random(42);
        for (int i = 0; i < 100_000; i++) {
            var digits = new StringBuilder();
            for (int length = 1 + random.nextInt(17); digits.length() < length; ) {
                digits.append((char) ('0' + random.nextInt(10)));
            }
            int point = random.nextInt(digits.length() + 1);
            var text = (random.nextBoolean() ? "-" : "") + digits.substring(0, point) + "." + digits.substring(point);
            assertThat(parseDouble(text)).as(text).isEqualTo(Double.parseDouble(text));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {".", "-", "1.2.3", "1-2", "--1"})
    void shouldRejectTextThatIsNotANumber(final String text) {
        assertThatThrownBy(() -> parseDouble(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", "TRUE", " Yes ", "t", "1", "y"})
    void shouldParseTrueInAnyOfItsSpellings(final String text) {
        assertThat(TextValues.parseBoolean(text.toCharArray(), 0, text.length())).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"false", "False", "no", "f", "0", "N"})
    void shouldParseFalseInAnyOfItsSpellings(final String text) {
        assertThat(TextValues.parseBoolean(text.toCharArray(), 0, text.length())).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"tru", "falsey", "", "2"})
    void shouldRejectTextThatIsNotABoolean(final String text) {
        assertThatThrownBy(() -> TextValues.parseBoolean(text.toCharArray(), 0, text.length()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldParseIsoDatesAndTimesIntoEpochSeconds() {
        assertThat(TextValues.parseTimestamp("2024-01-31"))
                .isEqualTo(Instant.parse("2024-01-31T00:00:00Z").getEpochSecond());
        assertThat(TextValues.parseTimestamp("2024-01-31T12:30:15Z"))
                .isEqualTo(Instant.parse("2024-01-31T12:30:15Z").getEpochSecond());
        assertThat(TextValues.parseTimestamp("2024-01-31 12:30"))
                .isEqualTo(Instant.parse("2024-01-31T12:30:00Z").getEpochSecond());
        assertThat(TextValues.parseTimestamp("2024-01-31T12:30:15.250+02:00"))
                .isEqualTo(Instant.parse("2024-01-31T10:30:15.250Z").toEpochMilli() / 1000.0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "2024-13-01", "2024-01-31T25:00", "2024-01-31X", "2024/01/31"})
    void shouldRejectTextThatIsNotATimestamp(final String text) {
        assertThatThrownBy(() -> TextValues.parseTimestamp(text)).isInstanceOf(RuntimeException.class);
    }

    @Test
    void shouldFormatNumbersSoThatTheyReadBackExactly() {
        assertThat(TextValues.formatNumber(42.0)).isEqualTo("42");
        assertThat(TextValues.formatNumber(0.125)).isEqualTo("0.125");
        assertThat(TextValues.formatNumber(12345678.9)).isEqualTo("12345678.9");
        assertThat(TextValues.formatNumber(0.000012345678)).isEqualTo("0.000012345678");
        for (double value : new double[] {1.0 / 3, Math.PI * 1e20, -2.5e-12}) {
            assertThat(Double.parseDouble(TextValues.formatNumber(value))).isEqualTo(value);
        }
    }

    private static double parseDouble(final String text) {
        return TextValues.parseDouble(text.toCharArray(), 0, text.length());
    }
}
