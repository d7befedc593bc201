package io.jenkins.plugins.mlops.training;

import com.fasterxml.jackson.databind.JsonNode;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Run;
import io.jenkins.plugins.mlops.util.BuildReports;
import io.jenkins.plugins.mlops.util.StepAction;
import io.jenkins.plugins.mlops.util.WebLink;
import io.mlops.report.DisplayValues;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;

/**
 * One {@code trainModel} call on the build page, "Model training": where and how long it ran (image digest, node,
 * GPUs and GPU-hours, attempts) with a link to its MLflow run (summary.jelly), and its own page with every attempt
 * from report.json (index.jelly). The summary is kept in build.xml as plain fields, the full report in the build
 * directory ({@link StepAction}).
 */
public final class TrainingAction extends StepAction<JsonNode> {
    /** The folder name of its report in the build directory, before the number. */
    static final String KIND = "training";

    private final String runner;
    private final String job;
    private final String image;
    private final String imageDigest;
    private final String node;
    private final int gpus;
    private final String gpuType;
    private final double gpuHours;
    private final int attempts;
    private final Integer exitCode;
    private final String runId;
    private final String experimentUrl;
    private final String runUrl;

    /**
     * Creates the action of one training.
     *
     * @param id      the id from {@link BuildReports#newId()}
     * @param outcome the summary of the training
     * @param run     the build it belongs to
     */
    TrainingAction(final String id, final TrainingSummary outcome, final Run<?, ?> run) {
        super(id, outcome.status(), outcome.summary(), outcome.reportDir(), run);
        this.runner = outcome.runner();
        this.job = outcome.job();
        this.image = outcome.image();
        this.imageDigest = outcome.imageDigest();
        this.node = outcome.node();
        this.gpus = outcome.gpus();
        this.gpuType = outcome.gpuType();
        this.gpuHours = outcome.gpuHours();
        this.attempts = outcome.attempts();
        this.exitCode = outcome.exitCode();
        this.runId = outcome.runId();
        this.experimentUrl = outcome.experimentUrl();
        this.runUrl = outcome.runUrl();
    }

    @Override
    protected String title() {
        return "Model training";
    }

    @Override
    protected String subject() {
        return job;
    }

    @Override
    protected Class<JsonNode> reportType() {
        return JsonNode.class;
    }

    @Override
    public String getIconFileName() {
        return "symbol-hardware-chip";
    }

    /** {@code kubernetes} or {@code local}. */
    public String getRunner() {
        return runner;
    }

    /** The last attempt's Job (or process). */
    public String getJob() {
        return job;
    }

    @CheckForNull
    public String getImage() {
        return image;
    }

    @CheckForNull
    public String getImageDigest() {
        return imageDigest;
    }

    @CheckForNull
    public String getNode() {
        return node;
    }

    /** {@code 2 × NVIDIA-A100-SXM4-80GB}, or "none". */
    public String getGpus() {
        return gpus == 0 ? "none" : gpus + " × " + (gpuType == null ? "GPU" : gpuType);
    }

    /** GPUs × wall hours over all attempts, to two decimals. */
    public String getGpuHours() {
        return String.format(Locale.ROOT, "%.2f", gpuHours);
    }

    public int getAttempts() {
        return attempts;
    }

    @CheckForNull
    public Integer getExitCode() {
        return exitCode;
    }

    @CheckForNull
    public String getRunId() {
        return runId;
    }

    /** The MLflow experiment and run: http(s) links only. */
    public List<WebLink> getLinks() {
        var links = new LinkedHashMap<String, String>();
        links.put("MLflow run", runUrl);
        links.put("MLflow experiment", experimentUrl);
        return WebLink.of(links);
    }

    /** Every attempt, from the full report; empty without it. */
    public List<AttemptRow> getAttemptRows() {
        var rows = new ArrayList<AttemptRow>();
        var report = getReport();
        if (report != null) {
            for (JsonNode attempt : report.path("attempts")) {
                rows.add(AttemptRow.of(attempt));
            }
        }
        return rows;
    }

    /**
     * One attempt on the training's page. Its texts come from the cluster (node names, explanations quoting the
     * training's last line), so the page writes them through escaped expressions.
     *
     * @param job         the attempt's Job (or process)
     * @param phase       how it ended
     * @param exitCode    its exit code, or "—"
     * @param explanation what happened
     * @param node        where it ran, or "—"
     * @param imageDigest the pulled image's digest, or "—"
     * @param wallTime    how long the command ran
     * @param gpuHours    its GPU-hours
     */
    public record AttemptRow(String job, String phase, String exitCode, String explanation, String node,
            String imageDigest, String wallTime, String gpuHours) {
        static AttemptRow of(final JsonNode attempt) {
            return new AttemptRow(attempt.path("job").asText(), attempt.path("phase").asText(),
                    text(attempt.path("exitCode")), attempt.path("explanation").asText(""),
                    text(attempt.path("node")), text(attempt.path("imageDigest")),
                    DisplayValues.duration(Math.round(attempt.path("wallSeconds").asDouble() * 1000)),
                    String.format(Locale.ROOT, "%.2f", attempt.path("gpuHours").asDouble()));
        }

        private static String text(final JsonNode value) {
            return value.isMissingNode() || value.isNull() ? "—" : value.asText();
        }
    }
}
