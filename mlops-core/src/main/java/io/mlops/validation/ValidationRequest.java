package io.mlops.validation;

import io.mlops.data.DataFormat;
import io.mlops.validation.drift.DriftMethod;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Everything {@code validateData} needs: the one value type shared by the command line, the Pipeline
 * step and the freestyle build step. Optional parts are {@code null}.
 *
 * @param data           the dataset to validate
 * @param schema         the schema file (YAML or JSON), or null to profile without constraints
 * @param reference      the reference dataset for drift, or null
 * @param format         the format of both datasets, or null to choose by extension
 * @param reportDir      where report.json, report.md, report.html and junit.xml are written, or null for none
 * @param driftMethod    overrides the schema's drift method, or null
 * @param driftThreshold overrides the drift threshold, or null
 */
public record ValidationRequest(Path data, Path schema, Path reference, DataFormat format, Path reportDir,
        DriftMethod driftMethod, Double driftThreshold) {
    public ValidationRequest {
        Objects.requireNonNull(data, "data");
    }

    /** A request that only profiles a dataset and checks it against a schema. */
    public static ValidationRequest of(final Path data, final Path schema) {
        return new ValidationRequest(data, schema, null, null, null, null, null);
    }

    public ValidationRequest withReference(final Path referenceData) {
        return new ValidationRequest(data, schema, referenceData, format, reportDir, driftMethod, driftThreshold);
    }

    public ValidationRequest withReportDir(final Path dir) {
        return new ValidationRequest(data, schema, reference, format, dir, driftMethod, driftThreshold);
    }

    public ValidationRequest withFormat(final DataFormat dataFormat) {
        return new ValidationRequest(data, schema, reference, dataFormat, reportDir, driftMethod, driftThreshold);
    }

    public ValidationRequest withDrift(final DriftMethod method, final Double threshold) {
        return new ValidationRequest(data, schema, reference, format, reportDir, method, threshold);
    }
}
