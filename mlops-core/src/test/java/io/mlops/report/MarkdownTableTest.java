package io.mlops.report;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MarkdownTableTest {
    private static final Pattern UNESCAPED_PIPE = Pattern.compile("(?<!\\\\)\\|");

    @Test
    void shouldKeepEveryRowOnOneLineWithItsCellsWhateverTheyContain() {
        // given
        var table = new MarkdownTable("Column", "Message", "Count");

        // when
        var markdown = table.row("a|b `c`\nd", "<script>alert(1)</script>", 3L)
                .row("x", null, 12345L).toMarkdown().toString();

        // then
        var lines = markdown.split("\n");
        assertThat(lines).hasSize(4);
        assertThat(Arrays.stream(lines).map(l -> UNESCAPED_PIPE.matcher(l).results().count()))
                .containsOnly(4L);
        assertThat(lines[2]).isEqualTo("| a\\|b \\`c\\` d | &lt;script&gt;alert(1)&lt;/script&gt; | 3 |");
        assertThat(lines[3]).isEqualTo("| x | — | 12,345 |");
    }

    @Test
    void shouldRightAlignColumnsWhoseCellsAreAllNumbers() {
        // when
        var markdown = new MarkdownTable("Name", "Value", "Mixed").row("a", 1.5, 1).row("b", null, "n/a")
                .toMarkdown().toString();

        // then
        assertThat(markdown.split("\n")[1]).isEqualTo("| --- | ---: | --- |");
    }

    @Test
    void shouldPassMarkdownCellsThrough() {
        // when
        var markdown = new MarkdownTable("A").row(Markdown.bold("x")).toMarkdown().toString();

        // then
        assertThat(markdown).endsWith("| **x** |");
    }

    @Test
    void shouldRefuseRowsWithTheWrongNumberOfCells() {
        assertThatIllegalArgumentException().isThrownBy(() -> new MarkdownTable("A", "B").row("x"));
    }
}
