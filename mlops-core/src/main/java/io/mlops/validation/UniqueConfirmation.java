package io.mlops.validation;

import io.mlops.data.TextValues;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The confirming pass of the uniqueness check: looks only at rows whose value hash is a candidate from
 * {@link UniqueValues} and compares the real values, so the reported duplicates are exact.
 */
final class UniqueConfirmation {
    private final ColumnPlan plan;
    private final long[] candidates;
    private final Map<Long, FirstSeen> firstSeen = new HashMap<>();
    private long confirmedRows;
    private String example;

    UniqueConfirmation(final ColumnPlan plan, final long[] candidates) {
        this.plan = plan;
        this.candidates = candidates;
    }

    void accept(final RowBatch batch) {
        int column = plan.index();
        for (int i = 0; i < batch.size; i++) {
            String value;
            long hash;
            if (plan.travelsAsNumber()) {
                double v = batch.numbers[column][i];
                if (Double.isNaN(v)) {
                    continue;
                }
                double normalized = v == 0.0 ? 0.0 : v;
                hash = SmallValueCounts.mix(Double.doubleToLongBits(normalized));
                value = Double.toString(normalized);
            }
            else {
                value = batch.texts[column][i];
                if (value == null) {
                    continue;
                }
                hash = TextStats.hash(value);
            }
            if (Arrays.binarySearch(candidates, hash) >= 0) {
                check(hash, value, batch.lines[i]);
            }
        }
    }

    private void check(final long hash, final String value, final long line) {
        var first = firstSeen.get(hash);
        if (first == null) {
            firstSeen.put(hash, new FirstSeen(value, line));
        }
        else if (first.value.equals(value)) {
            confirmedRows++;
            if (example == null) {
                var shown = plan.travelsAsNumber() ? TextValues.formatNumber(Double.parseDouble(value)) : value;
                example = "'" + TextValues.clip(shown) + "' at lines " + first.line + " and " + line;
            }
        }
    }

    ColumnPlan plan() {
        return plan;
    }

    /** Rows confirmed to repeat an earlier row's value. */
    long confirmedRows() {
        return confirmedRows;
    }

    /** The first confirmed duplicate, e.g. "'42' at lines 3 and 17", or null. */
    String example() {
        return example;
    }

    private record FirstSeen(String value, long line) {
    }
}
