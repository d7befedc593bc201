package io.mlops.validation;

import java.util.List;

/**
 * A block of parsed rows in column-major layout, handed from the reading thread to the profiling thread.
 * Numeric columns are doubles (NaN = missing), string columns Strings (null = missing), boolean columns
 * bytes (-1 = missing). Batches are recycled, so nothing here is allocated per row.
 */
final class RowBatch {
    static final int CAPACITY = 4096;
    static final byte MISSING_BOOLEAN = -1;

    final long[] lines = new long[CAPACITY];
    final double[][] numbers;
    final String[][] texts;
    final byte[][] booleans;
    int size;

    RowBatch(final List<ColumnPlan> plans) {
        int columns = plans.size();
        numbers = new double[columns][];
        texts = new String[columns][];
        booleans = new byte[columns][];
        for (ColumnPlan plan : plans) {
            int i = plan.index();
            if (plan.travelsAsNumber()) {
                numbers[i] = new double[CAPACITY];
            }
            else if (plan.type() == ColumnType.BOOLEAN) {
                booleans[i] = new byte[CAPACITY];
            }
            else {
                texts[i] = new String[CAPACITY];
            }
        }
    }

    boolean isFull() {
        return size == CAPACITY;
    }
}
