package io.mlops.validation;

import io.mlops.report.Status;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class ValidationReportMarkdownTest {
    private static final Pattern UNESCAPED_PIPE = Pattern.compile("(?<!\\\\)\\|");

    @Test
    void shouldStartWithVerdictDatasetAndFailedChecksBeforeTheTables() {
        // when
        var markdown = ValidationReportMarkdown.render(ValidationReportFixtures.typical());

        // then
        assertThat(markdown).startsWith("## ❌ Data validation failed\n\n1 of 5 checks failed: max(age).\n");
        assertThat(markdown).contains("**Dataset:** data/current.csv (csv, 1,200 rows × 3 columns, SHA-256 ",
                "**Reference:** data/reference.csv (csv, 12,000 rows × 3 columns",
                "### Failed checks (1)\n\n- **max** on age: age is 130 in row 17, at most 120 expected.",
                "### Warnings (1)\n\n- **maxMissingFraction** on income:");
        assertThat(markdown.indexOf("### Failed checks")).isLessThan(markdown.indexOf("### Warnings"));
        assertThat(markdown.indexOf("### Warnings")).isLessThan(markdown.indexOf("<details>"));
    }

    @Test
    void shouldCollapseAllChecksWithFailuresFirst() {
        // when
        var markdown = ValidationReportMarkdown.render(ValidationReportFixtures.typical());

        // then
        assertThat(markdown).contains("<details>\n<summary>All 5 checks: 1 failed, 1 warning, 3 passed.</summary>\n\n"
                + "| Result | Check | Column | Severity | Observed | Expected | Message |\n"
                + "| --- | --- | --- | --- | --- | --- | --- |\n"
                + "| ❌ failed | max | age | error | 130 | 120 | age is 130 in row 17, at most 120 expected. |\n"
                + "| ⚠️ warning | maxMissingFraction |");
        assertThat(markdown).contains("| ✅ passed | rows | dataset | error | 1,200 | min: 1,000 |");
    }

    @Test
    void shouldShowDriftTableWithMethodStatisticPValueThresholdAndVerdict() {
        // when
        var markdown = ValidationReportMarkdown.render(ValidationReportFixtures.typical());

        // then
        assertThat(markdown).contains("### Drift\n\n1 of 3 compared columns drifted (33.3%); the dataset drifts at 50%: "
                + "no dataset drift.", "| Column | Method | Statistic | p-value | Threshold | Verdict |",
                "| age | ks | 0.21 | 0.0004 | 0.05 | ⚠️ drifted |",
                "| country | chi2 | 9.2 | 0.002 | 0.05 | ℹ️ negligible shift |",
                "| income | wasserstein | 0.02 | — | 0.1 | ✅ no drift |");
    }

    @Test
    void shouldShowACompactColumnProfile() {
        // when
        var markdown = ValidationReportMarkdown.render(ValidationReportFixtures.typical());

        // then
        assertThat(markdown).contains("<summary>Column profile — 3 columns</summary>",
                "| income | number | 96 (8%) | 1,090 | 0 | 250,000.50 | 52,000.75 |");
    }

    @Test
    void shouldKeepTablesIntactAndHtmlInertWhateverTheDataContains() {
        // when
        var markdown = ValidationReportMarkdown.render(ValidationReportFixtures.hostile());

        // then
        var tableLines = markdown.lines().filter(l -> l.startsWith("| ")).toList();
        assertThat(tableLines).isNotEmpty().allSatisfy(line -> {
            long pipes = UNESCAPED_PIPE.matcher(line).results().count();
            assertThat(pipes).as(line).isIn(7L, 8L);
        });
        assertThat(tableLines.stream().filter(l -> l.startsWith("| Result"))).hasSize(1);
        assertThat(markdown).doesNotContain("<script", "<img", "<b>", "@everyone", "`x|y`")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;", "/data/R&amp;D/train &amp; test.csv",
                        "a\\|b \\`code\\` second line", "@&#8203;everyone");
    }

    @Test
    void shouldCapLongTablesAndPointToTheHtmlReport() {
        // given
        var checks = IntStream.range(0, 250).mapToObj(i -> new CheckResult("type", "c" + i, Severity.ERROR,
                Status.PASSED, "integer", "integer", null)).toList();
        var typical = ValidationReportFixtures.typical();
        var report = new ValidationReport(Status.PASSED, "ok", typical.startedAt(), 1, typical.dataset(), null,
                checks, Map.of(), null);

        // when
        var markdown = ValidationReportMarkdown.render(report);

        // then
        assertThat(markdown.lines().filter(l -> l.startsWith("| ✅ passed"))).hasSize(ValidationReportMarkdown.MAX_ROWS);
        assertThat(markdown).contains("… and 50 more; see report.html.").doesNotContain("### Failed checks",
                "### Drift", "Column profile");
        assertThat(List.of(markdown.split("\n")).get(0)).isEqualTo("## ✅ Data validation passed");
    }
}
