package io.jenkins.plugins.mlops.evaluation;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.mlops.util.StatusSymbol;
import io.mlops.evaluation.EvaluationReport;
import io.mlops.evaluation.GateResult;
import io.mlops.report.DisplayValues;
import io.mlops.report.Status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One line of the metric-diff table on the build page, as text ready to show: the candidate against the production
 * model, coloured by the verdict of the gates on that metric (over the whole evaluation set).
 *
 * @param metric     the metric
 * @param candidate  the candidate's value
 * @param production the production model's value, or a dash
 * @param delta      candidate − production, signed, or a dash
 * @param interval   the confidence interval of delta, or a dash
 * @param pValue     the p-value, or a dash
 * @param test       how the p-value was found, or a dash
 * @param verdict    the worst verdict of the metric's gates, or {@code null} when it is not gated
 */
public record MetricRow(String metric, String candidate, String production, String delta, String interval,
        String pValue, String test, @CheckForNull Status verdict) {
    /** The rows of a report: its comparisons when it has a baseline, else the candidate's metrics. */
    static List<MetricRow> of(final EvaluationReport report) {
        var rows = new ArrayList<MetricRow>();
        if (report.baseline() == null || report.comparisons().isEmpty()) {
            for (Map.Entry<String, Number> metric : report.metrics().entrySet()) {
                rows.add(new MetricRow(metric.getKey(), DisplayValues.of(metric.getValue()), DisplayValues.NONE,
                        DisplayValues.NONE, DisplayValues.NONE, DisplayValues.NONE, DisplayValues.NONE,
                        verdict(report.gates(), metric.getKey())));
            }
            return rows;
        }
        for (EvaluationReport.Comparison c : report.comparisons()) {
            rows.add(new MetricRow(c.metric(), DisplayValues.number(c.candidate()), DisplayValues.number(c.baseline()),
                    signed(c.delta()), interval(c), c.pValue() == null ? DisplayValues.NONE
                            : DisplayValues.number(c.pValue()), c.test(), verdict(report.gates(), c.metric())));
        }
        return rows;
    }

    /** The CSS colour of the row. */
    public String style() {
        return StatusSymbol.color(verdict);
    }

    /** The verdict as shown in the table's last column. */
    public String verdictText() {
        return verdict == null ? DisplayValues.NONE : verdict.name();
    }

    @CheckForNull
    private static Status verdict(final List<GateResult> gates, final String metric) {
        return gates.stream().filter(g -> g.scope() == null && g.metric().equals(metric)).map(GateResult::status)
                .reduce(Status::and).orElse(null);
    }

    private static String signed(final double value) {
        return (value > 0 ? "+" : "") + DisplayValues.number(value);
    }

    private static String interval(final EvaluationReport.Comparison c) {
        if (c.ci() == null) {
            return DisplayValues.NONE;
        }
        var level = c.confidence() == null ? "" : " (" + DisplayValues.number(c.confidence() * 100) + "%)";
        return "[" + signed(c.ci()[0]) + ", " + signed(c.ci()[1]) + "]" + level;
    }
}
