package io.mlops.evaluation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.mlops.util.InputException;

import java.util.Locale;

/** What kind of model is evaluated. */
public enum Task {
    BINARY, MULTICLASS, REGRESSION;

    /** The name used on the command line, in steps and in reports. */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a task name.
     *
     * @throws InputException when the name is not binary, multiclass or regression
     */
    @JsonCreator
    public static Task of(final String id) {
        for (Task task : values()) {
            if (task.id().equals(id == null ? null : id.trim().toLowerCase(Locale.ROOT))) {
                return task;
            }
        }
        throw new InputException("unknown task '" + id + "': expected binary, multiclass or regression");
    }

    public boolean classification() {
        return this != REGRESSION;
    }
}
