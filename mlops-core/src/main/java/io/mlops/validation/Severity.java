package io.mlops.validation;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** How much a failed check matters: errors fail the step, warnings are reported only. */
public enum Severity {
    ERROR, WARNING;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
