package io.mlops.training;

import io.mlops.report.DisplayValues;
import io.mlops.util.InputException;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A training across its attempts: the current attempt's handle, the attempts that ended, the deadline, and, once it
 * is over, the outcome. An immutable, serializable value: a resumable step keeps the latest one and, on each timer
 * tick (or after a restart, with a new runner), calls {@link #advance}. The rules live here, the same for every
 * runner and front end:
 * <ul>
 * <li>the timeout covers all attempts; when it passes, the attempt's last log lines are read, then it is stopped (and
 * its Job and pods deleted) — unless it ended on its own in the meantime;</li>
 * <li>only an {@link TrainingPhase#INTERRUPTED interrupted} attempt (eviction, preemption, node loss) is retried, as a
 * new attempt {@code NAME-rN}, at most {@link TrainingSpec#retries()} times; a failing training command never is;</li>
 * <li>an attempt that could not run ({@link TrainingPhase#ERROR}, e.g. an image that cannot be pulled) is stopped, so
 * no pending pod waits for a GPU after the build has given up;</li>
 * <li>a runner that cannot be reached is asked again on the next tick, until the deadline.</li>
 * </ul>
 *
 * @param spec             what is trained
 * @param tracking         the MLflow run it logs into
 * @param runnerKind       the runner's kind, {@code local} or {@code kubernetes}
 * @param startedAt        when the first attempt was submitted
 * @param deadline         when the timeout passes
 * @param ended            the attempts that ended, in order (the last one is the outcome once finished)
 * @param current          the attempt under way, or {@code null} once finished
 * @param lastMessage      the last waiting message logged, so each is logged once
 * @param unavailableSince since when the runner could not be reached, or {@code null}
 */
public record TrainingState(TrainingSpec spec, TrainingTracking tracking, String runnerKind, Instant startedAt,
        Instant deadline, List<TrainingOutcome> ended, TrainingJob current, String lastMessage,
        Instant unavailableSince) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The prefix of the lines the engine itself writes into the training's log. */
    public static final String LOG_PREFIX = "[mlops] ";

    public TrainingState {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(tracking, "tracking");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(deadline, "deadline");
        ended = List.copyOf(ended);
        if (current == null && ended.isEmpty()) {
            throw new IllegalArgumentException("a training has an attempt under way or an outcome");
        }
    }

    /** Submits the first attempt. */
    public static TrainingState start(final TrainingRunner runner, final TrainingSpec spec,
            final TrainingTracking tracking, final Consumer<String> log, final Instant now) {
        var job = runner.start(spec, tracking, 0, spec.timeout());
        runner.ignored(spec).forEach(line -> log.accept(LOG_PREFIX + line));
        log.accept(LOG_PREFIX + "submitted " + describe(runner, job));
        return new TrainingState(spec, tracking, runner.kind(), now, now.plus(spec.timeout()), List.of(), job, null,
                null);
    }

    /** Whether the training is over; then {@link #outcome()} says how it ended. */
    public boolean isFinished() {
        return current == null;
    }

    /** How the training ended (its last attempt's outcome). */
    public TrainingOutcome outcome() {
        if (!isFinished()) {
            throw new IllegalStateException("training " + spec.name() + " is still under way");
        }
        return ended.get(ended.size() - 1);
    }

    /** GPU-hours of all attempts: interrupted ones held their GPUs too. */
    public double gpuHours() {
        return ended.stream().mapToDouble(TrainingOutcome::gpuHours).sum();
    }

    /**
     * Polls the current attempt once, hands its new log lines to {@code log}, and applies the rules above.
     *
     * @return the next state (this one when nothing changed)
     */
    public TrainingState advance(final TrainingRunner runner, final Consumer<String> log, final Instant now) {
        if (isFinished()) {
            return this;
        }
        TrainingStatus status;
        try {
            status = runner.poll(current, log);
        }
        catch (RunnerUnavailableException e) {
            if (!now.isBefore(deadline)) {
                return timedOut(runner, log);
            }
            if (unavailableSince == null) {
                log.accept(LOG_PREFIX + e.getMessage() + "; asking again until the timeout");
            }
            return new TrainingState(spec, tracking, runnerKind, startedAt, deadline, ended, current, lastMessage,
                    unavailableSince == null ? now : unavailableSince);
        }
        if (unavailableSince != null) {
            log.accept(LOG_PREFIX + "the " + runnerKind + " runner answers again");
        }
        if (!status.phase().isFinished() && !now.isBefore(deadline)) {
            return withCurrent(status.job()).timedOut(runner, log);
        }
        if (!status.phase().isFinished()) {
            var message = status.message();
            if (message != null && !message.equals(lastMessage)) {
                log.accept(LOG_PREFIX + message);
            }
            return new TrainingState(spec, tracking, runnerKind, startedAt, deadline, ended, status.job(),
                    message != null ? message : lastMessage, null);
        }
        return afterAttempt(runner, log, status, now);
    }

    private TrainingState afterAttempt(final TrainingRunner runner, final Consumer<String> log,
            final TrainingStatus status, final Instant now) {
        var outcome = status.outcome();
        var attempts = new ArrayList<>(ended);
        attempts.add(outcome);
        if (outcome.phase() == TrainingPhase.INTERRUPTED || outcome.phase() == TrainingPhase.ERROR) {
            cleanUp(runner, status.job(), outcome, log);
        }
        int attempt = status.job().attempt();
        if (outcome.phase() == TrainingPhase.INTERRUPTED && attempt < spec.retries() && now.isBefore(deadline)) {
            try {
                var next = runner.start(spec, tracking, attempt + 1, Duration.between(now, deadline));
                log.accept(LOG_PREFIX + "attempt " + (attempt + 1) + " was interrupted (" + outcome.explanation()
                        + "): not the training's fault, retrying as " + describe(runner, next));
                return new TrainingState(spec, tracking, runnerKind, startedAt, deadline, attempts, next, null,
                        null);
            }
            catch (InputException e) {
                attempts.set(attempts.size() - 1, outcome.as(TrainingPhase.INTERRUPTED, outcome.explanation()
                        + "; the retry could not be submitted: " + e.getMessage()));
                return new TrainingState(spec, tracking, runnerKind, startedAt, deadline, attempts, null, null,
                        null);
            }
        }
        if (outcome.phase() == TrainingPhase.INTERRUPTED && spec.retries() > 0) {
            attempts.set(attempts.size() - 1, outcome.as(TrainingPhase.INTERRUPTED, outcome.explanation()
                    + "; gave up after " + spec.retries() + " retries"));
        }
        return new TrainingState(spec, tracking, runnerKind, startedAt, deadline, attempts, null, null, null);
    }

    /** The timeout has passed: the attempt is stopped, its last log lines having been read by the poll before. */
    private TrainingState timedOut(final TrainingRunner runner, final Consumer<String> log) {
        return stopAt(runner, log, TrainingPhase.TIMED_OUT, "timed out after "
                + DisplayValues.duration(spec.timeout().toMillis()) + (ended.isEmpty() ? "" : " and "
                + ended.size() + (ended.size() == 1 ? " retry" : " retries")) + ": stopped; raise timeout, or make the "
                + "training faster");
    }

    private TrainingState withCurrent(final TrainingJob job) {
        return new TrainingState(spec, tracking, runnerKind, startedAt, deadline, ended, job, lastMessage,
                unavailableSince);
    }

    /** Deletes what an attempt that ended badly may have left waiting (a pending pod holds its place for a GPU). */
    private static void cleanUp(final TrainingRunner runner, final TrainingJob job, final TrainingOutcome outcome,
            final Consumer<String> log) {
        try {
            runner.stop(job, outcome.phase(), outcome.explanation());
        }
        catch (RunnerUnavailableException e) {
            log.accept(LOG_PREFIX + "could not remove " + job.describe() + ": " + e.getMessage());
        }
    }

    /**
     * Stops the training on request (the build was aborted): the current attempt is stopped and its Job and pods,
     * or its process tree, removed.
     */
    public TrainingState abort(final TrainingRunner runner, final Consumer<String> log, final String reason) {
        if (isFinished()) {
            return this;
        }
        return stopAt(runner, log, TrainingPhase.ABORTED, reason);
    }

    private TrainingState stopAt(final TrainingRunner runner, final Consumer<String> log, final TrainingPhase phase,
            final String explanation) {
        TrainingOutcome outcome;
        try {
            outcome = runner.stop(current, phase, explanation);
            log.accept(LOG_PREFIX + explanation + " (removed " + describe(runner, current) + ")");
        }
        catch (RunnerUnavailableException e) {
            var detail = "kubernetes".equals(runner.kind())
                    ? "; Kubernetes ends it at the Job's deadline (activeDeadlineSeconds)" : "";
            outcome = TrainingOutcome.without(current, phase, explanation + "; could not remove "
                    + current.describe() + ": " + e.getMessage() + detail);
            log.accept(LOG_PREFIX + outcome.explanation());
        }
        var attempts = new ArrayList<>(ended);
        attempts.add(outcome);
        return new TrainingState(spec, tracking, runnerKind, startedAt, deadline, attempts, null, null, null);
    }

    private static String describe(final TrainingRunner runner, final TrainingJob job) {
        return ("kubernetes".equals(runner.kind()) ? "Job " : "process ") + job.describe();
    }
}
