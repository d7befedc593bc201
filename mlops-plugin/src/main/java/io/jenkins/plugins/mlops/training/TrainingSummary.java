package io.jenkins.plugins.mlops.training;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.mlops.lineage.LineageEvent;
import io.mlops.report.Status;
import io.mlops.training.TrainingReport;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The small result of a training that crosses the agent channel and becomes the build action and the step's return
 * value; the full result stays in report.json.
 *
 * @param status        PASSED, FAILED or ERROR
 * @param summary       one sentence
 * @param runner        {@code kubernetes} or {@code local}
 * @param job           the last attempt's Job (or process)
 * @param runId         the MLflow run, or {@code null}
 * @param experimentUrl the run's experiment in MLflow's UI, or {@code null}
 * @param runUrl        the run in MLflow's UI, or {@code null}
 * @param exitCode      the training command's exit code, or {@code null} when it never exited
 * @param gpuHours      GPUs × wall hours over all attempts
 * @param gpus          GPUs of the last attempt
 * @param gpuType       their model, or {@code null}
 * @param node          the node (or host) of the last attempt, or {@code null}
 * @param image         the container image, or {@code null} for a local process
 * @param imageDigest   the digest the node pulled, or {@code null}
 * @param attempts      how many attempts ran (1 without retries)
 * @param reportDir     where the reports are, as users find them: relative to the workspace, or in the build
 * @param lineage       the training's lineage event
 */
record TrainingSummary(Status status, String summary, String runner, String job, @CheckForNull String runId,
        @CheckForNull String experimentUrl, @CheckForNull String runUrl, @CheckForNull Integer exitCode,
        double gpuHours, int gpus, @CheckForNull String gpuType, @CheckForNull String node,
        @CheckForNull String image, @CheckForNull String imageDigest, int attempts, String reportDir,
        LineageEvent lineage) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Summarises a report. */
    static TrainingSummary of(final TrainingReport report, final String reportDir) {
        var outcome = report.outcome();
        return new TrainingSummary(report.status(), report.summary(), report.runner(), outcome.job(),
                report.tracking().runId(), report.links().experiment(), report.links().run(), outcome.exitCode(),
                report.gpuHours(), outcome.gpus(), outcome.gpuType(), outcome.node(), outcome.image(),
                outcome.imageDigest(), report.attempts().size(), reportDir, report.lineage());
    }

    /**
     * The value {@code trainModel} returns to the script. A plain mutable JDK map, since it lives on in the Pipeline
     * program state and in sandboxed scripts.
     */
    Map<String, Object> toResult() {
        var result = new LinkedHashMap<String, Object>();
        result.put("status", status.name());
        result.put("summary", summary);
        result.put("job", job);
        result.put("runId", runId);
        result.put("exitCode", exitCode);
        result.put("gpuHours", gpuHours);
        result.put("node", node);
        result.put("imageDigest", imageDigest);
        result.put("attempts", attempts);
        result.put("reportDir", reportDir);
        return result;
    }
}
