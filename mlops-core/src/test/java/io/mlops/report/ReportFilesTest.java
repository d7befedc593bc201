package io.mlops.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class ReportFilesTest {
    @TempDir
    private Path temp;

    @Test
    void shouldCreateTheDirectoryAndWriteTheFourFilesAsUtf8() throws Exception {
        // given
        var dir = temp.resolve("nested/reports");
        var files = new ReportFiles("{\"a\": \"ä\"}\n", "# ✅\n", "<p>😀</p>", "<testsuite/>");

        // when
        files.writeTo(dir);

        // then
        assertThat(Files.readString(dir.resolve("report.json"), StandardCharsets.UTF_8)).isEqualTo("{\"a\": \"ä\"}\n");
        assertThat(Files.readString(dir.resolve("report.md"), StandardCharsets.UTF_8)).isEqualTo("# ✅\n");
        assertThat(Files.readString(dir.resolve("report.html"), StandardCharsets.UTF_8)).isEqualTo("<p>😀</p>");
        assertThat(Files.readString(dir.resolve("junit.xml"), StandardCharsets.UTF_8)).isEqualTo("<testsuite/>");
    }

    @Test
    void shouldReplaceAnOldReportAndLeaveNoTemporaryFiles() throws Exception {
        // given
        new ReportFiles("old json with more text", "old", "old", "old").writeTo(temp);

        // when
        new ReportFiles("new", "new", "new", "new").writeTo(temp);

        // then
        try (Stream<Path> listing = Files.list(temp)) {
            assertThat(listing.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("report.json", "report.md", "report.html", "junit.xml");
        }
        assertThat(Files.readString(temp.resolve("report.json"))).isEqualTo("new");
    }

    @Test
    void shouldWriteASingleFileAtomicallyOverAnExistingOne() throws Exception {
        // given
        var target = temp.resolve("report.md");
        Files.writeString(target, "previous");

        // when
        ReportFiles.writeAtomically(target, "current");

        // then
        assertThat(Files.readString(target)).isEqualTo("current");
        try (Stream<Path> listing = Files.list(temp)) {
            assertThat(listing).hasSize(1);
        }
    }
}
