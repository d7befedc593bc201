package io.jenkins.plugins.mlops.training;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.mlops.util.PipelineResultHandler;
import io.mlops.mlflow.MlflowException;
import io.mlops.training.RunnerUnavailableException;
import io.mlops.training.TrainModel;
import io.mlops.training.TrainingRunner;
import io.mlops.training.TrainingState;
import io.mlops.training.kubernetes.KubernetesRunner;
import io.mlops.util.InputException;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Future;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs {@code trainModel} on Kubernetes in a Pipeline, surviving a restart of the controller, on the pattern of
 * {@code SleepStep.Execution}: {@link #start()} only schedules the submission on the controller's timer and returns,
 * so the Pipeline's VM thread never waits for the cluster; the training is then polled on the timer, each poll
 * reading the Job, its pod and the new log lines through the cloud's client (taken from the Kubernetes plugin on
 * every poll and never closed) and writing the lines to the build log.
 *
 * <p>Only serializable values are kept: the parameters (credentials by id, never a secret), the cloud's name, the
 * call's id, and the engine's {@link TrainingState}, which holds the current Job's name and how far its log was read.
 * The state is saved with the Pipeline whenever an attempt starts and every {@link #SAVE_INTERVAL} while lines flow,
 * so after a restart {@link #onResume()} goes on polling the same Job from (about) the same log line. {@link #stop}
 * (an aborted build) deletes the Job and its pods on the timer and then fails the step with the abort's cause.
 */
final class TrainModelExecution extends StepExecution {
    /** How often the log position is saved while the training writes: a restart repeats at most these lines. */
    static final Duration SAVE_INTERVAL = Duration.ofSeconds(30);
    /** How often the Job is polled: the engine's interval for the Kubernetes runner. */
    static final Duration POLL_INTERVAL = KubernetesRunner.Settings.DEFAULT.pollInterval();
    private static final long serialVersionUID = 1L;
    private static final Logger LOGGER = Logger.getLogger(TrainModelExecution.class.getName());
    private static final String FUNCTION = TrainModelStep.FUNCTION;

    private final TrainingParameters parameters;
    private String id;
    private String cloud;
    private TrainingCall call;
    private Instant startedAt;
    private volatile TrainingState state;
    private volatile String stopReason;
    private volatile boolean done;
    private String unreachable;

    private transient volatile Future<?> task;
    private transient volatile Throwable stopCause;
    private transient volatile TrainingServices services;
    private transient Instant savedAt;

    TrainModelExecution(final StepContext context, final TrainingParameters parameters) {
        this(context, parameters, new TrainingServices());
    }

    TrainModelExecution(final StepContext context, final TrainingParameters parameters,
            final TrainingServices services) {
        super(context);
        this.parameters = parameters;
        this.services = services;
    }

    /** Schedules the submission and returns at once: submitting talks to the cluster and to MLflow. */
    @Override
    public boolean start() {
        schedule(this::submit, Duration.ZERO);
        return false;
    }

    /** Goes on polling the Job the state names; a training that had not been submitted yet fails. */
    @Override
    public void onResume() {
        if (done) {
            return;
        }
        var current = state;
        if (current == null) {
            fail(new AbortException(FUNCTION + ": Jenkins restarted before the training was submitted"
                    + (call == null ? "" : " (if a Job " + call.trainingName(parameters.name()) + " was created "
                    + "meanwhile, delete it)") + "; run the stage again"));
            return;
        }
        log(log -> log.println(FUNCTION + ": Jenkins restarted; following "
                + (current.isFinished() ? "the finished training " + current.spec().name()
                : "Job " + current.current().describe() + " again from log line " + (current.current().log().lines()
                + 1))));
        schedule(this::poll, Duration.ZERO);
    }

    /**
     * Stops the training: the next poll, at once and on the timer, deletes the Job and its pods (or a submission
     * not yet begun is dropped), then the step fails with {@code cause}.
     */
    @Override
    public void stop(@NonNull final Throwable cause) {
        stopCause = cause;
        stopReason = "the build was aborted";
        var pending = task;
        if (state == null && pending != null && pending.cancel(false)) {
            done = true;
            getContext().onFailure(cause);
            return;
        }
        // a submission under way sees stopReason and stops what it started at its first poll
        schedule(this::poll, Duration.ZERO);
    }

    @Override
    public String getStatus() {
        var current = state;
        if (done) {
            return "finished";
        }
        if (current == null) {
            return "submitting the training";
        }
        if (current.isFinished()) {
            return "recording the training " + current.spec().name();
        }
        return (stopReason == null ? "waiting for Job " : "stopping Job ") + current.current().describe()
                + ", attempt " + (current.current().attempt() + 1) + ", " + current.current().log().lines()
                + " log lines read";
    }

    /** Submits the first attempt (on the timer). */
    private void submit() {
        try {
            var context = getContext();
            var run = context.get(Run.class);
            var listener = context.get(TaskListener.class);
            var log = listener.getLogger();
            log.println(FUNCTION + ": training " + parameters.describe());
            var training = new ModelTraining(run, context.get(EnvVars.class), listener, services());
            var launch = training.prepareKubernetes(parameters);
            synchronized (this) {
                id = launch.id();
                cloud = launch.cloud().name;
                call = launch.call();
                if (stopReason != null) {
                    done = true;
                    fail(stopCause != null ? stopCause : new AbortException(FUNCTION + ": " + stopReason));
                    return;
                }
                var tracking = TrainModel.track(launch.request(), services().server(launch.registry()));
                var runner = training.kubernetesRunner(launch.cloud(), parameters);
                startedAt = services().clock().instant();
                state = TrainingState.start(runner, launch.request().spec(), tracking, log::println, startedAt);
            }
            save(true);
            schedule(this::poll, POLL_INTERVAL);
        } catch (InputException | MlflowException | RunnerUnavailableException e) {
            fail(new AbortException(FUNCTION + ": " + e.getMessage()));
        } catch (IOException | InterruptedException | RuntimeException e) {
            fail(e);
        }
    }

    /**
     * Polls the training once (on the timer), and finishes it or polls again later. One poll at a time: a stop
     * request may schedule one while another runs.
     */
    private synchronized void poll() {
        if (done || state == null) {
            return;
        }
        try {
            var before = state;
            if (!before.isFinished()) {
                var log = getContext().get(TaskListener.class).getLogger();
                var runner = runner(log);
                if (runner == null) {
                    return;
                }
                state = stopReason != null ? before.abort(runner, log::println, stopReason)
                        : before.advance(runner, log::println, services().clock().instant());
            }
            if (state.isFinished()) {
                finishOrFail();
                return;
            }
            save(!before.current().name().equals(state.current().name()));
            schedule(this::poll, POLL_INTERVAL);
        } catch (InputException | MlflowException e) {
            // a retry the cluster refused: the engine says why in one line
            fail(new AbortException(FUNCTION + ": " + e.getMessage()));
        } catch (IOException | InterruptedException e) {
            LOGGER.log(Level.WARNING, "trainModel " + id + " could not reach its build; polling again", e);
            schedule(this::poll, POLL_INTERVAL);
        } catch (RuntimeException e) {
            fail(e);
        }
    }

    /**
     * The cloud's runner, or {@code null} when the cloud cannot be reached now: polling goes on until the deadline,
     * then the step fails (the cluster ends the Job at its own deadline).
     */
    @CheckForNull
    private TrainingRunner runner(final PrintStream log) throws IOException, InterruptedException {
        var run = getContext().get(Run.class);
        var training = new ModelTraining(run, getContext().get(EnvVars.class), getContext().get(TaskListener.class),
                services());
        try {
            var runner = training.kubernetesRunner(new KubernetesClouds(services().jenkins()).cloud(cloud), parameters);
            if (unreachable != null) {
                log.println(TrainingState.LOG_PREFIX + "Kubernetes cloud '" + cloud + "' answers again");
                unreachable = null;
            }
            return runner;
        } catch (InputException | RunnerUnavailableException e) {
            if (unreachable == null) {
                log.println(TrainingState.LOG_PREFIX + e.getMessage() + "; asking again until the timeout");
                unreachable = e.getMessage();
            }
            if (stopReason != null || !services().clock().instant().isBefore(state.deadline())) {
                done = true;
                fail(new AbortException(FUNCTION + ": " + (stopReason != null ? stopReason : "timed out") + ", and "
                        + "Job " + state.current().describe() + " could not be deleted: " + e.getMessage()
                        + "; Kubernetes ends it at its deadline (activeDeadlineSeconds)"));
                return null;
            }
            schedule(this::poll, POLL_INTERVAL);
            return null;
        }
    }

    /** Finishes the training; what cannot be recorded fails the step rather than being tried again forever. */
    private void finishOrFail() {
        try {
            finish();
        } catch (IOException | InterruptedException | InputException | MlflowException e) {
            fail(new AbortException(FUNCTION + ": the training ended, but it could not be recorded: "
                    + e.getMessage()));
        } catch (RuntimeException e) {
            fail(e);
        }
    }

    /** Writes the report and the build's records, then completes the step (on the timer). */
    private void finish() throws IOException, InterruptedException {
        var context = getContext();
        var run = context.get(Run.class);
        var listener = context.get(TaskListener.class);
        var log = listener.getLogger();
        var training = new ModelTraining(run, context.get(EnvVars.class), listener, services());
        var finished = state;
        var request = training.request(finished.spec(), call.build(), id);
        var report = TrainModel.finish(request, finished, registry(log), startedAt, log::println,
                services().clock().instant());
        var summary = training.recordKubernetes(id, report, parameters.reportDir(), workspace());
        done = true;
        try {
            TrainingGate.apply(summary, new PipelineResultHandler(context), log);
            context.onSuccess(summary.toResult());
        } catch (AbortException e) {
            context.onFailure(stopCause != null ? stopCause : e);
        }
    }

    /** The MLflow server again (its credentials may have changed), or none when it cannot be looked up now. */
    @CheckForNull
    private io.mlops.registry.ModelRegistry registry(final PrintStream log) throws IOException, InterruptedException {
        try {
            return services().server(services().registry(parameters, getContext().get(Run.class),
                    getContext().get(EnvVars.class)));
        } catch (InputException e) {
            log.println(TrainingState.LOG_PREFIX + "cannot reach MLflow server '" + parameters.server() + "' to end "
                    + "the run: " + e.getMessage());
            return null;
        }
    }

    /** The workspace, when the step runs inside {@code node} and the agent is connected; else {@code null}. */
    @CheckForNull
    private FilePath workspace() {
        try {
            return getContext().get(FilePath.class);
        } catch (IOException | InterruptedException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Saves the state with the Pipeline: at once when an attempt started, else when the last save is older than
     * {@link #SAVE_INTERVAL}.
     */
    private void save(final boolean now) {
        var instant = services().clock().instant();
        if (now || savedAt == null || !instant.isBefore(savedAt.plus(SAVE_INTERVAL))) {
            savedAt = instant;
            getContext().saveState();
        }
    }

    /** Runs work on the timer, replacing the work scheduled before (so at most one poll waits at any time). */
    private void schedule(final Runnable work, final Duration delay) {
        synchronized (TrainModelExecution.class) {
            var previous = task;
            if (previous != null) {
                previous.cancel(false);
            }
            task = services().schedule(work, delay);
        }
    }

    private void fail(final Throwable cause) {
        done = true;
        getContext().onFailure(cause);
    }

    private void log(final java.util.function.Consumer<PrintStream> message) {
        try {
            message.accept(getContext().get(TaskListener.class).getLogger());
        } catch (IOException | InterruptedException | RuntimeException e) {
            LOGGER.log(Level.FINE, "no build log for trainModel " + id, e);
        }
    }

    /** Replaces the services an execution loaded after a restart takes (tests give their fakes back this way). */
    void useServices(final TrainingServices replacement) {
        services = replacement;
    }

    private TrainingServices services() {
        if (services == null) {
            services = new TrainingServices();
        }
        return services;
    }
}
