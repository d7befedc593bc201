package io.mlops.data;

/**
 * Identifies a dataset in a report.
 *
 * @param path    the file as given
 * @param format  csv, jsonl or parquet
 * @param rows    the number of data rows
 * @param columns the number of columns
 * @param sha256  the SHA-256 of the file
 */
public record DatasetInfo(String path, String format, long rows, int columns, String sha256) {
}
