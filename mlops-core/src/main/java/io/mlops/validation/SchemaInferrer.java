package io.mlops.validation;

import io.mlops.data.DataFormat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a starting schema from a dataset ({@code mlops infer-schema}): each column's narrowest type, and
 * constraints that the data shows robustly — no missing values, non-negative numbers, unique keys, a short
 * list of categories — never the observed min/max, which the next batch of good data would break.
 */
public final class SchemaInferrer {
    /** String columns with at most this many distinct values, each seen often, get an allowed list. */
    static final int MAX_CATEGORIES = 20;
    private static final int UNIQUE_BUFFER = 1 << 17;

    /**
     * Infers a schema from a dataset.
     *
     * @param data   the dataset
     * @param format its format, or null to choose by extension
     */
    public DataSchema infer(final Path data, final DataFormat format) throws IOException {
        var dataFormat = format == null ? DataFormat.of(data, null) : format;
        Map<String, ColumnType> types = TypeSniffer.sniff(data, dataFormat);
        // The sniffer read every column, in file order: its keys are the header.
        var plans = plans(List.copyOf(types.keySet()), types);
        var stats = new ArrayList<ColumnStats>();
        for (ColumnPlan plan : plans) {
            boolean keyLike = plan.type() == ColumnType.INTEGER || plan.type() == ColumnType.STRING;
            stats.add(ColumnStats.of(plan, 200, 0, keyLike ? new UniqueValues(UNIQUE_BUFFER) : null));
        }
        var outcome = ProfilePass.run(data, dataFormat, plans, batch -> stats.forEach(s -> s.accept(batch)),
                ProgressListener.NONE);
        var columns = new LinkedHashMap<String, ColumnSpec>();
        for (ColumnStats column : stats) {
            if (column.unique() != null) {
                column.unique().finish();
                column.unique().close();
            }
            columns.put(column.plan().name(), spec(column, outcome.rows()));
        }
        return new DataSchema(columns, new RowsSpec(1L, null), ExtraColumns.ERROR, DriftSpec.DEFAULT);
    }

    private static List<ColumnPlan> plans(final List<String> header, final Map<String, ColumnType> types) {
        var plans = new ArrayList<ColumnPlan>();
        for (int i = 0; i < header.size(); i++) {
            plans.add(new ColumnPlan(i, header.get(i), types.get(header.get(i)), null));
        }
        return plans;
    }

    private static ColumnSpec spec(final ColumnStats column, final long rows) {
        var type = column.plan().type();
        var profile = column.profile();
        Boolean nullable = null;
        Double maxMissing = null;
        if (column.missing() == 0 && column.count() > 0) {
            nullable = false;
        }
        else if (column.missing() > 0 && column.count() > 0) {
            // Leave room above today's share so that ordinary variation passes.
            double fraction = (double) column.missing() / rows;
            maxMissing = Math.min(1.0, Math.ceil((fraction * 1.5 + 0.01) * 100) / 100);
        }
        Object min = null;
        if (type.isNumeric() && profile.min() instanceof Double low && low >= 0) {
            min = 0;
        }
        Boolean unique = null;
        if (column.unique() != null && column.count() > 1 && column.missing() == 0
                && column.unique().duplicateRows() == 0) {
            unique = true;
        }
        List<Object> allowed = null;
        if (type == ColumnType.STRING && unique == null && profile.distinct() <= MAX_CATEGORIES
                && column.count() >= 10 * profile.distinct()) {
            allowed = new ArrayList<>(column.topCounts(MAX_CATEGORIES).keySet());
            allowed.sort(null);
        }
        return new ColumnSpec(type, nullable, unique, min, null, maxMissing, allowed, null);
    }
}
