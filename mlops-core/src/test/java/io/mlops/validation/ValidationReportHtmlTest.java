package io.mlops.validation;

import io.mlops.report.Status;
import io.mlops.validation.drift.ColumnDrift;
import io.mlops.validation.drift.DriftMethod;
import io.mlops.validation.drift.DriftReport;
import io.mlops.validation.drift.Histogram;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import static io.mlops.validation.ValidationReportFixtures.AMPERSAND_PATH;
import static io.mlops.validation.ValidationReportFixtures.IMG_VALUE;
import static io.mlops.validation.ValidationReportFixtures.SCRIPT_COLUMN;
import static org.assertj.core.api.Assertions.assertThat;

class ValidationReportHtmlTest {
    @Test
    void shouldShowHostileNamesValuesAndPathsAsTextNeverAsMarkup() {
        // when
        var html = ValidationReportHtml.render(ValidationReportFixtures.hostile());

        // then
        assertThat(html).doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("<img")
                .doesNotContain(SCRIPT_COLUMN, IMG_VALUE, AMPERSAND_PATH, "<b>");
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;",
                "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;", "/data/R&amp;D/train &amp; test.csv");
        assertThat(Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE).matcher(markupOnly(html)).find())
                .as("no event handler attribute in any tag").isFalse();
    }

    @Test
    void shouldListFailedChecksFirstThenWarningsThenPasses() {
        // when
        var html = ValidationReportHtml.render(ValidationReportFixtures.typical());

        // then
        var checks = section(html, "checks");
        assertThat(checks).contains("5 checks: 1 failed, 1 warning, 3 passed.");
        int failed = checks.indexOf("<tr class=\"failed\">");
        int warning = checks.indexOf("<tr class=\"warning\">");
        int passed = checks.indexOf("badge-passed");
        assertThat(failed).isPositive().isLessThan(warning);
        assertThat(warning).isLessThan(passed);
        assertThat(checks).contains("age is 130 in row 17, at most 120 expected.");
    }

    @Test
    void shouldShowDatasetsAndColumnProfilesWithQuantilesAndTopValues() {
        // when
        var html = ValidationReportHtml.render(ValidationReportFixtures.typical());

        // then
        assertThat(section(html, "datasets")).contains("data/current.csv", "data/reference.csv", "12,000",
                "ab".repeat(32));
        assertThat(section(html, "columns")).contains("p1 19 · p25 30 · p50 41 · p75 52 · p99 77",
                "US (800) · DE (400)", "96 (8%)", "250,000.50");
    }

    @Test
    void shouldChartDriftedAndNegligibleColumnsAndMarkNegligibleOnes() {
        // when
        var drift = section(ValidationReportHtml.render(ValidationReportFixtures.typical()), "drift");

        // then
        assertThat(drift).contains("no dataset drift", "1 of 3 compared columns drifted (33.3%)");
        assertThat(count(drift, "<svg")).isEqualTo(2);
        assertThat(count(drift, "<figure")).isEqualTo(2);
        assertThat(drift).contains("<title>Reference vs current distribution of age</title>",
                "<tr class=\"negligible\">", "negligible shift", "effect is negligible");
        assertThat(drift).contains("sketch (rank error ±0.0013)");
    }

    @Test
    void shouldDrawSharesSoDatasetsOfDifferentSizeCompare() {
        // when
        var drift = section(ValidationReportHtml.render(ValidationReportFixtures.typical()), "drift");

        // then
        assertThat(drift).contains("US — reference: 66.67% (8,000 rows)", "US — current: 65% (780 rows)");
    }

    @Test
    void shouldSayThatDriftWasNotTestedWithoutAReference() {
        // given
        var typical = ValidationReportFixtures.typical();
        var report = new ValidationReport(Status.PASSED, "ok", typical.startedAt(), 1, typical.dataset(), null,
                List.of(), Map.of(), null);

        // when
        var html = ValidationReportHtml.render(report);

        // then
        assertThat(html).contains("None given, so drift was not tested.", "0 checks.", "No columns were profiled.")
                .doesNotContain("id=\"drift\"");
    }

    @Test
    void shouldLimitChartsAndBarsSoLargeReportsStayFastToOpen() {
        // given
        var labels = IntStream.range(0, 100).mapToObj(i -> "v" + i).toList();
        var reference = LongStream.range(0, 100).boxed().toList();
        var current = LongStream.range(0, 100).map(i -> 100 - i).boxed().toList();
        var columns = new LinkedHashMap<String, ColumnDrift>();
        for (int i = 0; i < 60; i++) {
            columns.put("c" + i, new ColumnDrift(DriftMethod.JENSEN_SHANNON, 0.3, null, 0.1, true, "exact", null, null,
                    false, new Histogram(labels, reference, current)));
        }
        var typical = ValidationReportFixtures.typical();
        var report = new ValidationReport(Status.FAILED, "drift", typical.startedAt(), 1, typical.dataset(),
                typical.reference(), List.of(), Map.of(), new DriftReport(1, 0.5, true, columns));

        // when
        var drift = section(ValidationReportHtml.render(report), "drift");

        // then
        assertThat(count(drift, "<svg")).isEqualTo(ValidationReportHtml.MAX_CHARTS);
        assertThat(drift).contains("Charts are shown for the first 50 of 60 drifted columns",
                "Showing the 40 largest of 100 bins.");
        assertThat(count(drift, "<rect class=\"series-0\"")).isEqualTo(ValidationReportHtml.MAX_CHARTS
                * ValidationReportHtml.MAX_BINS);
    }

    private static String section(final String html, final String id) {
        int start = html.indexOf("<section id=\"" + id + "\">");
        assertThat(start).as("section %s", id).isNotNegative();
        return html.substring(start, html.indexOf("</section>", start));
    }

    private static int count(final String text, final String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }

    /** The tags of a document without their text, so that escaped text cannot look like an attribute. */
    private static String markupOnly(final String html) {
        return html.replaceAll(">[^<]*<", "><");
    }
}
