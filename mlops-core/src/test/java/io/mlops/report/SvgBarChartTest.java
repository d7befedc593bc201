package io.mlops.report;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SvgBarChartTest {
    @Test
    void shouldDrawOneBarPerSeriesAndLabelAsWellFormedSvg() throws Exception {
        // given
        var chart = new SvgBarChart("Distribution of <age>", List.of("[0, 10)", "[10, 20)", "[20, 30)"),
                List.of(new SvgBarChart.Series("reference", List.of(10.0, 50.0, 40.0), List.of("1 row", "5 rows", "4 rows")),
                        new SvgBarChart.Series("current", List.of(20.0, 30.0, 50.0))), "%");

        // when
        var svg = chart.toHtml().toString();

        // then
        var document = ParsedXml.parse(svg);
        var bars = ParsedXml.elements(document, "rect").stream().filter(r -> r.getAttribute("class").startsWith("series-"))
                .toList();
        assertThat(bars).hasSize(6);
        assertThat(bars.get(0).getElementsByTagName("title").item(0).getTextContent())
                .isEqualTo("[0, 10) — reference: 10% (1 row)");
        assertThat(document.getDocumentElement().getElementsByTagName("title").item(0).getTextContent())
                .isEqualTo("Distribution of <age>");
        assertThat(svg).contains(">reference</text>", ">current</text>", ">50%</text>");
    }

    @Test
    void shouldEscapeHostileLabelsAndSeriesNames() {
        // given
        var chart = new SvgBarChart("t", List.of("\"><img src=x onerror=alert(1)>"),
                List.of(new SvgBarChart.Series("<script>alert(1)</script>", List.of(1.0))), "");

        // when
        var svg = chart.toHtml().toString();

        // then
        assertThat(svg).doesNotContain("<img", "<script").contains("&lt;script&gt;alert(1)&lt;/script&gt;",
                "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;");
    }

    @Test
    void shouldShortenLongLabelsButKeepThemWholeInTooltips() {
        // given
        var label = "a-very-long-category-value-that-goes-on";
        var chart = new SvgBarChart("t", List.of(label), List.of(new SvgBarChart.Series("s", List.of(1.0))), "");

        // when
        var svg = chart.toHtml().toString();

        // then
        assertThat(svg).contains("<title>" + label + "</title>", ">a-very-long-categ…</text>");
    }

    @Test
    void shouldDrawNoBarForMissingValuesAndScaleAnEmptyChart() {
        // given
        var chart = new SvgBarChart("t", List.of("a", "b"),
                List.of(new SvgBarChart.Series("s", List.of(Double.NaN, 0.0))), "");

        // when
        var svg = chart.toHtml().toString();

        // then
        assertThat(svg).contains("height=\"0.0\"").doesNotContain("NaN\"", "Infinity");
    }

    @Test
    void shouldRoundTheAxisUpToANiceNumber() {
        assertThat(SvgBarChart.niceMax(0.0)).isEqualTo(1.0);
        assertThat(SvgBarChart.niceMax(7.0)).isEqualTo(10.0);
        assertThat(SvgBarChart.niceMax(43.0)).isEqualTo(50.0);
        assertThat(SvgBarChart.niceMax(21.0)).isEqualTo(25.0);
        assertThat(SvgBarChart.niceMax(100.0)).isEqualTo(100.0);
        assertThat(SvgBarChart.niceMax(0.013)).isEqualTo(0.02);
    }

    @Test
    void shouldRefuseSeriesThatDoNotMatchTheLabels() {
        assertThatIllegalArgumentException().isThrownBy(() -> new SvgBarChart("t", List.of("a", "b"),
                List.of(new SvgBarChart.Series("s", List.of(1.0))), ""));
    }
}
