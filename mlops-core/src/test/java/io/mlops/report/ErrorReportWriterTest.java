package io.mlops.report;

import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorReportWriterTest {
    private static final String CAUSE = "data/R&D.csv, line 3, column 2: expected a number, found '<b>x</b>'";
    private static final ErrorReport REPORT = new ErrorReport(ReportKind.DATA_VALIDATION, CAUSE,
            Instant.parse("2025-03-01T12:00:00Z"), 42);

    @TempDir
    private Path dir;

    @Test
    void shouldWriteReportJsonWithTheTopLevelFieldsOfEveryKindInContractOrder() throws Exception {
        // when
        ErrorReportWriter.write(REPORT, dir);

        // then
        var tree = JsonMapper.builder().build().readTree(Files.readString(dir.resolve("report.json")));
        var names = new ArrayList<String>();
        tree.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactly("schemaVersion", "kind", "status", "summary", "startedAt", "durationMs");
        assertThat(tree.get("schemaVersion").intValue()).isEqualTo(1);
        assertThat(tree.get("kind").textValue()).isEqualTo("data-validation");
        assertThat(tree.get("status").textValue()).isEqualTo("ERROR");
        assertThat(tree.get("summary").textValue()).isEqualTo(CAUSE);
        assertThat(tree.get("startedAt").textValue()).isEqualTo("2025-03-01T12:00:00Z");
        assertThat(tree.get("durationMs").longValue()).isEqualTo(42);
    }

    @Test
    void shouldStreamExactlyWhatDataBindingWritesFromTheRecordAnnotations() {
        // when
        var files = ErrorReportWriter.files(REPORT);

        // then
        assertThat(files.json()).isEqualTo(ReportJson.toJson(REPORT));
    }

    @Test
    void shouldReadReportJsonBack() throws Exception {
        // given
        ErrorReportWriter.write(REPORT, dir);

        // when
        var read = ReportJson.read(dir.resolve("report.json"), ErrorReport.class);

        // then
        assertThat(read).isEqualTo(REPORT);
        assertThat(read.status()).isEqualTo(Status.ERROR);
    }

    @Test
    void shouldWriteJunitXmlWithOneErroredTestCase() throws Exception {
        // when
        ErrorReportWriter.write(REPORT, dir);

        // then
        var document = ParsedXml.parse(Files.readString(dir.resolve("junit.xml")));
        assertThat(document.getDocumentElement().getAttribute("errors")).isEqualTo("1");
        assertThat(ParsedXml.elements(document, "testcase")).singleElement().satisfies(testCase -> {
            assertThat(testCase.getAttribute("classname")).isEqualTo("mlops.validateData");
            assertThat(testCase.getAttribute("name")).isEqualTo("validateData");
        });
        assertThat(ParsedXml.elements(document, "error").get(0).getAttribute("message")).isEqualTo(CAUSE);
    }

    @Test
    void shouldWriteMarkdownAndHtmlThatShowTheEscapedCause() throws Exception {
        // when
        ErrorReportWriter.write(REPORT, dir);

        // then
        assertThat(Files.readString(dir.resolve("report.md"))).startsWith("## ⛔ Data validation error\n")
                .contains("data/R&amp;D.csv, line 3, column 2: expected a number, found '&lt;b&gt;x&lt;/b&gt;'");
        assertThat(Files.readString(dir.resolve("report.html"))).contains("status-error", "⚠ ERROR",
                "data/R&amp;D.csv, line 3, column 2: expected a number, found &#39;&lt;b&gt;x&lt;/b&gt;&#39;")
                .doesNotContain("<b>x</b>");
    }

    @Test
    void shouldMeasureTheDurationSinceTheStartAndFillAMissingMessage() {
        // when
        var report = ErrorReport.since(ReportKind.CANARY, " ", Instant.now().minusSeconds(2));

        // then
        assertThat(report.durationMs()).isBetween(2000L, 60_000L);
        assertThat(report.summary()).isEqualTo("the step failed without a message");
        assertThat(report.header().status()).isEqualTo(Status.ERROR);
    }
}
