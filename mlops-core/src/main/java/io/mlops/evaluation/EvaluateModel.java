package io.mlops.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlops.data.DataFormat;
import io.mlops.data.DatasetInfo;
import io.mlops.report.ErrorReportWriter;
import io.mlops.report.ReportJson;
import io.mlops.report.ReportKind;
import io.mlops.report.Status;
import io.mlops.util.InputException;
import io.mlops.util.NumberText;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code evaluateModel} step: reads the candidate's predictions (and the baseline's, paired by id or row
 * order), evaluates, gates, and writes report.json, report.md, report.html and junit.xml. Bad input or
 * configuration is an {@link InputException}, after an ERROR report has replaced the old reports.
 */
public final class EvaluateModel {
    private EvaluateModel() {
    }

    /**
     * Runs an evaluation.
     *
     * @throws InputException naming file, line and column of bad input, or the bad setting
     * @throws IOException    when a file cannot be read or a report cannot be written
     */
    public static EvaluationReport run(final EvaluationRequest request) throws IOException, InterruptedException {
        return run(request, unchanged -> unchanged);
    }

    /**
     * Fetches what the request still needs (e.g. a registered model's predictions and metrics as its baseline),
     * then runs the evaluation. The request's report directory is known before the fetch, so a fetch that fails
     * leaves an ERROR report, not an older report that says PASSED.
     */
    @FunctionalInterface
    public interface Preparation {
        /** The request with what was fetched. */
        EvaluationRequest prepare(EvaluationRequest request) throws IOException;
    }

    /**
     * Prepares and runs an evaluation.
     *
     * @throws InputException naming file, line and column of bad input, the bad setting, or why the preparation
     *                        failed
     * @throws IOException    when a file cannot be read or a report cannot be written
     * @throws IllegalStateException when the thread is interrupted while reading; the interrupt status stays set
     */
    public static EvaluationReport run(final EvaluationRequest request, final Preparation preparation)
            throws IOException, InterruptedException {
        return ErrorReportWriter.unlessResult(ReportKind.MODEL_EVALUATION, request.reportDir(), "input", started -> {
            var report = evaluate(preparation.prepare(request), started);
            if (request.reportDir() != null) {
                EvaluationReportWriter.write(report, request.reportDir());
            }
            return report;
        });
    }

    private static EvaluationReport evaluate(final EvaluationRequest request, final Instant started)
            throws IOException, InterruptedException {
        var gates = request.gates() == null ? Gates.NONE : GatesFile.read(request.gates());
        var groups = new ArrayList<>(request.slices());
        request.sensitive().stream().filter(c -> !groups.contains(c)).forEach(groups::add);
        var candidate = read(request, request.predictions(), groups, null);
        Predictions baseline = null;
        Map<String, Number> baselineMetrics = null;
        String baselineSource = null;
        String unpaired = null;
        if (request.baselinePredictions() != null) {
            try {
                var other = read(request, request.baselinePredictions(), List.of(), candidate.classes());
                var paired = pair(candidate, other);
                candidate = paired[0];
                baseline = paired[1];
                baselineSource = request.baselineName() != null ? request.baselineName()
                        : request.baselinePredictions().toString();
            }
            catch (InputException e) {
                // With metrics to fall back on (a registered baseline), predictions of another evaluation set
                // only mean that no paired comparison is possible.
                if (request.baselineMetrics() == null) {
                    throw e;
                }
                unpaired = e.getMessage();
            }
        }
        if (baseline == null && request.baselineMetrics() != null) {
            baselineMetrics = BaselineMetrics.read(request.baselineMetrics());
            baselineSource = (request.baselineName() != null ? request.baselineName()
                    : request.baselineMetrics().toString()) + (unpaired == null ? ""
                    : " (its predictions could not be paired with the candidate's, so metrics only: " + unpaired + ")");
        }
        var settings = new Evaluator.Settings(gates, request.slices(), request.sensitive(), request.minSliceSize(),
                request.resamples(), request.seed(), 0.95, Runtime.getRuntime().availableProcessors());
        var outcome = Evaluator.evaluate(candidate, baseline, baselineMetrics, baselineSource, settings);
        var status = Status.PASSED;
        if (outcome.gates().stream().anyMatch(g -> g.status() == Status.FAILED)) {
            status = Status.FAILED;
        }
        else if (outcome.gates().stream().anyMatch(g -> g.status() == Status.INCONCLUSIVE)) {
            status = Status.INCONCLUSIVE;
        }
        var dataset = new DatasetInfo(candidate.file(), candidate.format(), candidate.rows(),
                candidate.task().classification() ? candidate.classes().size() : 1, candidate.sha256());
        String positive = candidate.task() == Task.BINARY ? candidate.classes().get(1) : null;
        return new EvaluationReport(status, summary(status, candidate, outcome), started,
                Duration.between(started, Instant.now()).toMillis(), candidate.task(), candidate.rows(), dataset,
                positive, outcome.metrics(), outcome.classes(), outcome.confusion(), outcome.baseline(),
                outcome.comparisons(), outcome.gates(), outcome.slices(), outcome.fairness(), outcome.curves());
    }

