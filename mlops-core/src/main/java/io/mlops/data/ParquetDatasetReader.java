package io.mlops.data;

import io.mlops.util.InputException;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.ParquetDecodingException;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.schema.MessageType;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads a flat Parquet file with parquet-java's column readers and no Hadoop: one row group at a
 * time, all column readers advancing together, so that each row reaches the visitor whole.
 * The {@code line} of a record is its 1-based row number. The SHA-256 takes a pass of its own.
 */
final class ParquetDatasetReader implements DatasetReader {
    private final Path file;
    private final ReaderLimits limits;
    private final long totalBytes;
    private final ParquetFileReader parquet;
    private final MessageType schema;
    private final ParquetColumns columns;
    // Written only by the reading thread; volatile so that a progress display on another thread sees it.
    private volatile long bytesRead;
    private boolean started;
    private String sha256;
    /** Row and column being read, for locating errors. */
    private long row;
    private int column;

    ParquetDatasetReader(final Path file, final ReaderLimits limits) {
        this.file = file;
        this.limits = limits;
        try {
            var input = new LocalInputFile(file);
            this.totalBytes = input.getLength();
            this.parquet = ParquetFileReader.open(input);
        } catch (IOException | RuntimeException e) {
            throw new InputException(file, "cannot read as Parquet: " + firstLine(e) + "; expected a Parquet file");
        }
        try {
            this.schema = parquet.getFooter().getFileMetaData().getSchema();
            this.columns = ParquetColumns.of(file.toString(), schema, limits);
        } catch (RuntimeException e) {
            closeQuietly(e);
            throw e;
        }
    }

    @Override
    public void read(final RecordVisitor visitor) throws IOException {
        if (started) {
            throw new IllegalStateException("read may be called once");
        }
        started = true;
        visitor.header(columns.names());
        var converters = columns.converters(visitor, limits);
        var record = new RowConverter(converters);
        var createdBy = parquet.getFooter().getFileMetaData().getCreatedBy();
        long totalRows = Math.max(1, parquet.getRecordCount());
        try {
            for (PageReadStore pages = parquet.readNextRowGroup(); pages != null; pages = parquet.readNextRowGroup()) {
                readRowGroup(new ColumnReadStoreImpl(pages, record, schema, createdBy), pages.getRowCount(), visitor);
                // row groups are compressed unevenly, but the share of rows read is a fair progress measure
                bytesRead = (long) ((double) totalBytes * row / totalRows);
            }
        } catch (ParquetValues.BadValue e) {
            throw new InputException(file.toString(), row, column + 1,
                    "column '%s': %s".formatted(columns.names().get(column), e.getMessage()));
        } catch (ParquetDecodingException e) {
            throw new InputException(file.toString(), row, 0, "corrupt Parquet data after row %d (%s); expected an intact Parquet file"
                    .formatted(row, firstLine(e)));
        }
        sha256 = HashingFileInput.sha256Of(file);
        bytesRead = totalBytes;
    }

    /**
     * Advances one reader per column in lockstep. In a flat schema every column holds exactly one
     * entry per row, and an entry below the column's maximum definition level is a null.
     */
    private void readRowGroup(final ColumnReadStoreImpl store, final long rows, final RecordVisitor visitor) {
        var descriptors = schema.getColumns();
        var readers = new ColumnReader[descriptors.size()];
        var present = new int[descriptors.size()];
        for (int c = 0; c < readers.length; c++) {
            readers[c] = store.getColumnReader(descriptors.get(c));
            present[c] = descriptors.get(c).getMaxDefinitionLevel();
        }
        for (long i = 0; i < rows; i++) {
            row++;
            visitor.startRecord(row, row);
            for (column = 0; column < readers.length; column++) {
                var reader = readers[column];
                if (reader.getCurrentDefinitionLevel() == present[column]) {
                    reader.writeCurrentValueToConverter();
                } else {
                    visitor.missing(column);
                }
                reader.consume();
            }
            visitor.endRecord();
        }
    }

    @Override
    public long bytesRead() {
        return bytesRead;
    }

    @Override
    public long totalBytes() {
        return totalBytes;
    }

    @Override
    public String sha256() {
        if (sha256 == null) {
            throw new IllegalStateException("the SHA-256 is known once read() has returned");
        }
        return sha256;
    }

    @Override
    public void close() throws IOException {
        parquet.close();
    }

    private void closeQuietly(final RuntimeException failure) {
        try {
            parquet.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    private static String firstLine(final Exception e) {
        var message = String.valueOf(e.getMessage());
        return message.lines().findFirst().orElse(message);
    }

    /**
     * The record-level converter parquet-java asks for: it only hands out the column converters,
     * because the reader starts and ends records itself.
     */
    private static final class RowConverter extends GroupConverter {
        private final Converter[] columns;

        RowConverter(final Converter[] columns) {
            this.columns = columns;
        }

        @Override
        public Converter getConverter(final int fieldIndex) {
            return columns[fieldIndex];
        }

        @Override
        public void start() {
            // records are started by the reader's own loop, which also reports nulls
        }

        @Override
        public void end() {
            // records are ended by the reader's own loop
        }
    }
}
