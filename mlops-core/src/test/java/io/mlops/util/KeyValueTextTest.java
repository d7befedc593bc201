package io.mlops.util;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

class KeyValueTextTest {
    @Test
    void shouldReadOnePairPerLineInTheOrderGiven() {
        var tags = KeyValueText.TAGS.parse("tags", "team = fraud\r\ndataset=2024-06\n\n  owner=ml@example.com  \n");

        assertThat(tags).containsExactly(entry("team", "fraud"), entry("dataset", "2024-06"),
                entry("owner", "ml@example.com"));
    }

    @Test
    void shouldReadCommaSeparatedPairsAndKeepEqualsSignsAndEmptyValuesInValues() {
        var tags = KeyValueText.TAGS.parse("tags", "team=fraud, query=a=b,reviewed=");

        assertThat(tags).containsExactly(entry("team", "fraud"), entry("query", "a=b"), entry("reviewed", ""));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", " , \n ,"})
    void shouldReadNothingFromBlankText(final String text) {
        assertThat(KeyValueText.TAGS.parse("tags", text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"team", "=fraud", "team=fraud, owner"})
    void shouldRejectAPairWithoutKeyOrEqualsSign(final String text) {
        assertThatThrownBy(() -> KeyValueText.TAGS.parse("tags", text)).isInstanceOf(InputException.class)
                .hasMessageStartingWith("tags: '").hasMessageEndingWith("' is not a tag: expected key=value, "
                        + "one per line or comma-separated");
    }

    @Test
    void shouldRejectAKeyGivenTwice() {
        assertThatThrownBy(() -> KeyValueText.TAGS.parse("tags", "team=fraud\nteam=risk")).isInstanceOf(InputException.class)
                .hasMessage("tags: 'team' is given twice: expected each key once");
    }

    @Test
    void shouldReadLinesWithCommasInValuesAndSkipComments() {
        var pairs = KeyValueText.LINES.parse("env", "# layers\nLAYERS = 64,128\n\n  LR=0.1  ");

        assertThat(pairs).containsExactly(entry("LAYERS", "64,128"), entry("LR", "0.1"));
        assertThatThrownBy(() -> KeyValueText.LINES.parse("env", "EPOCHS")).isInstanceOf(InputException.class)
                .hasMessage("env: 'EPOCHS' is not a pair: expected KEY=value, one per line");
    }
}