    private static Predictions read(final EvaluationRequest request, final Path file, final List<String> groups,
            final List<String> knownClasses) throws IOException {
        var format = request.format() != null ? request.format() : DataFormat.of(file, null);
        return PredictionsReader.read(file, format, request.task(), request.columns(), request.positiveLabel(),
                groups, knownClasses);
    }

    /**
     * Lines up the baseline's rows with the candidate's: by id when both files have one, by row order when
     * neither has and they are equally long. The baseline takes the candidate's classes and labels.
     */
    static Predictions[] pair(final Predictions candidate, final Predictions baseline) {
        int n = candidate.rows();
        if (candidate.ids() == null && baseline.ids() == null) {
            if (baseline.rows() != n) {
                throw new InputException("the baseline has " + baseline.rows() + " rows and the candidate " + n
                        + ", and neither has an id column to pair them by: add an id column to both files");
            }
            return new Predictions[] {candidate, aligned(candidate, baseline, identity(n))};
        }
        if (candidate.ids() == null || baseline.ids() == null) {
            throw new InputException((candidate.ids() == null ? candidate.file() : baseline.file())
                    + " has no id column, but " + (candidate.ids() == null ? baseline.file() : candidate.file())
                    + " has: give both files ids to pair rows by, or neither (then rows pair by order)");
        }
        var byId = new HashMap<String, Integer>(baseline.rows() * 2);
        for (int row = 0; row < baseline.rows(); row++) {
            if (byId.put(baseline.ids()[row], row) != null) {
                throw new InputException(baseline.file(), baseline.lines()[row], 0, "id '" + baseline.ids()[row]
                        + "' occurs twice: ids must be unique to pair rows");
            }
        }
        var order = new int[n];
        var seen = new HashMap<String, Integer>(n * 2);
        for (int row = 0; row < n; row++) {
            var id = candidate.ids()[row];
            if (seen.put(id, row) != null) {
                throw new InputException(candidate.file(), candidate.lines()[row], 0, "id '" + id
                        + "' occurs twice: ids must be unique to pair rows");
            }
            var match = byId.get(id);
            if (match == null) {
                throw new InputException(candidate.file(), candidate.lines()[row], 0, "id '" + id
                        + "' has no row in the baseline " + baseline.file()
                        + ": both models must be evaluated on the same rows");
            }
            order[row] = match;
        }
        if (baseline.rows() != n) {
            throw new InputException(baseline.file() + " has " + (baseline.rows() - n) + " rows whose ids the "
                    + "candidate does not have: both models must be evaluated on the same rows");
        }
        return new Predictions[] {candidate, aligned(candidate, baseline, order)};
    }

    /** The baseline's rows in the candidate's order, its classes mapped onto the candidate's, labels checked. */
    private static Predictions aligned(final Predictions candidate, final Predictions baseline, final int[] order) {
        var rows = baseline.subset(order);
        if (!candidate.task().classification()) {
            for (int i = 0; i < rows.rows(); i++) {
                if (Double.compare(rows.actual()[i], candidate.actual()[i]) != 0) {
                    throw mismatch(candidate, rows, i, rows.actual()[i] + " vs " + candidate.actual()[i]);
                }
            }
            return rows;
        }
        var classMap = new int[rows.classes().size()];
        var classes = new ArrayList<>(candidate.classes());
        for (int c = 0; c < classMap.length; c++) {
            var label = rows.classes().get(c);
            if (!classes.contains(label)) {
                throw new InputException(baseline.file() + " predicts the class '" + label + "', which the "
                        + "candidate's file never has: both must use the same classes");
            }
            classMap[c] = classes.indexOf(label);
        }
        var label = new int[rows.rows()];
        var predicted = new int[rows.rows()];
        for (int i = 0; i < label.length; i++) {
            label[i] = classMap[rows.label()[i]];
            predicted[i] = classMap[rows.predicted()[i]];
            if (label[i] != candidate.label()[i]) {
                throw mismatch(candidate, rows, i, classes.get(label[i]) + " vs " + classes.get(candidate.label()[i]));
            }
        }
        double[][] scores = null;
        if (rows.classScores() != null) {
            scores = new double[classes.size()][];
            for (int c = 0; c < classMap.length; c++) {
                scores[classMap[c]] = rows.classScores()[c];
            }
        }
        return new Predictions(rows.file(), rows.format(), rows.sha256(), rows.task(), candidate.classes(), label,
                predicted, rows.score(), scores, null, null, rows.ids(), rows.lines(), rows.attributes());
    }

