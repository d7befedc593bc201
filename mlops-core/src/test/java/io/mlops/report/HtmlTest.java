package io.mlops.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlTest {
    @Test
    void shouldEscapeAllCharactersThatAreSpecialInTextAndAttributes() {
        // given
        var hostile = "<script>alert('x')</script> & \"quoted\"";

        // when
        var text = Html.text(hostile).toString();

        // then
        assertThat(text).isEqualTo("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quoted&quot;");
    }

    @Test
    void shouldReplaceControlCharactersButKeepLineBreaksAndUnicode() {
        // when
        var text = Html.text("a\u0000b\u0007c\td\ne – ✓ 😀").toString();

        // then
        assertThat(text).isEqualTo("a\uFFFDb\uFFFDc\td\ne – ✓ 😀");
    }

    @Test
    void shouldTreatNullAsEmptyAndShowOtherValuesAsText() {
        assertThat(Html.text(null).isEmpty()).isTrue();
        assertThat(Html.text(42)).hasToString("42");
    }

    @Test
    void shouldConcatenateFragmentsWithoutReescapingThem() {
        // given
        var bold = HtmlElement.of("b").text("a<b").toHtml();

        // when
        var joined = Html.concat(bold, Html.text(" & more"));

        // then
        assertThat(joined).hasToString("<b>a&lt;b</b> &amp; more");
    }
}
