package io.mlops.validation.drift;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.mlops.util.InputException;

import java.util.Locale;

/** The drift tests, named as in report.json and schema files. */
public enum DriftMethod {
    AUTO, KS, CHI2, Z, WASSERSTEIN, JENSEN_SHANNON, PSI;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a method name.
     *
     * @throws InputException when the name is unknown
     */
    @JsonCreator
    public static DriftMethod of(final String id) {
        for (DriftMethod method : values()) {
            if (method.id().equals(id)) {
                return method;
            }
        }
        throw new InputException("unknown drift method '" + id
                + "': expected auto, ks, chi2, z, wasserstein, jensen_shannon or psi");
    }
}
