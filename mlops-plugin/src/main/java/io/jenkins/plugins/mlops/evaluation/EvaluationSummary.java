package io.jenkins.plugins.mlops.evaluation;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.mlops.evaluation.EvaluationReport;
import io.mlops.evaluation.GateResult;
import io.mlops.lineage.LineageEvent;
import io.mlops.report.Status;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The small result of an evaluation that crosses the agent channel; the full result stays in report.json.
 *
 * @param status      the outcome
 * @param summary     one sentence
 * @param task        binary, multiclass or regression
 * @param rows        rows evaluated
 * @param metrics     the candidate's metrics under MLflow's names, in the engine's order
 * @param comparisons the candidate against the baseline, per metric
 * @param failedGates {@code metric} or {@code metric [scope]} of each failed gate
 * @param reportDir   where the reports were written, relative to the workspace
 * @param lineage     what the evaluation adds to the build's lineage
 */
record EvaluationSummary(Status status, String summary, String task, long rows, Map<String, Double> metrics,
        List<Comparison> comparisons, List<String> failedGates, String reportDir, LineageEvent lineage)
        implements Serializable {
    private static final long serialVersionUID = 2L;

    /**
     * One metric of the candidate against the baseline ({@link EvaluationReport.Comparison}).
     *
     * @param metric     the metric
     * @param candidate  the candidate's value
     * @param baseline   the baseline's value
     * @param delta      candidate − baseline
     * @param ci         the interval of delta, two numbers, or {@code null}
     * @param confidence the interval's confidence level, or {@code null}
     * @param pValue     the p-value of "no difference", or {@code null}
     * @param test       delong, mcnemar, bootstrap or point
     */
    record Comparison(String metric, double candidate, double baseline, double delta, @CheckForNull List<Double> ci,
            @CheckForNull Double confidence, @CheckForNull Double pValue, String test) implements Serializable {
        private static final long serialVersionUID = 1L;

        static Comparison of(final EvaluationReport.Comparison c) {
            return new Comparison(c.metric(), c.candidate(), c.baseline(), c.delta(),
                    c.ci() == null ? null : List.of(c.ci()[0], c.ci()[1]), c.confidence(), c.pValue(), c.test());
        }
    }

    /** Summarises a report, with its lineage event as the caller names the files. */
    static EvaluationSummary of(final EvaluationReport report, final String reportDir, final LineageEvent lineage) {
        var metrics = new LinkedHashMap<String, Double>();
        report.metrics().forEach((name, value) -> metrics.put(name, value == null ? null : value.doubleValue()));
        var failed = report.failedGates().stream().map(EvaluationSummary::gateName).distinct().toList();
        return new EvaluationSummary(report.status(), report.summary(), report.task().id(), report.rows(),
                Collections.unmodifiableMap(metrics), report.comparisons().stream().map(Comparison::of).toList(),
                failed, reportDir, lineage);
    }

    /** How a gate is named in messages: the metric, and the slice or sensitive attribute it was measured on. */
    static String gateName(final GateResult gate) {
        return gate.scope() == null ? gate.metric() : gate.metric() + " [" + gate.scope() + "]";
    }

    /** The candidate's metrics as a plain map for the Pipeline script. */
    Map<String, Object> metricsForScript() {
        return new LinkedHashMap<>(metrics);
    }

    /** The comparisons as plain maps for the Pipeline script. */
    List<Map<String, Object>> comparisonsForScript() {
        var list = new ArrayList<Map<String, Object>>();
        for (Comparison c : comparisons) {
            var map = new LinkedHashMap<String, Object>();
            map.put("metric", c.metric());
            map.put("candidate", c.candidate());
            map.put("baseline", c.baseline());
            map.put("delta", c.delta());
            map.put("ci", c.ci() == null ? null : new ArrayList<>(c.ci()));
            map.put("confidence", c.confidence());
            map.put("pValue", c.pValue());
            map.put("test", c.test());
            list.add(map);
        }
        return list;
    }
}
