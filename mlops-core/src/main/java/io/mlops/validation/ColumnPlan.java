package io.mlops.validation;

/**
 * How one column of a file is read and checked: its position, the type its values are parsed as, and the
 * schema's constraints on it (null when the schema does not mention the column).
 *
 * @param index the 0-based position in the file
 * @param name  the header name
 * @param type  the type values are parsed as
 * @param spec  the schema's constraints, or null
 */
record ColumnPlan(int index, String name, ColumnType type, ColumnSpec spec) {
    /** Numeric columns travel as doubles (timestamps as epoch seconds). */
    boolean travelsAsNumber() {
        return type.isNumeric() || type == ColumnType.TIMESTAMP;
    }
}
