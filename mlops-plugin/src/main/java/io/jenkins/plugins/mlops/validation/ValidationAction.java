package io.jenkins.plugins.mlops.validation;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Run;
import io.jenkins.plugins.mlops.util.BuildReports;
import io.jenkins.plugins.mlops.util.StepAction;
import io.mlops.validation.ValidationReport;
import io.mlops.validation.ValidationSummary;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One {@code validateData} call on the build page: its summary (summary.jelly) and its own page with every check
 * and drifted column (index.jelly). The summary is kept in build.xml, the full report in the build directory
 * ({@link StepAction}).
 */
public final class ValidationAction extends StepAction<ValidationReport> {
    /** The folder name of its report in the build directory, before the number. */
    static final String KIND = "validation";

    private final String dataset;
    private final long rows;
    private final int failedChecks;
    private final ArrayList<String> failedCheckNames;
    private final ArrayList<String> driftedColumns;

    /**
     * Creates the action of one validation.
     *
     * @param id      the id from {@link BuildReports#newId()}
     * @param dataset the dataset as the step named it
     * @param outcome the summary returned by the agent
     * @param run     the build it belongs to
     */
    ValidationAction(final String id, final String dataset, final ValidationSummary outcome, final Run<?, ?> run) {
        super(id, outcome.status(), outcome.summary(), outcome.reportDir(), run);
        this.dataset = dataset;
        this.rows = outcome.rows();
        this.failedChecks = outcome.failedChecks();
        this.failedCheckNames = new ArrayList<>(outcome.failedCheckNames());
        this.driftedColumns = new ArrayList<>(outcome.driftedColumns());
    }

    @Override
    protected String title() {
        return "Data validation";
    }

    @Override
    protected String subject() {
        return dataset;
    }

    @Override
    protected Class<ValidationReport> reportType() {
        return ValidationReport.class;
    }

    public String getDataset() {
        return dataset;
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

    /** Formats a statistic for the report page. */
    public String format(@CheckForNull final Double value) {
        return value == null ? "-" : String.format(Locale.ROOT, "%.4g", value);
    }
}
