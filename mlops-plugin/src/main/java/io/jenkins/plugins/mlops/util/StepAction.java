package io.jenkins.plugins.mlops.util;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Run;
import io.mlops.report.Status;
import jenkins.model.RunAction2;

import java.nio.file.Path;

/**
 * What the build actions of the steps share: one step call on the build page with its status and summary, its own
 * page at {@code mlops-<kind>-N}, and the full report read lazily from the build directory ({@link StoredReport}).
 * Only the summary is stored in build.xml, as plain fields: XStream in Jenkins 2.541 cannot read records back, and
 * the full report can be large.
 *
 * @param <R> the engine's report type
 */
public abstract class StepAction<R> implements RunAction2 {
    private final String id;
    private final Status status;
    private final String summary;
    private final String reportDir;

    private transient Run<?, ?> run;
    private transient StoredReport<R> report;

    /**
     * Creates the action of one step call.
     *
     * @param id        the id from {@link BuildReports#newId()}
     * @param status    the outcome
     * @param summary   the engine's one sentence
     * @param reportDir where the reports were written, relative to the workspace
     * @param run       the build it belongs to
     */
    protected StepAction(final String id, final Status status, final String summary, final String reportDir,
            final Run<?, ?> run) {
        this.id = id;
        this.status = status;
        this.summary = summary;
        this.reportDir = reportDir;
        this.run = run;
    }

    /** What the page is called before its number: "Data validation". */
    protected abstract String title();

    /** What the step looked at, as the step named it: the dataset or predictions file. */
    protected abstract String subject();

    /** The engine's report type. */
    protected abstract Class<R> reportType();

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
        return (number == 1 ? title() + ": " : title() + " " + number + ": ") + subject();
    }

    @Override
    public String getUrlName() {
        return "mlops-" + id;
    }

    public Run<?, ?> getRun() {
        return run;
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

    public String getReportDir() {
        return reportDir;
    }

    /**
     * Returns the full report, reading it from the build directory on first use.
     *
     * @return the report, or {@code null} when its file is missing or unreadable
     */
    @CheckForNull
    public R getReport() {
        if (report == null) {
            report = new StoredReport<>(kind(), id, reportType());
        }
        return report.get(run);
    }

    /** Whether this action records a step whose report is of this type (e.g. {@code EvaluationReport}). */
    public boolean holds(final Class<?> type) {
        return reportType() == type;
    }

    /** Where the build keeps the full report of this call (the file may be missing). */
    public Path storedReportFile() {
        return new BuildReports(run.getRootDir(), kind()).reportFile(id);
    }

    private String kind() {
        return id.substring(0, id.lastIndexOf('-'));
    }
}
