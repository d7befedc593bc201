package io.jenkins.plugins.mlops.validation;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.mlops.util.ParameterText;
import io.jenkins.plugins.mlops.util.WorkspacePaths;
import io.mlops.data.DataFormat;
import io.mlops.util.InputException;
import io.mlops.validation.ValidationRequest;
import io.mlops.validation.drift.DriftMethod;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.UnaryOperator;

import static io.jenkins.plugins.mlops.util.ParameterText.blankToDefault;
import static io.jenkins.plugins.mlops.util.ParameterText.blankToNull;

/**
 * The parameters of one {@code validateData} call as plain text: the value that the controller sends to the agent,
 * where {@link #toRequest(Path)} turns it into the engine's {@link ValidationRequest} inside the workspace. (The
 * request itself holds {@link Path}s, which neither serialize nor mean anything on another machine.)
 *
 * @param data           the dataset, relative to the workspace
 * @param schema         the schema file, or {@code null}
 * @param reference      the reference dataset for drift, or {@code null}
 * @param format         csv, jsonl or parquet, or {@code null} to choose by file extension
 * @param reportDir      where the reports are written, relative to the workspace
 * @param driftMethod    overrides the schema's drift method, or {@code null}
 * @param driftThreshold overrides the drift threshold, or {@code null}
 */
record ValidationParameters(@CheckForNull String data, @CheckForNull String schema, @CheckForNull String reference,
        @CheckForNull String format, String reportDir, @CheckForNull String driftMethod,
        @CheckForNull Double driftThreshold) implements Serializable {
    static final String DEFAULT_REPORT_DIR = "mlops-reports/validate-data";
    private static final long serialVersionUID = 1L;

    ValidationParameters {
        data = blankToNull(data);
        schema = blankToNull(schema);
        reference = blankToNull(reference);
        format = blankToNull(format);
        reportDir = blankToDefault(reportDir, DEFAULT_REPORT_DIR);
        driftMethod = blankToNull(driftMethod);
    }

    /**
     * Expands build variables in every text parameter (freestyle builds; Pipeline scripts interpolate themselves).
     *
     * @param variables replaces {@code $VAR} and {@code ${VAR}} references
     * @return the expanded parameters
     */
    ValidationParameters expand(final UnaryOperator<String> variables) {
        var x = ParameterText.expansion(variables);
        return new ValidationParameters(x.apply(data), x.apply(schema), x.apply(reference), x.apply(format),
                x.apply(reportDir), x.apply(driftMethod), driftThreshold);
    }

    /**
     * Translates the parameters into the engine request, resolving every path inside the workspace.
     *
     * @param workspace the workspace on the machine that runs the engine
     * @return the request
     * @throws InputException when a parameter is missing, malformed or points outside the workspace
     */
    ValidationRequest toRequest(final Path workspace) {
        if (data == null) {
            throw new InputException("data: no dataset given: expected a CSV, JSON Lines or Parquet file in the workspace");
        }
        var paths = new WorkspacePaths(workspace);
        var dataFile = paths.resolve("data", data);
        return new ValidationRequest(dataFile, paths.resolveOptional("schema", schema),
                paths.resolveOptional("reference", reference),
                format == null ? null : DataFormat.of(dataFile, format),
                paths.resolve("reportDir", reportDir),
                driftMethod == null ? null : DriftMethod.of(driftMethod.toLowerCase(Locale.ROOT)),
                driftThreshold);
    }

    /** One line for the build log: what is validated against what. */
    String describe() {
        var text = new StringBuilder(String.valueOf(data));
        if (schema != null) {
            text.append(" against schema ").append(schema);
        }
        if (reference != null) {
            text.append(" with reference ").append(reference);
        }
        return text.toString();
    }
}
