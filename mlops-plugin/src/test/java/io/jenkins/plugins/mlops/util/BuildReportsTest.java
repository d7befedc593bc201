package io.jenkins.plugins.mlops.util;

import hudson.FilePath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class BuildReportsTest {
    @Test
    void shouldGiveEachValidationOfABuildItsOwnFolder(@TempDir final Path buildDir) throws IOException {
        var reports = new BuildReports(buildDir.toFile(), "validation");

        assertThat(reports.newId()).isEqualTo("validation-1");
        assertThat(reports.newId()).isEqualTo("validation-2");
        assertThat(reports.reportFile("validation-2")).isEqualTo(buildDir.resolve("mlops/validation-2/report.json"));
        assertThat(buildDir.resolve("mlops/validation-2")).isDirectory();
        assertThat(BuildReports.number("validation-2")).isEqualTo(2);
    }

    @Test
    void shouldKeepParallelValidationsApart(@TempDir final Path buildDir) throws InterruptedException {
        var reports = new BuildReports(buildDir.toFile(), "validation");
        var executor = Executors.newFixedThreadPool(4);
        try {
            Callable<String> allocate = () -> {
                try {
                    return reports.newId();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            };
            var ids = executor.invokeAll(IntStream.range(0, 16).mapToObj(i -> allocate).toList());

            assertThat(ids.stream().map(BuildReportsTest::get)).doesNotHaveDuplicates().hasSize(16);
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void shouldCopyTheWorkspacesReportIntoTheCallsFolder(@TempDir final Path buildDir) throws Exception {
        var reports = new BuildReports(buildDir.toFile(), "evaluation");
        var id = reports.newId();
        var log = new ByteArrayOutputStream();

        reports.copyFrom(workspace("reports/model", "{\"status\":\"PASSED\"}"), "reports/model", id,
                new PrintStream(log, true, StandardCharsets.UTF_8), "evaluateModel");

        assertThat(Files.readString(reports.reportFile(id))).isEqualTo("{\"status\":\"PASSED\"}");
        assertThat(log.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void shouldSayInTheLogWhenTheWorkspaceHasNoReport(@TempDir final Path buildDir) throws Exception {
        var reports = new BuildReports(buildDir.toFile(), "evaluation");
        var id = reports.newId();
        var log = new ByteArrayOutputStream();

        reports.copyFrom(workspace("reports/model", null), "reports/model", id,
                new PrintStream(log, true, StandardCharsets.UTF_8), "evaluateModel");

        assertThat(reports.reportFile(id)).doesNotExist();
        assertThat(log.toString(StandardCharsets.UTF_8)).isEqualTo("evaluateModel: no report.json in reports/model, "
                + "so the build page shows the summary only" + System.lineSeparator());
    }

    /** A workspace whose report directory holds a report.json with this text, or none for {@code null}. */
    private static FilePath workspace(final String reportDir, final String reportJson) throws Exception {
        var workspace = mock(FilePath.class);
        var file = mock(FilePath.class);
        when(workspace.child(reportDir + "/report.json")).thenReturn(file);
        when(file.exists()).thenReturn(reportJson != null);
        doAnswer(invocation -> {
            invocation.<OutputStream>getArgument(0).write(reportJson.getBytes(StandardCharsets.UTF_8));
            return null;
        }).when(file).copyTo(any(OutputStream.class));
        return workspace;
    }

    private static String get(final Future<String> id) {
        try {
            return id.get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }
}
