package io.mlops.validation;

import io.mlops.data.DataFormat;
import io.mlops.data.DatasetReader;
import io.mlops.data.ReaderLimits;
import io.mlops.data.RecordVisitor;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Streams one file through the reader, the {@link BatchingVisitor} on the reading thread and a consumer of
 * batches on a second thread. The column plans are made from the header as soon as the reader has it.
 */
final class ProfilePass implements RecordVisitor {
    private static final long PROGRESS_ROWS = 1 << 16;

    private final String fileName;
    private final boolean typedFormat;
    private final Function<List<String>, List<ColumnPlan>> planner;
    private final Function<List<ColumnPlan>, Consumer<RowBatch>> consumers;
    private final ProgressListener progress;
    private DatasetReader reader;
    private List<ColumnPlan> plans;
    private BatchPipeline pipeline;
    private BatchingVisitor visitor;

    private ProfilePass(final Path file, final DataFormat format,
            final Function<List<String>, List<ColumnPlan>> planner,
            final Function<List<ColumnPlan>, Consumer<RowBatch>> consumers, final ProgressListener progress) {
        this.fileName = file.toString();
        this.typedFormat = format != DataFormat.CSV;
        this.planner = planner;
        this.consumers = consumers;
        this.progress = progress;
    }

    /** The outcome of a pass: the plans, the rows and the reader's facts about the file. */
    record Outcome(List<ColumnPlan> plans, long rows, String sha256, BatchingVisitor visitor) {
    }

    /**
     * Reads a file once.
     *
     * @param planner   makes the column plans from the header
     * @param consumers makes the batch consumer (run on the second thread) from the plans
     */
    static Outcome run(final Path file, final DataFormat format,
            final Function<List<String>, List<ColumnPlan>> planner,
            final Function<List<ColumnPlan>, Consumer<RowBatch>> consumers, final ProgressListener progress)
            throws IOException {
        var pass = new ProfilePass(file, format, planner, consumers, progress);
        try (var reader = DatasetReader.open(file, format, ReaderLimits.DEFAULT)) {
            pass.reader = reader;
            reader.read(pass);
            if (pass.visitor == null) {
                pass.header(List.of());
            }
            long rows = pass.visitor.finish();
            pass.pipeline.finish();
            progress.progress(pass.fileName, rows, reader.totalBytes(), reader.totalBytes());
            return new Outcome(pass.plans, rows, reader.sha256(), pass.visitor);
        }
        finally {
            if (pass.pipeline != null) {
                pass.pipeline.close();
            }
        }
    }

    @Override
    public void header(final List<String> columns) {
        plans = List.copyOf(planner.apply(new ArrayList<>(columns)));
        pipeline = new BatchPipeline(plans, consumers.apply(plans));
        visitor = new BatchingVisitor(fileName, plans, typedFormat, pipeline.first(), pipeline::handOff);
    }

    @Override
    public void startRecord(final long row, final long line) {
        visitor.startRecord(row, line);
    }

    @Override
    public void text(final int column, final char[] buffer, final int offset, final int length) {
        visitor.text(column, buffer, offset, length);
    }

    @Override
    public void number(final int column, final double value) {
        visitor.number(column, value);
    }

    @Override
    public void bool(final int column, final boolean value) {
        visitor.bool(column, value);
    }

    @Override
    public void missing(final int column) {
        visitor.missing(column);
    }

    @Override
    public void endRecord() {
        visitor.endRecord();
        long rows = visitor.rows();
        if ((rows & (PROGRESS_ROWS - 1)) == 0) {
            progress.progress(fileName, rows, reader.bytesRead(), reader.totalBytes());
        }
    }
}
