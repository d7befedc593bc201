package io.jenkins.plugins.mlops.evaluation;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Action;
import hudson.model.Run;
import io.jenkins.plugins.mlops.util.BuildReports;
import io.jenkins.plugins.mlops.util.StatusSymbol;
import io.jenkins.plugins.mlops.util.StoredReport;
import io.mlops.evaluation.EvaluationReport;
import io.mlops.evaluation.EvaluationReportWriter;
import io.mlops.evaluation.GateResult;
import io.mlops.report.DisplayValues;
import io.mlops.report.Html;
import io.mlops.report.Status;
import jenkins.model.RunAction2;
import jenkins.tasks.SimpleBuildStep;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * One {@code evaluateModel} call on the build page, "Model metrics": the metric-diff table against the production
 * model with the gates (summary.jelly), and its own page with slices, fairness and curves (index.jelly). Only the
 * summary is stored in build.xml, as plain fields; the report is read from its own file in the build directory
 * ({@link StoredReport}). While it is on the job's last successful build it also puts the {@link MetricTrendAction}
 * on the job page.
 */
public final class EvaluationAction implements RunAction2, SimpleBuildStep.LastBuildAction {
    /** The folder name of its report in the build directory, before the number. */
    static final String KIND = "evaluation";

    private final String id;
    private final String predictions;
    private final Status status;
    private final String summary;
    private final String task;
    private final long rows;
    private final ArrayList<String> failedGates;
    private final String reportDir;

    private transient Run<?, ?> run;
    private transient StoredReport<EvaluationReport> report;

    /**
     * Creates the action of one evaluation.
     *
     * @param id          the id from {@link BuildReports#newId()}
     * @param predictions the predictions file as the step named it
     * @param outcome     the summary returned by the agent
     * @param run         the build it belongs to
     */
    EvaluationAction(final String id, final String predictions, final EvaluationSummary outcome, final Run<?, ?> run) {
        this.id = id;
        this.predictions = predictions;
        this.status = outcome.status();
        this.summary = outcome.summary();
        this.task = outcome.task();
        this.rows = outcome.rows();
        this.failedGates = new ArrayList<>(outcome.failedGates());
        this.reportDir = outcome.reportDir();
        this.run = run;
    }

    @Override
    public void onAttached(final Run<?, ?> r) {
        run = r;
    }

    @Override
    public void onLoad(final Run<?, ?> r) {
        run = r;
    }

    @Override
    public String getIconFileName() {
        return "symbol-analytics";
    }

    @Override
    public String getDisplayName() {
        int number = BuildReports.number(id);
        return (number == 1 ? "Model metrics: " : "Model metrics " + number + ": ") + predictions;
    }

    @Override
    public String getUrlName() {
        return "mlops-" + id;
    }

    /** The metric trend on the job page, while this build is the job's last successful one. */
    @Override
    public Collection<? extends Action> getProjectActions() {
        return List.of(new MetricTrendAction(run));
    }

    public Run<?, ?> getRun() {
        return run;
    }

    public String getPredictions() {
        return predictions;
    }

    public Status getStatus() {
        return status;
    }

    /** The Jenkins symbol that shows the status like a build ball. */
    public String getStatusIcon() {
        return StatusSymbol.of(status);
    }

    public String getSummary() {
        return summary;
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

    public String getReportDir() {
        return reportDir;
    }

    /**
     * Returns the full report, reading it from the build directory on first use.
     *
     * @return the report, or {@code null} when its file is missing or unreadable
     */
    @CheckForNull
    public EvaluationReport getReport() {
        if (report == null) {
            report = new StoredReport<>(KIND, id, EvaluationReport.class);
        }
        return report.get(run);
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
