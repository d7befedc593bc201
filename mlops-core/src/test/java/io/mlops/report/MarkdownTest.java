package io.mlops.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownTest {
    @Test
    void shouldEscapePipesAndBackticksSoCellsStayCells() {
        assertThat(Markdown.escape("a|b `code`")).isEqualTo("a\\|b \\`code\\`");
    }

    @Test
    void shouldTurnLineBreaksAndControlCharactersIntoSpaces() {
        assertThat(Markdown.escape("one\r\ntwo\nthree\rfour\u0000five")).isEqualTo("one two three four five");
    }

    @Test
    void shouldTurnHtmlIntoEntities() {
        assertThat(Markdown.escape("<img src=x onerror=alert(1)> & <b>"))
                .isEqualTo("&lt;img src=x onerror=alert(1)&gt; &amp; &lt;b&gt;");
    }

    @Test
    void shouldEscapeEmphasisLinksAndHeadings() {
        assertThat(Markdown.escape("*bold* _it_ [link](javascript:x) ~~s~~ #1 \\"))
                .isEqualTo("\\*bold\\* \\_it\\_ \\[link\\](javascript:x) \\~\\~s\\~\\~ \\#1 \\\\");
    }

    @Test
    void shouldNotMentionPeopleWhenPostedAsComment() {
        assertThat(Markdown.escape("ping @everyone")).isEqualTo("ping @&#8203;everyone");
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "- item; \\- item",
            "+ item; \\+ item",
            "1. first; 1\\. first",
            "12) twelfth; 12\\) twelfth",
            "-0.5; -0.5",
            "0.08; 0.08",
            "2024.1 release; 2024.1 release"})
    void shouldEscapeOnlyLeadingListMarkers(final String text, final String expected) {
        assertThat(Markdown.escape(text)).isEqualTo(expected);
    }

    @Test
    void shouldBoldEscapedTextAndJoinFragments() {
        assertThat(Markdown.concat(Markdown.bold("a*b"), Markdown.text(" c"))).hasToString("**a\\*b** c");
        assertThat(Markdown.bold("")).isEqualTo(Markdown.EMPTY);
        assertThat(Markdown.text(null).isEmpty()).isTrue();
    }
}
