package io.jenkins.plugins.mlops.evaluation;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.mlops.registry.RegistryTarget;
import io.jenkins.plugins.mlops.util.ParameterText;
import io.jenkins.plugins.mlops.util.WorkspacePaths;
import io.mlops.data.DataFormat;
import io.mlops.evaluation.EvaluationRequest;
import io.mlops.evaluation.PredictionColumns;
import io.mlops.evaluation.Task;
import io.mlops.registry.ModelUri;
import io.mlops.util.InputException;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

import static io.jenkins.plugins.mlops.util.ParameterText.blankToDefault;
import static io.jenkins.plugins.mlops.util.ParameterText.blankToNull;

/**
 * The parameters of one {@code evaluateModel} call as plain text and numbers: the value that the controller sends to
 * the agent, where {@link #toRequest(Path)} turns it into the engine's {@link EvaluationRequest} inside the
 * workspace. A registered {@code baseline} is resolved apart, in the registry that {@code server} and
 * {@code localRegistry} name ({@link RegistryTarget}).
 *
 * @param predictions         the candidate's predictions file, relative to the workspace
 * @param task                binary, multiclass or regression
 * @param gates               the gates file, or {@code null}
 * @param baselinePredictions the production model's predictions, or {@code null}
 * @param baselineMetrics     the production model's metrics (JSON or a report.json), or {@code null}
 * @param baseline            the production model in the registry, {@code models:/NAME@ALIAS} or
 *                            {@code models:/NAME/VERSION}, or {@code null}
 * @param server              the name of the configured MLflow server that holds {@code baseline}, or {@code null}
 *                            for the embedded local registry
 * @param localRegistry       the local registry's directory in the workspace, or {@code null} for the default
 * @param format              csv, jsonl or parquet, or {@code null} to choose by file extension
 * @param positiveLabel       binary: the positive class, or {@code null} for MLflow's rule
 * @param slices              columns to slice the metrics by, comma-separated, or {@code null}
 * @param sensitive           sensitive attributes for fairness, comma-separated, or {@code null}
 * @param minSliceSize        slices with fewer rows are reported, not gated
 * @param resamples           bootstrap resamples
 * @param seed                bootstrap seed
 * @param columns             the label, prediction, score and id column names, each {@code null} for the default
 * @param reportDir           where the reports are written, relative to the workspace
 */
