package io.mlops.validation;

import io.mlops.validation.drift.CategoricalSample;
import io.mlops.validation.drift.ColumnSample;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Boolean columns: true and false counts, compared as a two-category column for drift. */
final class BooleanStats extends ColumnStats {
    private long trues;
    private long falses;

    BooleanStats(final ColumnPlan plan) {
        super(plan, null);
    }

    @Override
    void accept(final RowBatch batch) {
        byte[] values = batch.booleans[plan.index()];
        for (int i = 0; i < batch.size; i++) {
            switch (values[i]) {
                case 1 -> trues++;
                case 0 -> falses++;
                default -> missing++;
            }
        }
        count = trues + falses;
    }

    @Override
    ColumnProfile profile() {
        List<ValueCount> top = topCounts(2).entrySet().stream()
                .map(e -> new ValueCount(e.getKey(), e.getValue())).toList();
        long distinct = (trues > 0 ? 1 : 0) + (falses > 0 ? 1 : 0);
        return new ColumnProfile(ColumnType.BOOLEAN, count, missing, distinct, null, null, null, null, null, top);
    }

    @Override
    Map<String, Long> topCounts(final int limit) {
        var top = new LinkedHashMap<String, Long>();
        if (trues >= falses) {
            put(top, "true", trues);
            put(top, "false", falses);
        }
        else {
            put(top, "false", falses);
            put(top, "true", trues);
        }
        return top;
    }

    private static void put(final Map<String, Long> top, final String value, final long n) {
        if (n > 0) {
            top.put(value, n);
        }
    }

    @Override
    ColumnSample sample() {
        return new CategoricalSample(count, topCounts(2), 0, true);
    }
}
