package io.mlops.validation;

import io.mlops.report.ErrorReport;
import io.mlops.report.ErrorReportWriter;
import io.mlops.report.BrowserTestBase;
import io.mlops.report.ReportKind;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.regex.Pattern;

import static io.mlops.report.HeadlessChromium.SCRIPT_ELEMENT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Opens report.html in headless Chromium: the page renders its tables and charts, user data with markup in
 * it shows as text, no script element exists, and the browser logs nothing (no script errors, no
 * Content-Security-Policy violations, which injected markup would cause).
 */
class ValidationReportBrowserIT extends BrowserTestBase {
    private static final Pattern INJECTED_ELEMENT = Pattern.compile("<(img|iframe|object|embed|link)[\\s>/]",
            Pattern.CASE_INSENSITIVE);

    @Test
    void shouldRenderHostileNamesAsTextWithoutScriptOrConsoleMessages() throws Exception {
        // given
        var reports = temp.resolve("reports");
        ValidationReportWriter.write(ValidationReportFixtures.hostile(), reports);

        // when
        var page = chromium.render(reports.resolve("report.html"), temp);

        // then
        var dom = page.quietDom();
        assertThat(INJECTED_ELEMENT.matcher(dom).find()).as("an element injected by data").isFalse();
        assertThat(checksTableRows(dom)).isEqualTo(ValidationReportFixtures.hostile().checks().size());
        assertThat(dom).contains("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;img src=x onerror=alert(1)&gt;",
                "/data/R&amp;D/train &amp; test.csv", "<svg class=\"chart\"");
    }

    @Test
    void shouldRenderTablesAndOneChartPerDriftedColumn() throws Exception {
        // given
        var reports = temp.resolve("reports");
        ValidationReportWriter.write(ValidationReportFixtures.typical(), reports);

        // when
        var page = chromium.render(reports.resolve("report.html"), temp);

        // then
        assertThat(page.consoleMessages()).as("console; log:%n%s", page.log()).isEmpty();
        assertThat(checksTableRows(page.dom())).isEqualTo(ValidationReportFixtures.typical().checks().size());
        assertThat(page.dom()).contains("<table class=\"columns\">", "<table class=\"drift\">");
        assertThat(page.dom().split("<svg class=\"chart\"", -1)).hasSize(3);
    }

    @Test
    void shouldRenderTheErrorReport() throws Exception {
        // given
        var reports = temp.resolve("reports");
        ErrorReportWriter.write(new ErrorReport(ReportKind.DATA_VALIDATION,
                "data.csv, line 2, column 1: expected a number, found '<script>alert(1)</script>'",
                ValidationReportFixtures.STARTED, 10), reports);

        // when
        var page = chromium.render(reports.resolve("report.html"), temp);

        // then
        assertThat(page.quietDom()).contains("banner status-error", "&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    @Test
    void shouldSeeConsoleMessagesOfAPageThatHasThemSoTheChecksAboveCanFail() throws Exception {
        // given a page with a script error and an injected image, under the report's policy
        var page = temp.resolve("control.html");
        Files.writeString(page, "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>control</title></head>"
                + "<body><p>control</p><script>console.error('deliberate console error'); missingFunction();</script>"
                + "</body></html>");

        // when
        var rendering = chromium.render(page, temp);

        // then
        assertThat(rendering.consoleMessages()).anySatisfy(m -> assertThat(m).contains("deliberate console error"))
                .anySatisfy(m -> assertThat(m).contains("missingFunction is not defined"));
        assertThat(SCRIPT_ELEMENT.matcher(rendering.dom()).find()).isTrue();
    }

    /** Rows in the body of the checks table. */
    private static int checksTableRows(final String dom) {
        int table = dom.indexOf("<table class=\"checks\">");
        assertThat(table).as("the checks table in the DOM").isNotNegative();
        var body = dom.substring(dom.indexOf("<tbody>", table), dom.indexOf("</tbody>", table));
        return body.split("<tr[\\s>]", -1).length - 1;
    }
}
