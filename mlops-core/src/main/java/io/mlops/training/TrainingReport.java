package io.mlops.training;

import io.mlops.lineage.LineageEvent;
import io.mlops.registry.ModelRegistry;
import io.mlops.report.ReportHeader;
import io.mlops.report.ReportKind;
import io.mlops.report.Status;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The result of {@code trainModel} (report.json kind {@code training}).
 *
 * @param status     PASSED (the command exited with 0), FAILED (it failed, ran out of memory or time), ERROR (it
 *                   could not run: bad spec, image, no node, infrastructure failures beyond the retries, aborted)
 * @param summary    one sentence
 * @param startedAt  when the step started
 * @param durationMs how long it took
 * @param runner     {@code local} or {@code kubernetes}
 * @param spec       what was trained (its secrets are references, its plain variables are reported by name only)
 * @param attempts   every attempt, in order; the last one is the outcome
 * @param gpuHours   GPUs × wall hours over all attempts
 * @param gitCommit  the commit trained, or {@code null}
 * @param tracking   the MLflow run
 * @param links      the experiment and run in the registry's UI
 * @param lineage    this step's lineage event
 */
public record TrainingReport(Status status, String summary, Instant startedAt, long durationMs, String runner,
        TrainingSpec spec, List<TrainingOutcome> attempts, double gpuHours, String gitCommit,
        TrainingTracking tracking, ModelRegistry.Links links, LineageEvent lineage) {
    public static final int SCHEMA_VERSION = 1;

    public TrainingReport {
        Objects.requireNonNull(status, "status");
        attempts = List.copyOf(attempts);
        if (attempts.isEmpty()) {
            throw new IllegalArgumentException("a training report has at least one attempt");
        }
        tracking = tracking == null ? TrainingTracking.NONE : tracking;
        links = links == null ? new ModelRegistry.Links(null, null, null) : links;
    }

    /** The header every report kind shares. */
    public ReportHeader header() {
        return new ReportHeader(ReportKind.TRAINING, status, summary, startedAt, durationMs);
    }

    /** How the training ended: its last attempt. */
    public TrainingOutcome outcome() {
        return attempts.get(attempts.size() - 1);
    }
}
