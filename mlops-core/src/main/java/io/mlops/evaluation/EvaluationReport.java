package io.mlops.evaluation;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.mlops.data.DatasetInfo;
import io.mlops.lineage.LineageEvent;
import io.mlops.report.ReportKind;
import io.mlops.report.Status;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The result of {@code evaluateModel}, serialised as report.json (kind {@code model-evaluation}, DESIGN.md §3).
 *
 * @param status          PASSED, FAILED (a gate failed) or INCONCLUSIVE (a statistical gate could not decide)
 * @param summary         one sentence
 * @param startedAt       when evaluation started
 * @param durationMs      how long it took
 * @param task            binary, multiclass or regression
 * @param rows            rows evaluated
 * @param predictions     the candidate's predictions file
 * @param positiveLabel   binary: the positive class; null otherwise
 * @param metrics         the candidate's metrics under MLflow's names
 * @param classes         multiclass: one row per class; empty otherwise
 * @param confusionMatrix classification: counts by actual (rows) and predicted (columns) class; null for regression
 * @param baseline        the production model compared against, or null
 * @param comparisons     per metric: candidate, baseline, difference, interval, test
 * @param gates           every gate's verdict, in gates-file order
 * @param slices          per slice column, per value: rows, whether it was gated, metrics
 * @param fairness        per sensitive attribute: the fairness measures and each group's rates
 * @param curves          binary with scores: "roc", "precision_recall", "calibration", each per model
 */
@JsonPropertyOrder({"schemaVersion", "kind", "status", "summary", "startedAt", "durationMs", "task", "rows",
        "predictions", "positiveLabel", "metrics", "classes", "confusionMatrix", "baseline", "comparisons", "gates",
        "slices", "fairness", "curves"})
public record EvaluationReport(Status status, String summary, Instant startedAt, long durationMs, Task task,
        long rows, DatasetInfo predictions, String positiveLabel, Map<String, Number> metrics,
        List<ClassMetrics> classes, ConfusionMatrix confusionMatrix, Baseline baseline,
        List<Comparison> comparisons, List<GateResult> gates, Map<String, Map<String, Slice>> slices,
        Map<String, FairnessResult> fairness, Map<String, Map<String, Curve>> curves) {
    @JsonProperty("schemaVersion")
    public int schemaVersion() {
        return 1;
    }

    @JsonProperty("kind")
    public String kind() {
        return ReportKind.MODEL_EVALUATION.id();
    }

    /**
     * What this evaluation adds to the build's lineage: its verdict, the digest and path of the predictions, the
     * candidate's top-level metrics as {@code metric.<name>}, and what it was compared against.
     */
    public LineageEvent lineageEvent() {
        var facts = new LinkedHashMap<String, String>();
        facts.put(LineageEvent.EVALUATION_STATUS, status.name());
        if (predictions != null) {
            facts.put(LineageEvent.PREDICTIONS_SHA256, predictions.sha256());
            facts.put(LineageEvent.PREDICTIONS_PATH, predictions.path());
        }
        if (metrics != null) {
            metrics.forEach((name, value) -> {
                if (value != null) {
                    facts.put(LineageEvent.METRIC_PREFIX + name, value.toString());
                }
            });
        }
        if (baseline != null) {
            facts.put(LineageEvent.BASELINE, baseline.source());
        }
        return new LineageEvent(ReportKind.MODEL_EVALUATION.step(), startedAt.plusMillis(durationMs), status.name(),
                facts, Map.of());
    }

    /** The gates that failed. */
    public List<GateResult> failedGates() {
        return gates.stream().filter(g -> g.status() == Status.FAILED).toList();
    }

    /**
     * Counts by actual and predicted class.
     *
     * @param labels the classes, in the order of rows and columns
     * @param counts counts[actual][predicted]
     */
    public record ConfusionMatrix(List<String> labels, long[][] counts) {
    }

    /**
     * The model compared against.
     *
     * @param source  where it came from: a predictions file, a metrics file, later a models:/ URI
     * @param kind    "predictions" (paired comparison with intervals) or "metrics" (point comparison only)
     * @param metrics its metrics
     */
    public record Baseline(String source, String kind, Map<String, Number> metrics) {
    }

    /**
     * One metric of the candidate against the baseline.
     *
     * @param metric     the metric
     * @param candidate  the candidate's value
     * @param baseline   the baseline's value
     * @param delta      candidate − baseline
     * @param ci         the paired bootstrap interval of delta, or null without paired predictions
     * @param confidence the interval's confidence level, or null
     * @param pValue     the two-sided p-value of "no difference", or null
     * @param test       how the p-value was found: "delong", "mcnemar", "bootstrap"; "point" without one
     */
    public record Comparison(String metric, double candidate, double baseline, double delta, double[] ci,
            Double confidence, Double pValue, String test) {
    }

    /**
     * The metrics of one slice.
     *
     * @param rows    rows in the slice
     * @param gated   whether slice gates applied (false below the minimum slice size)
     * @param metrics its metrics
     */
    public record Slice(long rows, boolean gated, Map<String, Number> metrics) {
    }
}
