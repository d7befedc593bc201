package io.mlops.cli;

import io.mlops.util.InputException;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;

/** Where {@code --lineage} or {@code $MLOPS_LINEAGE} says the build's lineage.json is. */
final class LineageOption {
    static final String VARIABLE = "MLOPS_LINEAGE";

    private LineageOption() {
    }

    /** The option's file, else the variable's, else null (no lineage is kept). */
    static Path file(final Path option, final Map<String, String> env) {
        if (option != null) {
            return option;
        }
        var configured = env.get(VARIABLE);
        if (configured == null || configured.isBlank()) {
            return null;
        }
        try {
            return Path.of(configured);
        } catch (InvalidPathException e) {
            throw new InputException(VARIABLE + " is not a usable path: " + e.getMessage());
        }
    }
}
