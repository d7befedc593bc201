package io.mlops.data;

import io.mlops.util.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class DatasetReadersTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = DataFormat.class, names = {"CSV", "JSONL"})
    void shouldExposeProgressToAnotherThreadWhileReading(final DataFormat format) throws Exception {
        // given a file of about 3 MB and a visitor that pauses at row 50,000 until the test has looked
        var file = manyRows(format, 100_000);
        var paused = new CountDownLatch(1);
        var resume = new CountDownLatch(1);
        var visitor = new PausingVisitor(50_000, paused, resume);

        try (var reader = DatasetReader.open(file, format, ReaderLimits.DEFAULT)) {
            // when another thread reads while this one samples the progress
            var reading = CompletableFuture.runAsync(() -> readUnchecked(reader, visitor));
            assertThat(paused.await(30, TimeUnit.SECONDS)).isTrue();
            long midway = reader.bytesRead();
            resume.countDown();
            reading.get(30, TimeUnit.SECONDS);

            // then progress was partial midway and complete at the end
            assertThat(midway).isPositive().isLessThan(reader.totalBytes());
            assertThat(reader.bytesRead()).isEqualTo(reader.totalBytes()).isEqualTo(Files.size(file));
        }
    }

    @Test
    void shouldAllowOneReadOnly() throws Exception {
        // given
        var file = Files.writeString(dir.resolve("once.csv"), "a\n1\n");

        try (var reader = DatasetReader.open(file, DataFormat.CSV, ReaderLimits.DEFAULT)) {
            reader.read(new RecordingVisitor());

            // when / then
            assertThatThrownBy(() -> reader.read(new RecordingVisitor())).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void shouldNotOfferDigestBeforeReading() throws Exception {
        // given
        var file = Files.writeString(dir.resolve("early.jsonl"), "{\"a\": 1}\n");

        try (var reader = DatasetReader.open(file, DataFormat.JSONL, ReaderLimits.DEFAULT)) {
            // when / then
            assertThatThrownBy(reader::sha256).isInstanceOf(IllegalStateException.class);
        }
    }

    @ParameterizedTest
    @EnumSource(DataFormat.class)
    void shouldRejectMissingFileForEveryFormat(final DataFormat format) {
        // given
        var file = dir.resolve("absent." + format.id());

        // when
        var error = catchThrowableOfType(InputException.class, () -> DatasetReader.open(file, format, ReaderLimits.DEFAULT));

        // then
        assertThat(error.getMessage()).isEqualTo(file + ": cannot read: no such file");
    }

    private Path manyRows(final DataFormat format, final int rows) throws IOException {
        var text = new StringBuilder(format == DataFormat.CSV ? "id,name,score\n" : "");
        for (int i = 1; i <= rows; i++) {
            text.append(format == DataFormat.CSV
                    ? i + ",name" + i + "," + i * 0.5 + "\n"
                    : "{\"id\": " + i + ", \"name\": \"name" + i + "\"}\n");
        }
        return Files.writeString(dir.resolve("many." + format.id()), text);
    }

    private static void readUnchecked(final DatasetReader reader, final RecordVisitor visitor) {
        try {
            reader.read(visitor);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Blocks the reading thread at one row so that the test can sample progress from its own thread. */
    private static final class PausingVisitor implements RecordVisitor {
        private final long pauseAt;
        private final CountDownLatch paused;
        private final CountDownLatch resume;

        PausingVisitor(final long pauseAt, final CountDownLatch paused, final CountDownLatch resume) {
            this.pauseAt = pauseAt;
            this.paused = paused;
            this.resume = resume;
        }

        @Override
        public void startRecord(final long row, final long line) {
            if (row == pauseAt) {
                paused.countDown();
                try {
                    resume.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        @Override
        public void header(final List<String> columns) {
            // only rows matter here
        }

        @Override
        public void text(final int column, final char[] buffer, final int offset, final int length) {
            // only rows matter here
        }

        @Override
        public void number(final int column, final double value) {
            // only rows matter here
        }

        @Override
        public void bool(final int column, final boolean value) {
            // only rows matter here
        }

        @Override
        public void missing(final int column) {
            // only rows matter here
        }

        @Override
        public void endRecord() {
            // only rows matter here
        }
    }
}
