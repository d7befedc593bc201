package io.mlops.validation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/**
 * The constraints on one column of a data schema (DESIGN.md §3). Absent constraints are null.
 *
 * @param type               the column type; null means "infer it from the data"
 * @param nullable           false forbids missing values
 * @param unique             true forbids repeated values
 * @param min                the smallest allowed value: a number, or an ISO-8601 text for timestamps
 * @param max                the largest allowed value
 * @param maxMissingFraction the largest allowed share of missing values (0..1)
 * @param allowed            the allowed values
 * @param pattern            a regular expression every non-missing value must match in full
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "nullable", "unique", "min", "max", "maxMissingFraction", "allowed", "pattern"})
public record ColumnSpec(ColumnType type, Boolean nullable, Boolean unique, Object min, Object max,
        Double maxMissingFraction, List<Object> allowed, String pattern) {
    /** A column with only a type. */
    public static ColumnSpec ofType(final ColumnType type) {
        return new ColumnSpec(type, null, null, null, null, null, null, null);
    }

    public boolean isNullable() {
        return nullable == null || nullable;
    }

    public boolean isUnique() {
        return unique != null && unique;
    }
}
