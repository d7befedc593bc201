package io.mlops.validation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.mlops.util.InputException;

import java.util.Locale;

/** The column types of a data schema. */
public enum ColumnType {
    INTEGER, NUMBER, STRING, BOOLEAN, TIMESTAMP;

    /** The name used in schema files and reports. */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether values are kept as numbers (moments, quantiles, numeric drift tests). */
    public boolean isNumeric() {
        return this == INTEGER || this == NUMBER;
    }

    /**
     * Parses a type name.
     *
     * @throws InputException when the name is not one of the five types
     */
    @JsonCreator
    public static ColumnType of(final String id) {
        for (ColumnType type : values()) {
            if (type.id().equals(id)) {
                return type;
            }
        }
        throw new InputException("unknown column type '" + id + "': expected integer, number, string, boolean or timestamp");
    }
}
