package io.mlops.validation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A data schema file (DESIGN.md §3): column constraints, row bounds, the extra-column policy and drift
 * settings. Read and written by {@link SchemaFile}.
 *
 * @param columns      constraints by column name, in schema order
 * @param rows         row bounds, or null
 * @param extraColumns what a column not in the schema means, or null for error
 * @param drift        drift settings, or null for the defaults
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"columns", "rows", "extraColumns", "drift"})
public record DataSchema(Map<String, ColumnSpec> columns, RowsSpec rows, ExtraColumns extraColumns,
        DriftSpec drift) {
    /** A schema without constraints: profiles every column, accepts any column. */
    public static final DataSchema EMPTY = new DataSchema(Map.of(), null, ExtraColumns.IGNORE, null);

    public DataSchema {
        columns = columns == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(columns));
    }

    public ExtraColumns extraColumnsPolicy() {
        return extraColumns == null ? ExtraColumns.ERROR : extraColumns;
    }

    public DriftSpec driftSpec() {
        return drift == null ? DriftSpec.DEFAULT : drift;
    }
}
