package io.mlops.validation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RepeatedStringsTest {
    @Test
    void shouldReturnTheSameStringForARepeatedValue() {
        var strings = new RepeatedStrings(64);
        char[] buffer = "US,DE,US".toCharArray();

        var first = strings.of(buffer, 0, 2);
        var again = strings.of(buffer, 6, 2);

        assertThat(first).isEqualTo("US");
        assertThat(again).isSameAs(first);
        assertThat(strings.of(buffer, 3, 2)).isEqualTo("DE");
    }

    @Test
    void shouldNeverConfuseValuesThatShareASlot() {
        var strings = new RepeatedStrings(1);
        char[] buffer = "Aa,BB,Aa".toCharArray();

        assertThat(strings.of(buffer, 0, 2)).isEqualTo("Aa");
        assertThat(strings.of(buffer, 3, 2)).isEqualTo("BB");
        assertThat(strings.of(buffer, 6, 2)).isEqualTo("Aa");
    }

    @Test
    void shouldNotKeepLongValues() {
        var strings = new RepeatedStrings(64);
        char[] buffer = "x".repeat(RepeatedStrings.MAX_CHARS + 1).toCharArray();

        var first = strings.of(buffer, 0, buffer.length);

        assertThat(strings.of(buffer, 0, buffer.length)).isEqualTo(first).isNotSameAs(first);
    }

    @Test
    void shouldRefuseATableSizeThatIsNoPowerOfTwo() {
        assertThatThrownBy(() -> new RepeatedStrings(100)).isInstanceOf(IllegalArgumentException.class);
    }
}
