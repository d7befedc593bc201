package io.mlops.report;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class HtmlPageTest {
    private static final ReportHeader HEADER = new ReportHeader(ReportKind.MODEL_EVALUATION, Status.INCONCLUSIVE,
            "accuracy <b>gate</b> & more", Instant.parse("2025-01-02T03:04:05Z"), 65_000);

    @Test
    void shouldRenderSelfContainedDocumentWithoutScriptOrExternalResources() {
        // when
        var html = new HtmlPage(HEADER).section("gates", "Gates", Html.text("body")).render();

        // then
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<meta charset=\"utf-8\">", "<style>",
                "Content-Security-Policy", "default-src 'none'");
        assertThat(html).doesNotContainIgnoringCase("<script").doesNotContain("http://", "https://", "<link", "src=");
    }

    @Test
    void shouldShowStatusBannerWithEscapedSummaryAndTiming() {
        // when
        var html = new HtmlPage(HEADER).render();

        // then
        assertThat(html).contains("class=\"banner status-inconclusive\"", "? INCONCLUSIVE", "<h1>Model evaluation</h1>",
                "accuracy &lt;b&gt;gate&lt;/b&gt; &amp; more", "2025-01-02 03:04:05 UTC", "1 min 05 s",
                "<title>Model evaluation inconclusive: accuracy &lt;b&gt;gate&lt;/b&gt; &amp; more</title>");
    }

    @Test
    void shouldListSectionsInNavigationInOrder() {
        // when
        var html = new HtmlPage(HEADER).section("first", "First <1>", Html.EMPTY)
                .section("second", "Second", Html.text("x")).render();

        // then
        assertThat(html).contains("<a href=\"#first\">First &lt;1&gt;</a>", "<section id=\"second\"><h2>Second</h2>x</section>");
        assertThat(html.indexOf("id=\"first\"")).isLessThan(html.indexOf("id=\"second\""));
    }

    @Test
    void shouldRefuseInvalidOrDuplicateSectionIds() {
        var page = new HtmlPage(HEADER).section("a", "A", Html.EMPTY);

        assertThatIllegalArgumentException().isThrownBy(() -> page.section("a", "again", Html.EMPTY));
        assertThatIllegalArgumentException().isThrownBy(() -> page.section("x\" onclick=\"y", "B", Html.EMPTY));
    }

    @Test
    void shouldRenderFactsAsEscapedDefinitionList() {
        // given
        var facts = new LinkedHashMap<String, Object>();
        facts.put("Path", "/data/R&D/a.csv");
        facts.put("Rows", 1234L);

        // when
        var html = HtmlPage.facts(facts).toString();

        // then
        assertThat(html).isEqualTo("<dl class=\"facts\"><dt>Path</dt><dd>/data/R&amp;D/a.csv</dd>"
                + "<dt>Rows</dt><dd>1,234</dd></dl>");
    }
}
