package io.mlops.registry;

import io.mlops.util.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

class TagListTest {
    @Test
    void shouldReadOnePairPerLineInTheOrderGiven() {
        var tags = TagList.parse("team = fraud\r\ndataset=2024-06\n\n  owner=ml@example.com  \n");

        assertThat(tags).containsExactly(entry("team", "fraud"), entry("dataset", "2024-06"),
                entry("owner", "ml@example.com"));
    }

    @Test
    void shouldReadCommaSeparatedPairsAndKeepEqualsSignsAndEmptyValuesInValues() {
        var tags = TagList.parse("team=fraud, query=a=b,reviewed=");

        assertThat(tags).containsExactly(entry("team", "fraud"), entry("query", "a=b"), entry("reviewed", ""));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", " , \n ,"})
    void shouldReadNothingFromBlankText(final String text) {
        assertThat(TagList.parse(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"team", "=fraud", "team=fraud, owner"})
    void shouldRejectAPairWithoutKeyOrEqualsSign(final String text) {
        assertThatThrownBy(() -> TagList.parse(text)).isInstanceOf(InputException.class)
                .hasMessageStartingWith("tags: '").hasMessageEndingWith("' is not a tag: expected key=value, "
                        + "one per line or comma-separated");
    }

    @Test
    void shouldRejectAKeyGivenTwice() {
        assertThatThrownBy(() -> TagList.parse("team=fraud\nteam=risk")).isInstanceOf(InputException.class)
                .hasMessage("tags: 'team' is given twice: expected each key once");
    }
}
