package io.jenkins.plugins.mlops.validation;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Run;
import io.jenkins.plugins.mlops.util.BuildReports;
import io.jenkins.plugins.mlops.util.StatusSymbol;
import io.jenkins.plugins.mlops.util.StoredReport;
import io.mlops.report.Status;
import io.mlops.validation.ValidationReport;
import io.mlops.validation.ValidationSummary;
import jenkins.model.RunAction2;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One {@code validateData} call on the build page: its summary (summary.jelly) and its own page with every check
 * and drifted column (index.jelly). Only the summary is stored in build.xml, as plain fields: XStream in Jenkins
 * 2.541 cannot read records back, and the full report can be large. The report is read lazily from its own file
 * in the build directory (see {@link StoredReport}).
 */
public final class ValidationAction implements RunAction2 {
    /** The folder name of its report in the build directory, before the number. */
    static final String KIND = "validation";

    private final String id;
    private final String dataset;
    private final Status status;
    private final String summary;
    private final long rows;
    private final int failedChecks;
    private final ArrayList<String> failedCheckNames;
    private final ArrayList<String> driftedColumns;
    private final String reportDir;

    private transient Run<?, ?> run;
    private transient StoredReport<ValidationReport> report;

    /**
     * Creates the action of one validation.
     *
     * @param id      the id from {@link BuildReports#newId()}
     * @param dataset the dataset as the step named it
     * @param outcome the summary returned by the agent
     * @param run     the build it belongs to
     */
    ValidationAction(final String id, final String dataset, final ValidationSummary outcome, final Run<?, ?> run) {
        this.id = id;
        this.dataset = dataset;
        this.status = outcome.status();
        this.summary = outcome.summary();
        this.rows = outcome.rows();
        this.failedChecks = outcome.failedChecks();
        this.failedCheckNames = new ArrayList<>(outcome.failedCheckNames());
        this.driftedColumns = new ArrayList<>(outcome.driftedColumns());
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
        return (number == 1 ? "Data validation: " : "Data validation " + number + ": ") + dataset;
    }

    @Override
    public String getUrlName() {
        return "mlops-" + id;
    }

    public Run<?, ?> getRun() {
        return run;
    }

    public String getDataset() {
        return dataset;
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

    public long getRows() {
        return rows;
    }

    /** The row count with thousands separators. */
    public String getRowsText() {
        return String.format(Locale.ROOT, "%,d", rows);
    }

    public int getFailedChecks() {
        return failedChecks;
    }

    public List<String> getFailedCheckNames() {
        return List.copyOf(failedCheckNames);
    }

    public List<String> getDriftedColumns() {
        return List.copyOf(driftedColumns);
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
    public ValidationReport getReport() {
        if (report == null) {
            report = new StoredReport<>(KIND, id, ValidationReport.class);
        }
        return report.get(run);
    }

    /** Formats a statistic for the report page. */
    public String format(@CheckForNull final Double value) {
        return value == null ? "-" : String.format(Locale.ROOT, "%.4g", value);
    }
}
