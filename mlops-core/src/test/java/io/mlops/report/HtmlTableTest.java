package io.mlops.report;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class HtmlTableTest {
    @Test
    void shouldEscapeCellsAndHeadersAndRightAlignNumbers() {
        // given
        var table = new HtmlTable("checks", List.of("Name <1>", "Count"));

        // when
        var html = table.rowWithClass("failed", "<script>x</script>", 12345L).toHtml().toString();

        // then
        assertThat(html).contains("<table class=\"checks\">", "<th scope=\"col\">Name &lt;1&gt;</th>",
                "<tr class=\"failed\"><td>&lt;script&gt;x&lt;/script&gt;</td><td class=\"num\">12,345</td></tr>");
        assertThat(html).doesNotContain("<script>");
    }

    @Test
    void shouldPassMarkupCellsThroughAndShowNullAsDash() {
        // given
        var table = new HtmlTable(null, List.of("A", "B"));

        // when
        var html = table.row(HtmlElement.of("b").text("x").toHtml(), null).toHtml().toString();

        // then
        assertThat(html).contains("<td><b>x</b></td><td>—</td>");
        assertThat(table.rowCount()).isEqualTo(1);
    }

    @Test
    void shouldRefuseRowsWithTheWrongNumberOfCells() {
        var table = new HtmlTable("t", List.of("A", "B"));

        assertThatIllegalArgumentException().isThrownBy(() -> table.row("only one"));
    }
}
