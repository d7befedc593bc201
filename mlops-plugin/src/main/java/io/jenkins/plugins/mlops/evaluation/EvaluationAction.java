package io.jenkins.plugins.mlops.evaluation;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Action;
import hudson.model.Run;
import io.jenkins.plugins.mlops.util.BuildReports;
import io.jenkins.plugins.mlops.util.StepAction;
import io.jenkins.plugins.mlops.util.StatusSymbol;
import io.mlops.evaluation.EvaluationReport;
import io.mlops.evaluation.EvaluationReportWriter;
import io.mlops.evaluation.GateResult;
import io.mlops.report.DisplayValues;
import io.mlops.report.Html;
import io.mlops.report.Status;
import jenkins.tasks.SimpleBuildStep;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * One {@code evaluateModel} call on the build page, "Model metrics": the metric-diff table against the production
 * model with the gates (summary.jelly), and its own page with slices, fairness and curves (index.jelly). The summary is
 * kept in build.xml, the full report in the build directory ({@link StepAction}). While it is on the job's last successful build it also puts the {@link MetricTrendAction}
 * on the job page.
 */
public final class EvaluationAction extends StepAction<EvaluationReport> implements SimpleBuildStep.LastBuildAction {
    /** The folder name of its report in the build directory, before the number. */
    static final String KIND = "evaluation";

    private final String predictions;
    private final String task;
    private final long rows;
    private final ArrayList<String> failedGates;

    /**
     * Creates the action of one evaluation.
     *
     * @param id          the id from {@link BuildReports#newId()}
     * @param predictions the predictions file as the step named it
     * @param outcome     the summary returned by the agent
     * @param run         the build it belongs to
     */
    EvaluationAction(final String id, final String predictions, final EvaluationSummary outcome, final Run<?, ?> run) {
        super(id, outcome.status(), outcome.summary(), outcome.reportDir(), run);
        this.predictions = predictions;
        this.task = outcome.task();
        this.rows = outcome.rows();
        this.failedGates = new ArrayList<>(outcome.failedGates());
    }

    /** The metric trend on the job page, while this build is the job's last successful one. */
    @Override
    public Collection<? extends Action> getProjectActions() {
        return List.of(new MetricTrendAction(getRun()));
    }

    @Override
    protected String title() {
        return "Model metrics";
    }

    @Override
    protected String subject() {
        return predictions;
    }

    @Override
    protected Class<EvaluationReport> reportType() {
        return EvaluationReport.class;
    }

    public String getPredictions() {
        return predictions;
    }

    public String getTask() {
        return task;
    }

    public long getRows() {
        return rows;
    }

    /** The row count with thousands separators. */
    public String getRowsText() {
        return DisplayValues.count(rows);
    }

    public List<String> getFailedGates() {
        return List.copyOf(failedGates);
    }

    /** The metric-diff table: one row per metric, coloured by its gate verdict; empty without the report. */
    public List<MetricRow> getMetricRows() {
        var full = getReport();
        return full == null ? List.of() : MetricRow.of(full);
    }

    /** Every gate's verdict, in gates-file order; empty without the report. */
    public List<GateResult> getGates() {
        var full = getReport();
        return full == null ? List.of() : full.gates();
    }

    /** Whether the metrics are compared against a production model. */
    public boolean isCompared() {
        var full = getReport();
        return full != null && full.baseline() != null;
    }

    /**
     * The ROC, precision-recall and calibration charts as SVG markup, rendered by the engine, which escapes every
     * text it is given ({@link Html}); the page writes them with {@code <j:out>}.
     */
    public List<String> getCurveCharts() {
        var full = getReport();
        if (full == null || full.curves() == null) {
            return List.of();
        }
        return EvaluationReportWriter.curveCharts(full.curves()).stream().map(Html::toString).toList();
    }

    /** The name of a gate: its metric and, for slices and fairness, the scope in brackets. */
    public String gateName(final GateResult gate) {
        return EvaluationSummary.gateName(gate);
    }

    /** The CSS colour of a verdict. */
    public String color(@CheckForNull final Status verdict) {
        return StatusSymbol.color(verdict);
    }

    /** Formats a value for the page: counts with separators, measurements to four significant digits. */
    public String format(@CheckForNull final Object value) {
        return DisplayValues.of(value);
    }
}
