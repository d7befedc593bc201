package io.mlops.cli;

import io.mlops.lineage.Lineage;
import io.mlops.lineage.LineageEvent;
import io.mlops.lineage.LineageFile;
import io.mlops.util.InputException;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code --lineage}: the build's lineage.json, which validate-data, train, evaluate and register append their step
 * to (and register reads); the option's file, else {@code $MLOPS_LINEAGE}, else none.
 */
final class LineageOption {
    static final String VARIABLE = "MLOPS_LINEAGE";

    @Option(names = "--lineage", paramLabel = "FILE",
            description = "The build's lineage.json: this step is appended to it, and register reads it for the "
                    + "dataset digests and the training run (default: $MLOPS_LINEAGE, else none).")
    private Path option;

    /** The option's file, else the variable's, else null (no lineage is kept). */
    Path file(final Map<String, String> env) {
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

    /** The lineage so far, empty without a file. */
    static Lineage read(final Path file) {
        return file == null ? Lineage.EMPTY : LineageFile.read(file);
    }

    /** Appends a step's event to the file, when there is one. */
    static void append(final Path file, final LineageEvent event) throws IOException {
        if (file != null) {
            LineageFile.append(file, event);
        }
    }
}
