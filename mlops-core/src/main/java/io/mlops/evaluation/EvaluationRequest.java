package io.mlops.evaluation;

import io.mlops.data.DataFormat;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What {@code evaluateModel} is asked to do (DESIGN.md §3; option names match the Pipeline step's parameters).
 *
 * @param predictions         the candidate's predictions file
 * @param format              its format, or null to go by the file's extension
 * @param task                binary, multiclass or regression
 * @param columns             the column names
 * @param positiveLabel       binary: the positive class, or null for the last label in sorted order (MLflow's rule)
 * @param gates               the gates file, or null to report without gating
 * @param baselinePredictions the production model's predictions on the same rows, or null
 * @param baselineMetrics     the production model's metrics (a JSON map, or a report.json), or null
 * @param slices              columns whose values slice the metrics
 * @param sensitive           sensitive attributes for fairness (binary)
 * @param minSliceSize        slices with fewer rows are reported, not gated
 * @param resamples           bootstrap resamples
 * @param seed                bootstrap seed
 * @param reportDir           where the reports go, or null to write none
 * @param baselineName        what the baseline is for people (e.g. {@code models:/churn/3 (@champion)}), or null
 *                            for its file's path. Given both predictions and metrics (a registered baseline), the
 *                            predictions are compared when they pair with the candidate's, the metrics otherwise.
 */
public record EvaluationRequest(Path predictions, DataFormat format, Task task, PredictionColumns columns,
        String positiveLabel, Path gates, Path baselinePredictions, Path baselineMetrics, List<String> slices,
        List<String> sensitive, int minSliceSize, int resamples, long seed, Path reportDir, String baselineName) {
    /** Below 100 rows a slice's accuracy is uncertain by ±10 points (95%): reported, not gated. */
    public static final int DEFAULT_MIN_SLICE_SIZE = 100;
    public static final int DEFAULT_RESAMPLES = 1000;
    public static final long DEFAULT_SEED = 42;

    public EvaluationRequest {
        Objects.requireNonNull(predictions, "predictions");
        Objects.requireNonNull(task, "task");
        columns = columns == null ? PredictionColumns.DEFAULT : columns;
        slices = slices == null ? List.of() : List.copyOf(slices);
        sensitive = sensitive == null ? List.of() : List.copyOf(sensitive);
    }

    /** A request whose baseline, if any, is named by its file. */
    public EvaluationRequest(final Path predictions, final DataFormat format, final Task task,
            final PredictionColumns columns, final String positiveLabel, final Path gates,
            final Path baselinePredictions, final Path baselineMetrics, final List<String> slices,
            final List<String> sensitive, final int minSliceSize, final int resamples, final long seed,
            final Path reportDir) {
        this(predictions, format, task, columns, positiveLabel, gates, baselinePredictions, baselineMetrics, slices,
                sensitive, minSliceSize, resamples, seed, reportDir, null);
    }

    /** A request with the defaults: no gates, no baseline, no slices. */
    public static EvaluationRequest of(final Path predictions, final Task task) {
        return new EvaluationRequest(predictions, null, task, PredictionColumns.DEFAULT, null, null, null, null,
                List.of(), List.of(), DEFAULT_MIN_SLICE_SIZE, DEFAULT_RESAMPLES, DEFAULT_SEED, null);
    }

    public EvaluationRequest withGates(final Path file) {
        return new EvaluationRequest(predictions, format, task, columns, positiveLabel, file, baselinePredictions,
                baselineMetrics, slices, sensitive, minSliceSize, resamples, seed, reportDir, baselineName);
    }

    public EvaluationRequest withBaselinePredictions(final Path file) {
        return new EvaluationRequest(predictions, format, task, columns, positiveLabel, gates, file, baselineMetrics,
                slices, sensitive, minSliceSize, resamples, seed, reportDir, baselineName);
    }

    public EvaluationRequest withBaselineMetrics(final Path file) {
        return new EvaluationRequest(predictions, format, task, columns, positiveLabel, gates, baselinePredictions,
                file, slices, sensitive, minSliceSize, resamples, seed, reportDir, baselineName);
    }

    public EvaluationRequest withGroups(final List<String> sliceColumns, final List<String> sensitiveColumns) {
        return new EvaluationRequest(predictions, format, task, columns, positiveLabel, gates, baselinePredictions,
                baselineMetrics, sliceColumns, sensitiveColumns, minSliceSize, resamples, seed, reportDir,
                baselineName);
    }

    public EvaluationRequest withReportDir(final Path dir) {
        return new EvaluationRequest(predictions, format, task, columns, positiveLabel, gates, baselinePredictions,
                baselineMetrics, slices, sensitive, minSliceSize, resamples, seed, dir, baselineName);
    }

    /** The same request comparing with a registered model: its predictions when they pair, else its metrics. */
    public EvaluationRequest withRegisteredBaseline(final Path predictionsFile, final Path metricsFile,
            final String name) {
        return new EvaluationRequest(predictions, format, task, columns, positiveLabel, gates, predictionsFile,
                metricsFile, slices, sensitive, minSliceSize, resamples, seed, reportDir, name);
    }
}
