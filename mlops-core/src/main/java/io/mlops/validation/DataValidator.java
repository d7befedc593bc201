package io.mlops.validation;

import java.io.IOException;

/** The validateData engine: streams a dataset once, profiles and checks it, and tests drift. */
public final class DataValidator {
    /**
     * Validates a dataset and, when the request names a report directory, writes the reports there.
     *
     * @throws io.mlops.util.InputException for bad input or configuration
     */
    public ValidationReport validate(final ValidationRequest request, final ProgressListener progress)
            throws IOException {
        throw new IllegalStateException("engine under construction");
    }
}
