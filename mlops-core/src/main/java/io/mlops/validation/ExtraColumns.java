package io.mlops.validation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.mlops.util.InputException;

import java.util.Locale;

/** What a column in the data but not in the schema means. */
public enum ExtraColumns {
    ERROR, WARNING, IGNORE;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a policy name.
     *
     * @throws InputException when the name is unknown
     */
    @JsonCreator
    public static ExtraColumns of(final String id) {
        for (ExtraColumns policy : values()) {
            if (policy.id().equals(id)) {
                return policy;
            }
        }
        throw new InputException("unknown extraColumns policy '" + id + "': expected error, warning or ignore");
    }
}