    private static InputException mismatch(final Predictions candidate, final Predictions baseline, final int row,
            final String values) {
        return new InputException(baseline.file(), baseline.lines()[row], 0, "the label differs from the "
                + "candidate's at line " + candidate.lines()[row] + " of " + candidate.file() + " (" + values
                + "): both files must hold the same evaluation set");
    }

    private static int[] identity(final int n) {
        var order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return order;
    }

    private static String summary(final Status status, final Predictions candidate, final Evaluator.Outcome outcome) {
        var gates = outcome.gates();
        long failed = gates.stream().filter(g -> g.status() == Status.FAILED).count();
        long inconclusive = gates.stream().filter(g -> g.status() == Status.INCONCLUSIVE).count();
        var text = new StringBuilder(status.name()).append(": ").append(candidate.file()).append(": ")
                .append(String.format(NumberText.LOCALE, "%,d", candidate.rows())).append(" rows, ")
                .append(candidate.task().id());
        if (gates.isEmpty()) {
            text.append(", no gates");
        }
        else if (failed > 0) {
            text.append(": ").append(failed).append(" of ").append(gates.size()).append(" gates failed (")
                    .append(String.join(", ", gates.stream().filter(g -> g.status() == Status.FAILED)
                            .map(g -> g.scope() == null ? g.metric() : g.metric() + " [" + g.scope() + "]")
                            .distinct().toList())).append(')');
        }
        else if (inconclusive > 0) {
            text.append(": ").append(inconclusive).append(" of ").append(gates.size())
                    .append(" gates inconclusive, none failed");
        }
        else {
            text.append(": all ").append(gates.size()).append(" gates passed");
        }
        return text.append('.').toString();
    }

    /**
     * Reads a baseline's metrics: a JSON object of numbers ({@code {"roc_auc": 0.81}}), any report.json with a
     * {@code metrics} object (an earlier evaluation), or MLflow's {@code runs/get} response, whose
     * {@code run.data.metrics} is a list of {@code {key, value, timestamp, step}} (the latest step wins).
     */
    static final class BaselineMetrics {
        private BaselineMetrics() {
        }

        static Map<String, Number> read(final Path file) {
            JsonNode root;
            try {
                root = ReportJson.readTree(file);
            }
            catch (IOException e) {
                throw new InputException(file, "cannot read baseline metrics: " + e.getMessage());
            }
            if (root != null && root.path("run").path("data").has("metrics")) {
                root = root.get("run").get("data");
            }
            var metrics = root != null && root.has("metrics") ? root.get("metrics") : root;
            var result = new LinkedHashMap<String, Number>();
            if (metrics != null && metrics.isArray()) {
                var steps = new HashMap<String, Long>();
                for (JsonNode metric : metrics) {
                    var key = metric.path("key").asText(null);
                    long step = metric.path("step").asLong(0);
                    boolean latest = step >= steps.getOrDefault(key, Long.MIN_VALUE);
                    if (key != null && metric.path("value").isNumber() && latest) {
                        steps.put(key, step);
                        result.put(key, metric.get("value").numberValue());
                    }
                }
            }
            else if (metrics != null && metrics.isObject()) {
                metrics.fields().forEachRemaining(entry -> {
                    if (entry.getValue().isNumber()) {
                        result.put(entry.getKey(), entry.getValue().numberValue());
                    }
                });
            }
            if (result.isEmpty()) {
                throw new InputException(file, "no metric values: expected a JSON object such as {\"roc_auc\": 0.81}, "
                        + "a report.json with \"metrics\", or an MLflow runs/get response");
            }
            return result;
        }
    }
}
