package io.mlops.training;

import io.mlops.lineage.LineageEvent;
import io.mlops.mlflow.MlflowException;
import io.mlops.registry.ModelRegistry;
import io.mlops.report.DisplayValues;
import io.mlops.report.ErrorReport;
import io.mlops.report.ErrorReportWriter;
import io.mlops.report.ReportKind;
import io.mlops.util.InputException;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The {@code trainModel} step around a runner: before the training, the MLflow run it logs into (created, or the
 * one this build made already); after it, the lineage on that run (image digest, node, GPUs, GPU-hours, exit code,
 * command, commit), the run ended as FINISHED or FAILED, and the report. {@link #run} does all of it blocking, for
 * the command line and the freestyle step; a resumable Pipeline step calls {@link #track}, drives
 * {@link TrainingState} on its own timer, and calls {@link #finish}.
 */
public final class TrainModel {
    /** The tag MLflow shows as the run's commit. */
    static final String MLFLOW_GIT_COMMIT_TAG = "mlflow.source.git.commit";
    static final String TAG_PREFIX = "mlops.";

    private TrainModel() {
    }

    /**
     * Trains to the end: tracks, starts, follows with {@code loop}, finishes.
     *
     * @throws InputException when the training cannot start (bad spec, cluster or MLflow unreachable), after an
     *                        ERROR report
     * @throws IOException    when a report cannot be written
     */
    public static TrainingReport run(final TrainingRequest request, final ModelRegistry registry,
            final TrainingLoop loop) throws IOException {
        var started = loop.clock().instant();
        TrainingState state;
        try {
            var tracking = track(request, registry);
            state = TrainingState.start(loop.runner(), request.spec(), tracking, loop.log(), started);
        }
        catch (InputException e) {
            writeError(request, e.getMessage(), started);
            throw e;
        }
        catch (MlflowException e) {
            var error = new InputException(e.getMessage());
            writeError(request, error.getMessage(), started);
            throw error;
        }
        return finish(request, loop.run(state), registry, started, loop.log(), loop.clock().instant());
    }

    /**
     * The MLflow run of this training, created in the spec's experiment (or found, when this build made it
     * already), and what the training needs to log into it. No experiment: no run.
     *
     * @throws io.mlops.mlflow.MlflowException when the tracking server refuses or cannot be reached
     */
    public static TrainingTracking track(final TrainingRequest request, final ModelRegistry registry) {
        var experiment = request.spec().experiment();
        if (experiment == null || experiment.isBlank() || registry == null) {
            return TrainingTracking.NONE;
        }
        var tags = new LinkedHashMap<String, String>();
        put(tags, ModelRegistry.BUILD_ID_TAG, request.build().buildId());
        put(tags, MLFLOW_GIT_COMMIT_TAG, request.gitCommit());
        put(tags, "jenkins.build.url", request.build().buildUrl());
        put(tags, TAG_PREFIX + LineageEvent.TRAINING_COMMAND, CommandWords.join(request.spec().command()));
        var run = registry.runFor(experiment, request.spec().name(), tags);
        return new TrainingTracking(registry.trackingUri().orElse(null), run.experimentId(), run.runId(),
                request.trackingToken());
    }

    /**
     * After the training: tags the run with the lineage and ends it, then builds the report and writes it when the
     * request has a report directory. A tracking server that fails now costs the tags, not the training's result:
     * the failure is logged.
     */
    public static TrainingReport finish(final TrainingRequest request, final TrainingState state,
            final ModelRegistry registry, final Instant startedAt, final Consumer<String> log,
            final Instant finishedAt) throws IOException {
        var outcome = state.outcome();
        var tracking = state.tracking();
        var facts = facts(request, state);
        var links = registry == null || tracking.runId() == null ? new ModelRegistry.Links(null, null, null)
                : registry.links(tracking.experimentId(), tracking.runId(), null, null);
        if (tracking.runId() != null && registry != null) {
            try {
                var tags = new LinkedHashMap<String, String>();
                facts.forEach((key, value) -> tags.put(TAG_PREFIX + key, value));
                registry.tagRun(tracking.runId(), tags);
                registry.endRun(tracking.runId(), outcome.phase() == TrainingPhase.SUCCEEDED);
            }
            catch (MlflowException | InputException e) {
                log.accept(TrainingState.LOG_PREFIX + "could not record the lineage on MLflow run "
                        + tracking.runId() + ": " + e.getMessage());
            }
        }
        var status = outcome.phase().status();
        var urls = new LinkedHashMap<String, String>();
        put(urls, "MLflow experiment", links.experiment());
        put(urls, "MLflow run", links.run());
        var lineage = new LineageEvent(ReportKind.TRAINING.step(), finishedAt, status.name(), facts, urls);
        var report = new TrainingReport(status, summary(state), startedAt, Duration.between(startedAt, finishedAt)
                .toMillis(), state.runnerKind(), request.spec(), state.ended(), state.gpuHours(), request.gitCommit(),
                tracking, links, lineage);
        if (request.reportDir() != null) {
            TrainingReportWriter.write(report, request.reportDir());
        }
        return report;
    }

    private static Map<String, String> facts(final TrainingRequest request, final TrainingState state) {
        var outcome = state.outcome();
        var tracking = state.tracking();
        var facts = new LinkedHashMap<String, String>();
        put(facts, LineageEvent.GIT_COMMIT, request.gitCommit());
        put(facts, LineageEvent.TRAINING_RUN, tracking.runId());
        put(facts, LineageEvent.MLFLOW_EXPERIMENT, tracking.experimentId());
        put(facts, LineageEvent.MLFLOW_RUN, tracking.runId());
        put(facts, LineageEvent.TRAINING_JOB, outcome.job());
        put(facts, LineageEvent.TRAINING_RUNNER, state.runnerKind());
        put(facts, LineageEvent.TRAINING_COMMAND, CommandWords.join(request.spec().command()));
        put(facts, LineageEvent.TRAINING_IMAGE, outcome.image());
        put(facts, LineageEvent.TRAINING_IMAGE_DIGEST, outcome.imageDigest());
        put(facts, LineageEvent.TRAINING_NODE, outcome.node());
        put(facts, LineageEvent.TRAINING_GPU_TYPE, outcome.gpuType());
        put(facts, LineageEvent.TRAINING_GPUS, Integer.toString(outcome.gpus()));
        put(facts, LineageEvent.TRAINING_GPU_HOURS, String.format(Locale.ROOT, "%.4f", state.gpuHours()));
        put(facts, LineageEvent.TRAINING_EXIT_CODE, outcome.exitCode() == null ? null : outcome.exitCode().toString());
        put(facts, LineageEvent.TRAINING_STARTED, outcome.startedAt() == null ? null : outcome.startedAt().toString());
        put(facts, LineageEvent.TRAINING_FINISHED, outcome.finishedAt() == null ? null
                : outcome.finishedAt().toString());
        put(facts, LineageEvent.TRAINING_ATTEMPTS, Integer.toString(state.ended().size()));
        return facts;
    }

    /** One sentence: how it ended, and where and for how long it ran. */
    static String summary(final TrainingState state) {
        var outcome = state.outcome();
        var name = state.spec().name();
        var retries = state.ended().size() - 1;
        var after = retries == 0 ? "" : " (after " + retries + (retries == 1 ? " retry" : " retries") + ")";
        return switch (outcome.phase()) {
            case SUCCEEDED -> "Training " + name + " succeeded" + after + " in "
                    + DisplayValues.duration(outcome.wallTime().toMillis()) + where(outcome, state.gpuHours()) + ".";
            case FAILED -> "Training " + name + " failed" + after + ": " + outcome.explanation() + ".";
            case TIMED_OUT -> "Training " + name + " timed out" + after + ": " + outcome.explanation() + ".";
            case ABORTED -> "Training " + name + " was aborted: " + outcome.explanation() + ".";
            case INTERRUPTED -> "Training " + name + " was interrupted by the infrastructure: " + outcome.explanation()
                    + ".";
            case ERROR, PENDING, RUNNING -> "Training " + name + " could not run" + after + ": "
                    + outcome.explanation() + ".";
        };
    }

    private static String where(final TrainingOutcome outcome, final double gpuHours) {
        var text = new StringBuilder();
        if (outcome.node() != null) {
            text.append(" on ").append(outcome.node());
        }
        if (outcome.gpus() > 0) {
            text.append(" (").append(outcome.gpus()).append(" × ")
                    .append(outcome.gpuType() == null ? "GPU" : outcome.gpuType())
                    .append(String.format(Locale.ROOT, ", %.2f GPU-hours)", gpuHours));
        }
        return text.toString();
    }

    private static void writeError(final TrainingRequest request, final String message, final Instant started)
            throws IOException {
        if (request.reportDir() != null) {
            ErrorReportWriter.write(ErrorReport.since(ReportKind.TRAINING, message, started), request.reportDir());
        }
    }

    private static void put(final Map<String, String> map, final String key, final String value) {
        if (value != null && !value.isBlank()) {
            map.put(key, value);
        }
    }
}
