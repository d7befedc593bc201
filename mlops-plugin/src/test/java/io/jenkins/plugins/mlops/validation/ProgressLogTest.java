package io.jenkins.plugins.mlops.validation;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressLogTest {
    private static final long MB = 1024 * 1024;

    @Test
    void shouldPrintRowsMegabytesAndThroughputEveryFewSeconds() {
        var out = new ByteArrayOutputStream();
        var clock = new AtomicLong();
        var progress = new ProgressLog(new PrintStream(out, true, StandardCharsets.UTF_8), clock::get);

        progress.progress("/agent/ws/data/train.csv", 10_000, MB, 400 * MB);
        clock.set(TimeUnit.SECONDS.toNanos(4));
        progress.progress("/agent/ws/data/train.csv", 400_000, 80 * MB, 400 * MB);
        assertThat(out.toString(StandardCharsets.UTF_8)).as("nothing before the interval").isEmpty();

        clock.set(TimeUnit.SECONDS.toNanos(5));
        progress.progress("/agent/ws/data/train.csv", 1_234_567, 100 * MB, 400 * MB);

        assertThat(out.toString(StandardCharsets.UTF_8))
                .isEqualTo("validateData: train.csv: 1,234,567 rows, 100.0 of 400.0 MB (20.0 MB/s)" + System.lineSeparator());
    }

    @Test
    void shouldStartTheClockAgainForTheNextFile() {
        var out = new ByteArrayOutputStream();
        var clock = new AtomicLong();
        var progress = new ProgressLog(new PrintStream(out, true, StandardCharsets.UTF_8), clock::get);

        progress.progress("train.csv", 1, MB, MB);
        clock.set(TimeUnit.SECONDS.toNanos(6));
        progress.progress("C:\\ws\\reference.csv", 1, MB, 50 * MB);
        clock.set(TimeUnit.SECONDS.toNanos(11));
        progress.progress("C:\\ws\\reference.csv", 500, 25 * MB, 50 * MB);

        assertThat(out.toString(StandardCharsets.UTF_8))
                .isEqualTo("validateData: reference.csv: 500 rows, 25.0 of 50.0 MB (5.0 MB/s)" + System.lineSeparator());
    }
}
