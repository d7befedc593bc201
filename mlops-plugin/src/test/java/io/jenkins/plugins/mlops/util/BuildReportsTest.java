package io.jenkins.plugins.mlops.util;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

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

    private static String get(final Future<String> id) {
        try {
            return id.get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }
}
