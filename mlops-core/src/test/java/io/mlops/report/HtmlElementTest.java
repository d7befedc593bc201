package io.mlops.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class HtmlElementTest {
    @Test
    void shouldEscapeAttributeValuesAndText() {
        // when
        var html = HtmlElement.of("td").cls("x\" onmouseover=\"alert(1)").attr("title", "<b>'t'</b>")
                .text("\"><img src=x onerror=alert(1)>").toString();

        // then
        assertThat(html).isEqualTo("<td class=\"x&quot; onmouseover=&quot;alert(1)\" title=\"&lt;b&gt;&#39;t&#39;&lt;/b&gt;\">"
                + "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;</td>");
    }

    @ParameterizedTest
    @ValueSource(strings = {"onclick", "onClick", "oNerror", "style", "sTyle", "href", "src", "srcdoc", "formaction"})
    void shouldRefuseAttributesThatRunCodeOrLoadResources(final String attribute) {
        assertThatIllegalArgumentException().isThrownBy(() -> HtmlElement.of("a").attr(attribute, "x"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"script", "iframe", "object", "embed", "foreignObject", "img src=x", "a\"", "", "1a"})
    void shouldRefuseDangerousOrMalformedTagNames(final String tag) {
        assertThatIllegalArgumentException().isThrownBy(() -> HtmlElement.of(tag));
    }

    @Test
    void shouldAllowSvgCamelCaseAttributes() {
        assertThat(HtmlElement.of("svg").attr("viewBox", "0 0 1 1").toString()).isEqualTo("<svg viewBox=\"0 0 1 1\"></svg>");
    }

    @Test
    void shouldSkipNullAttributesAndBlankClasses() {
        assertThat(HtmlElement.of("p").cls(" ").attr("title", null).toString()).isEqualTo("<p></p>");
    }

    @Test
    void shouldWriteVoidElementsWithoutEndTag() {
        assertThat(HtmlElement.of("br").toString()).isEqualTo("<br>");
    }

    @Test
    void shouldNestChildElements() {
        // when
        var html = HtmlElement.of("ul").add(HtmlElement.of("li").text("a"), HtmlElement.of("li").text("b")).toString();

        // then
        assertThat(html).isEqualTo("<ul><li>a</li><li>b</li></ul>");
    }
}
