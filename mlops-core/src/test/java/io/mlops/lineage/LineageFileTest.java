package io.mlops.lineage;

import io.mlops.util.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LineageFileTest {
    private static final Instant AT = Instant.parse("2025-03-01T12:00:00Z");

    @TempDir
    private Path dir;

    private static LineageEvent event(final String step, final String key, final String value) {
        return new LineageEvent(step, AT, "PASSED", Map.of(key, value), Map.of("MLflow run", "http://mlflow/#/r"));
    }

    @Test
    void shouldReadAMissingFileAsAnEmptyLineage() {
        assertThat(LineageFile.read(dir.resolve(LineageFile.NAME))).isEqualTo(Lineage.EMPTY);
    }

    @Test
    void shouldReadBackWhatWasAppendedInOrder() throws Exception {
        // given
        var file = dir.resolve("build/" + LineageFile.NAME);

        // when
        LineageFile.append(file, event("validateData", LineageEvent.DATASET_SHA256, "ab12"));
        var returned = LineageFile.append(file, event("evaluateModel", LineageEvent.EVALUATION_STATUS, "PASSED"));

        // then
        var read = LineageFile.read(file);
        assertThat(read).isEqualTo(returned);
        assertThat(read.events()).extracting(LineageEvent::step).containsExactly("validateData", "evaluateModel");
        assertThat(read.events().get(0).at()).isEqualTo(AT);
        assertThat(read.latest(LineageEvent.EVALUATION_STATUS)).contains("PASSED");
        assertThat(Files.readString(file)).contains("\"schemaVersion\" : 1").contains("2025-03-01T12:00:00Z");
    }

    @Test
    void shouldKeepEveryEventWhenStepsAppendFromSeveralThreads() throws Exception {
        // given
        var file = dir.resolve(LineageFile.NAME);
        int threads = 8;
        int eventsEach = 10;
        var start = new CountDownLatch(1);
        var executor = Executors.newFixedThreadPool(threads);

        // when
        try {
            var futures = new ArrayList<Future<?>>();
            for (int thread = 0; thread < threads; thread++) {
                int index = thread;
                futures.add(executor.submit(() -> {
                    start.await();
                    for (int i = 0; i < eventsEach; i++) {
                        LineageFile.append(file, event("step-" + index, "n", Integer.toString(i)));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (var future : futures) {
                future.get();
            }
        } finally {
            executor.shutdownNow();
        }

        // then
        var events = LineageFile.read(file).events();
        assertThat(events).hasSize(threads * eventsEach);
        for (int thread = 0; thread < threads; thread++) {
            var step = "step-" + thread;
            assertThat(events).filteredOn(event -> event.step().equals(step)).extracting(event -> event.fact("n"))
                    .containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
        }
    }

    @Test
    void shouldNameTheFileWhenItIsNotALineage() throws Exception {
        // given
        var file = Files.writeString(dir.resolve(LineageFile.NAME), "{\"schemaVersion\": 1, \"events\": [{\"st");

        // when / then
        assertThatThrownBy(() -> LineageFile.read(file)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(file.toString())
                .hasMessageContaining("cannot read the lineage")
                .hasMessageContaining("expected the lineage.json an mlops step wrote");
        assertThatThrownBy(() -> LineageFile.append(file, event("registerModel", "k", "v")))
                .isInstanceOf(InputException.class);
        assertThat(file).hasContent("{\"schemaVersion\": 1, \"events\": [{\"st");
    }

    @Test
    void shouldWriteTheSameTextThatToJsonRenders() throws Exception {
        // given
        var lineage = Lineage.EMPTY.with(event("trainModel", LineageEvent.TRAINING_RUN, "job/train-7"));
        var file = dir.resolve(LineageFile.NAME);

        // when
        LineageFile.write(file, lineage);

        // then
        assertThat(Files.readString(file)).isEqualTo(LineageFile.toJson(lineage));
        assertThat(LineageFile.read(file)).isEqualTo(lineage);
    }
}
