package io.mlops.data;

import java.nio.file.Path;
import java.util.Objects;

/** Chooses the reader for a format. */
final class DatasetReaders {
    private DatasetReaders() {
    }

    static DatasetReader open(final Path file, final DataFormat format, final ReaderLimits limits) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(limits, "limits");
        HashingFileInput.requireReadable(file);
        return switch (format) {
            case CSV -> new CsvDatasetReader(file, limits);
            case JSONL -> new JsonLinesDatasetReader(file, limits);
            case PARQUET -> new ParquetDatasetReader(file, limits);
        };
    }
}