record EvaluationParameters(@CheckForNull String predictions, @CheckForNull String task, @CheckForNull String gates,
        @CheckForNull String baselinePredictions, @CheckForNull String baselineMetrics, @CheckForNull String baseline,
        @CheckForNull String server, @CheckForNull String localRegistry, @CheckForNull String format,
        @CheckForNull String positiveLabel, @CheckForNull String slices, @CheckForNull String sensitive,
        int minSliceSize, int resamples, long seed, Columns columns, String reportDir) implements Serializable {
    static final String DEFAULT_REPORT_DIR = "mlops-reports/evaluate-model";
    private static final long serialVersionUID = 2L;

    EvaluationParameters {
        predictions = blankToNull(predictions);
        task = blankToNull(task);
        gates = blankToNull(gates);
        baselinePredictions = blankToNull(baselinePredictions);
        baselineMetrics = blankToNull(baselineMetrics);
        baseline = blankToNull(baseline);
        server = blankToNull(server);
        localRegistry = blankToNull(localRegistry);
        format = blankToNull(format);
        positiveLabel = blankToNull(positiveLabel);
        slices = blankToNull(slices);
        sensitive = blankToNull(sensitive);
        columns = columns == null ? new Columns(null, null, null, null) : columns;
        reportDir = blankToDefault(reportDir, DEFAULT_REPORT_DIR);
    }

    /**
     * The column names of the predictions files; {@code null} keeps the default.
     *
     * @param label      default {@code label}
     * @param prediction default {@code prediction}
     * @param score      default {@code score}
     * @param id         default {@code id}
     */
    record Columns(@CheckForNull String label, @CheckForNull String prediction, @CheckForNull String score,
            @CheckForNull String id) implements Serializable {
        private static final long serialVersionUID = 1L;

        Columns {
            label = blankToNull(label);
            prediction = blankToNull(prediction);
            score = blankToNull(score);
            id = blankToNull(id);
        }

        Columns expand(final UnaryOperator<String> variables) {
            var x = ParameterText.expansion(variables);
            return new Columns(x.apply(label), x.apply(prediction), x.apply(score), x.apply(id));
        }
    }

    /**
     * Expands build variables in every text parameter (freestyle builds; Pipeline scripts interpolate themselves).
     *
     * @param variables replaces {@code $VAR} and {@code ${VAR}} references
     * @return the expanded parameters
     */
    EvaluationParameters expand(final UnaryOperator<String> variables) {
        var x = ParameterText.expansion(variables);
        return new EvaluationParameters(x.apply(predictions), x.apply(task), x.apply(gates),
                x.apply(baselinePredictions), x.apply(baselineMetrics), x.apply(baseline), x.apply(server),
                x.apply(localRegistry), x.apply(format), x.apply(positiveLabel), x.apply(slices), x.apply(sensitive),
                minSliceSize, resamples, seed, columns.expand(variables), x.apply(reportDir));
    }

    /**
     * Translates the parameters into the engine request, resolving every path inside the workspace.
     *
     * @param workspace the workspace on the machine that runs the engine
     * @return the request
     * @throws InputException when a parameter is missing, malformed or points outside the workspace
     */
    EvaluationRequest toRequest(final Path workspace) {
        if (predictions == null) {
            throw new InputException("predictions: no predictions file given: expected a CSV, JSON Lines or Parquet "
                    + "file in the workspace with label and prediction columns");
        }
        if (task == null) {
            throw new InputException("task: no task given: expected binary, multiclass or regression");
        }
        var paths = new WorkspacePaths(workspace);
        var file = paths.resolve("predictions", predictions);
        return new EvaluationRequest(file, format == null ? null : DataFormat.of(file, format), Task.of(task),
                PredictionColumns.of(columns.label(), columns.prediction(), columns.score(), columns.id()),
                positiveLabel, paths.resolveOptional("gates", gates),
                paths.resolveOptional("baselinePredictions", baselinePredictions),
                paths.resolveOptional("baselineMetrics", baselineMetrics), names(slices), names(sensitive),
                atLeast("minSliceSize", minSliceSize, 1), atLeast("resamples", resamples, 0), seed,
                paths.resolve("reportDir", reportDir));
    }

    /**
     * The registered model to compare with, checked before anything is read: one baseline at most, and
     * {@code baseline} must name a registered model.
     *
     * @return the reference, or {@code null} when {@code baseline} is not given
     * @throws InputException when more than one baseline is given, or {@code baseline} is not a {@code models:/}
     *                        reference
     */
    @CheckForNull
    ModelUri baselineReference() {
        var given = new ArrayList<String>();
        if (baselinePredictions != null) {
            given.add("baselinePredictions");
        }
        if (baselineMetrics != null) {
            given.add("baselineMetrics");
        }
        if (baseline != null) {
            given.add("baseline");
        }
        if (given.size() > 1) {
            throw new InputException("give one baseline: baselinePredictions, baselineMetrics or baseline, not "
                    + String.join(" and ", given));
        }
        if (baseline == null) {
            return null;
        }
        try {
            return registeredModel(baseline);
        } catch (InputException e) {
            throw new InputException("baseline: " + e.getMessage());
        }
    }

    /**
     * Parses a reference to a registered model, as {@code baseline} takes it.
     *
     * @param text the reference
     * @return the reference
     * @throws InputException when it is not {@code models:/NAME@ALIAS} or {@code models:/NAME/VERSION}
     */
    static ModelUri registeredModel(final String text) {
        var expected = "expected models:/NAME@ALIAS, models:/NAME/VERSION or models:/NAME/latest";
        ModelUri reference;
        try {
            reference = ModelUri.parse(text);
        } catch (InputException e) {
            throw new InputException("'" + text + "' is not a registered model: " + expected);
        }
        if (reference.kind() == ModelUri.Kind.RUN) {
            throw new InputException(reference + " is a run's artifact, not a registered model: " + expected
                    + " (register it with registerModel to compare with it)");
        }
        return reference;
    }

    /** One line for the build log: what is evaluated against what. */
    String describe() {
        var text = new StringBuilder(String.valueOf(predictions)).append(" (").append(task).append(')');
        if (baselinePredictions != null) {
            text.append(" against ").append(baselinePredictions);
        } else if (baselineMetrics != null) {
            text.append(" against the metrics in ").append(baselineMetrics);
        } else if (baseline != null) {
            text.append(" against ").append(baseline).append(" in ").append(RegistryTarget.describe(server));
        }
        if (gates != null) {
            text.append(" with gates ").append(gates);
        }
        return text.toString();
    }

    /** The column names of a comma-separated list. */
    static List<String> names(@CheckForNull final String list) {
        if (list == null) {
            return List.of();
        }
        return Arrays.stream(list.split(",")).map(String::trim).filter(name -> !name.isEmpty()).distinct().toList();
    }

    private static int atLeast(final String parameter, final int value, final int minimum) {
        if (value < minimum) {
            throw new InputException(parameter + ": " + value + " is too small: expected at least " + minimum);
        }
        return value;
    }
}
