package io.mlops.data;

import java.util.List;

/**
 * Receives the records of a dataset field by field, so that a reader never creates an object per
 * field. Text buffers are valid only for the duration of the call. Calls come from one thread.
 */
public interface RecordVisitor {
    /**
     * Called once, before the first record.
     *
     * @param columns the column names in file order; field indexes below refer to this list
     */
    void header(List<String> columns);

    /**
     * Called at the start of each record.
     *
     * @param row  1-based data row (the header is not a row)
     * @param line 1-based line of the file where the record starts (for Parquet: the row number)
     */
    void startRecord(long row, long line);

    /** A field given as text: a CSV field, a JSON string, or a Parquet string or timestamp (ISO-8601). */
    void text(int column, char[] buffer, int offset, int length);

    /** A typed number: a JSON number or a Parquet numeric value. */
    void number(int column, double value);

    /** A typed boolean: a JSON or Parquet boolean. */
    void bool(int column, boolean value);

    /** A missing value: an empty CSV field, a JSON null or absent key, a Parquet null. */
    void missing(int column);

    /** Called at the end of each record, after every column has been given exactly once. */
    void endRecord();
}
