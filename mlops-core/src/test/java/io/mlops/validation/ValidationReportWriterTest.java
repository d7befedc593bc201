package io.mlops.validation;

import io.mlops.report.ParsedXml;
import io.mlops.report.ReportJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class ValidationReportWriterTest {
    @TempDir
    private Path temp;

    @Test
    void shouldCreateTheReportDirectoryAndWriteAllFourFiles() throws Exception {
        // given
        var dir = temp.resolve("build/mlops/validate");
        var report = ValidationReportFixtures.typical();

        // when
        ValidationReportWriter.write(report, dir);

        // then
        try (Stream<Path> listing = Files.list(dir)) {
            assertThat(listing.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("report.json", "report.md", "report.html", "junit.xml");
        }
        assertThat(ReportJson.read(dir.resolve("report.json"), ValidationReport.class).summary())
                .isEqualTo(report.summary());
        assertThat(Files.readString(dir.resolve("report.md"))).startsWith("## ❌ Data validation failed");
        assertThat(Files.readString(dir.resolve("report.html"))).startsWith("<!DOCTYPE html>")
                .contains("<table class=\"checks\">");
        assertThat(ParsedXml.parse(Files.readString(dir.resolve("junit.xml"))).getDocumentElement()
                .getAttribute("failures")).isEqualTo("1");
    }

    @Test
    void shouldReplaceAPreviousReportCompletely() throws Exception {
        // given
        ValidationReportWriter.write(ValidationReportFixtures.hostile(), temp);

        // when
        ValidationReportWriter.write(ValidationReportFixtures.typical(), temp);

        // then
        for (String file : new String[] {"report.json", "report.md", "report.html", "junit.xml"}) {
            assertThat(Files.readString(temp.resolve(file))).as(file).doesNotContain("alert(1)");
        }
        try (Stream<Path> listing = Files.list(temp)) {
            assertThat(listing).hasSize(4);
        }
    }

    @Test
    void shouldRenderTheSameFilesItWrites() throws Exception {
        // given
        var report = ValidationReportFixtures.typical();

        // when
        ValidationReportWriter.write(report, temp);

        // then
        var files = ValidationReportWriter.files(report);
        assertThat(Files.readString(temp.resolve("report.json"))).isEqualTo(files.json());
        assertThat(Files.readString(temp.resolve("report.html"))).isEqualTo(files.html());
    }
}
