package io.mlops.validation;

import io.mlops.data.DataFormat;
import io.mlops.data.DatasetReader;
import io.mlops.data.ReaderLimits;
import io.mlops.data.RecordVisitor;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Reads only the column names of a file, to decide before the real pass whether types must be inferred. */
final class HeaderProbe implements RecordVisitor {
    private List<String> columns = List.of();

    private HeaderProbe() {
    }

    static List<String> columns(final Path file, final DataFormat format) throws IOException {
        var probe = new HeaderProbe();
        try (var reader = DatasetReader.open(file, format, ReaderLimits.DEFAULT)) {
            reader.read(probe);
        }
        catch (HeaderRead done) {
            // Stopped on purpose after the header.
        }
        return probe.columns;
    }

    @Override
    public void header(final List<String> names) {
        columns = List.copyOf(names);
        throw new HeaderRead();
    }

    @Override
    public void startRecord(final long row, final long line) {
        throw new HeaderRead();
    }

    @Override
    public void text(final int column, final char[] buffer, final int offset, final int length) {
        throw new HeaderRead();
    }

    @Override
    public void number(final int column, final double value) {
        throw new HeaderRead();
    }

    @Override
    public void bool(final int column, final boolean value) {
        throw new HeaderRead();
    }

    @Override
    public void missing(final int column) {
        throw new HeaderRead();
    }

    @Override
    public void endRecord() {
        throw new HeaderRead();
    }

    /** Ends the read once the header is known; carries no stack trace. */
    private static final class HeaderRead extends RuntimeException {
        private static final long serialVersionUID = 1L;

        HeaderRead() {
            super(null, null, false, false);
        }
    }
}
