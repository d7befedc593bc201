package io.mlops.registry;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Separate JVMs registering into one local registry at the same moment, as parallel builds on one agent do:
 * the in-process lock cannot help there, only the OS file lock and atomic replacement.
 */
class LocalRegistryProcessesTest {
    private static final int PROCESSES = 3;
    private static final int VERSIONS_EACH = 10;

    @TempDir
    private Path work;

    @Test
    void shouldNumberVersionsFromSeveralProcessesWithoutCollisions() throws Exception {
        // given
        var directory = work.resolve("registry");
        var start = work.resolve("start");
        var processes = new ArrayList<Process>();
        for (int index = 0; index < PROCESSES; index++) {
            processes.add(launch(directory, work.resolve("ready-" + index), start, "p" + index));
        }
        awaitReady();

        // when
        Files.createFile(start);
        var outputs = new ArrayList<List<String>>();
        for (var process : processes) {
            outputs.add(finish(process));
        }

        // then
        var created = outputs.stream().flatMap(List::stream).filter(line -> line.endsWith(" true"))
                .map(line -> Integer.valueOf(line.split(" ")[0])).sorted().toList();
        var shared = outputs.stream().map(lines -> lines.get(lines.size() - 1)).toList();
        assertThat(outputs).allSatisfy(lines -> assertThat(lines).hasSize(VERSIONS_EACH + 1));
        assertThat(created).isEqualTo(IntStream.rangeClosed(1, PROCESSES * VERSIONS_EACH + 1).boxed().toList());
        assertThat(shared).extracting(line -> line.split(" ")[0]).containsOnly(shared.get(0).split(" ")[0]);
        assertThat(shared).filteredOn(line -> line.endsWith(" true")).hasSize(1);
    }

    private Process launch(final Path directory, final Path ready, final Path start, final String prefix)
            throws IOException {
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", testClassPath(), RegisteringProcess.class.getName(),
                directory.toString(), ready.toString(), start.toString(), "churn", prefix,
                Integer.toString(VERSIONS_EACH)).redirectErrorStream(true).start();
    }

    /** Surefire may run tests from a manifest-only jar; it names the real class path in its own property. */
    private static String testClassPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    private void awaitReady() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (IntStream.range(0, PROCESSES).anyMatch(index -> !Files.exists(work.resolve("ready-" + index)))) {
            assertThat(System.nanoTime()).as("all processes ready within 60 s").isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    private static List<String> finish(final Process process) throws Exception {
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("process finished").isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output.lines().toList();
    }
}
