package io.mlops.report;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MarkdownDocumentTest {
    @Test
    void shouldStartWithStatusHeadlineSummaryAndTiming() {
        // given
        var header = new ReportHeader(ReportKind.DATA_VALIDATION, Status.FAILED, "2 checks | failed",
                Instant.parse("2025-01-02T03:04:05Z"), 1500);

        // when
        var markdown = MarkdownDocument.withHeadline(header).render();

        // then
        assertThat(markdown).isEqualTo("## ❌ Data validation failed\n\n2 checks \\| failed\n\n"
                + "<sub>Started 2025-01-02 03:04:05 UTC · took 1.5 s · mlops validateData</sub>\n");
    }

    @Test
    void shouldSeparateBlocksWithBlankLinesAndNestDetails() {
        // given
        var body = new MarkdownDocument().table(new MarkdownTable("A").row("x"));

        // when
        var markdown = new MarkdownDocument().heading(3, "Checks <all>")
                .bullets(List.of(Markdown.text("one"), Markdown.text("two")))
                .details("All <3> checks", body).render();

        // then
        assertThat(markdown).isEqualTo("### Checks &lt;all&gt;\n\n- one\n- two\n\n"
                + "<details>\n<summary>All &lt;3&gt; checks</summary>\n\n| A |\n| --- |\n| x |\n\n</details>\n");
    }

    @Test
    void shouldSkipEmptyParagraphsAndLists() {
        assertThat(new MarkdownDocument().paragraph(Markdown.EMPTY).bullets(List.of()).render()).isEqualTo("\n");
    }

    @Test
    void shouldRefuseHeadingLevelsMarkdownDoesNotHave() {
        assertThatIllegalArgumentException().isThrownBy(() -> new MarkdownDocument().heading(7, "x"));
    }
}
