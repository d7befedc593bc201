package io.mlops.validation;

import io.mlops.data.DataFormat;
import io.mlops.data.DatasetReader;
import io.mlops.data.ReaderLimits;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Streams one file through the reader into a {@link BatchingVisitor} on the reading thread and a consumer of
 * batches on a second thread. The column plans are made from the header before the pass (see
 * {@link HeaderProbe}), so that the reader can call the batching visitor directly for every field.
 */
final class ProfilePass {
    /** Progress is reported every 16 batches (65,536 rows). */
    private static final int PROGRESS_BATCHES = 16;

    private ProfilePass() {
    }

    /** The outcome of a pass: the plans, the rows and the reader's facts about the file. */
    record Outcome(List<ColumnPlan> plans, long rows, String sha256, BatchingVisitor visitor) {
    }

    /**
     * Reads a file once.
     *
     * @param plans    one plan per column of the file's header, in file order
     * @param consumer takes each full batch, on the second thread
     */
    static Outcome run(final Path file, final DataFormat format, final List<ColumnPlan> plans,
            final Consumer<RowBatch> consumer, final ProgressListener progress) throws IOException {
        var fileName = file.toString();
        try (var reader = DatasetReader.open(file, format, ReaderLimits.DEFAULT);
                var pipeline = new BatchPipeline(plans, consumer)) {
            var batches = new long[1];
            var visitor = new BatchingVisitor(fileName, plans, format != DataFormat.CSV, pipeline.first(), batch -> {
                if (++batches[0] % PROGRESS_BATCHES == 0) {
                    progress.progress(fileName, batches[0] * RowBatch.CAPACITY, reader.bytesRead(),
                            reader.totalBytes());
                }
                return pipeline.handOff(batch);
            });
            reader.read(visitor);
            long rows = visitor.finish();
            pipeline.finish();
            progress.progress(fileName, rows, reader.totalBytes(), reader.totalBytes());
            return new Outcome(plans, rows, reader.sha256(), visitor);
        }
    }
}
