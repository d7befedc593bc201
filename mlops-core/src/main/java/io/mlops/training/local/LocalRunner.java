package io.mlops.training.local;

import io.mlops.training.LogCursor;
import io.mlops.training.TrainingJob;
import io.mlops.training.TrainingOutcome;
import io.mlops.training.TrainingPhase;
import io.mlops.training.TrainingRunner;
import io.mlops.training.TrainingSpec;
import io.mlops.training.TrainingSpec.CodeSource;
import io.mlops.training.TrainingStatus;
import io.mlops.training.TrainingTracking;
import io.mlops.util.InputException;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The embedded runner: the training command as a process on this machine, in the working copy, with the
 * environment, its standard output and error merged and streamed line by line. Stopping it (abort, timeout) kills
 * the whole process tree; when the command exits, whatever it left running is killed too, as Jenkins does with
 * the processes a build leaves behind (they are found by the {@code MLOPS_TRAINING_COOKIE} variable each inherits,
 * even after their parent died). A process cannot outlive the JVM that reads its output, so unlike the
 * Kubernetes runner this one cannot be reattached after a restart.
 */
public final class LocalRunner implements TrainingRunner {
    public static final String KIND = "local";
    /** How long the tree may take to end after SIGTERM before it gets SIGKILL. */
    static final Duration GRACE = Duration.ofSeconds(10);
    /** How long output may keep flowing after the command exited (a child still holding the pipe). */
    private static final Duration OUTPUT_AFTER_EXIT = Duration.ofSeconds(2);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(200);

    private final Path root;
    private final Map<String, String> environment;
    private final Clock clock;
    private final Map<String, LocalProcess> processes = new ConcurrentHashMap<>();

    /**
     * A runner for the code in {@code root} (the working copy, or the Jenkins workspace).
     *
     * @param environment the environment the training starts with (e.g. {@link System#getenv()}); the spec's
     *                    variables and MLflow's are added to it
     */
    public LocalRunner(final Path root, final Map<String, String> environment, final Clock clock) {
        this.root = root.toAbsolutePath().normalize();
        this.environment = Map.copyOf(environment);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public LocalRunner(final Path root, final Map<String, String> environment) {
        this(root, environment, Clock.systemUTC());
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Duration pollInterval() {
        return POLL_INTERVAL;
    }

    @Override
    public TrainingJob start(final TrainingSpec spec, final TrainingTracking tracking, final int attempt,
            final Duration timeLeft) {
        var name = TrainingJob.nameOf(spec, attempt);
        var existing = processes.get(name);
        if (existing != null && existing.process().isAlive()) {
            throw new InputException("name: a training named " + name + " is already running here");
        }
        var builder = new ProcessBuilder(spec.command()).directory(workingDirectory(spec).toFile())
                .redirectErrorStream(true);
        var env = builder.environment();
        env.clear();
        env.putAll(environment);
        checkSecrets(spec);
        env.putAll(tracking.env());
        env.putAll(spec.env());
        var cookie = UUID.randomUUID().toString();
        env.put(ProcessTree.COOKIE, cookie);
        Process process;
        try {
            process = builder.start();
            process.getOutputStream().close();
        }
        catch (IOException e) {
            throw new InputException("command: cannot run '" + spec.command().get(0) + "': " + firstLine(e)
                    + "; expected a program on the PATH or a path relative to " + workingDirectory(spec));
        }
        var started = clock.instant();
        processes.put(name, new LocalProcess(process, new OutputLines(process.getInputStream(), name),
                new ProcessTree(process.toHandle(), cookie), clock, started, spec));
        return new TrainingJob(KIND, null, name, attempt, started, LogCursor.START);
    }

    private Path workingDirectory(final TrainingSpec spec) {
        if (!(spec.code() instanceof CodeSource.InImage)) {
            throw new InputException("code: the local runner trains in the working copy " + root + "; a git clone or "
                    + "a volume claim is for the kubernetes runner");
        }
        var dir = spec.workingDir() == null ? root : root.resolve(spec.workingDir()).normalize();
        if (!dir.startsWith(root)) {
            throw new InputException("workingDir: '" + spec.workingDir() + "' is outside the working copy " + root
                    + ": expected a directory inside it");
        }
        if (!Files.isDirectory(dir)) {
            throw new InputException("workingDir: " + dir + " is not a directory");
        }
        return dir;
    }

    /**
     * The local runner runs the command as it is: resources and placement are Kubernetes' to enforce. GPUs stay in the
     * report (GPU-hours count them), since a workstation's GPUs are used all the same.
     */
    @Override
    public List<String> ignored(final TrainingSpec spec) {
        var resources = spec.resources();
        var notes = new ArrayList<String>();
        if (resources.gpus() > 0) {
            notes.add("the local runner reserves no GPUs: the process sees every GPU of this machine; gpus "
                    + resources.gpus() + " is recorded for GPU-hours only");
        }
        var limits = new ArrayList<String>();
        addIf(limits, "cpu " + resources.cpuRequest(), resources.cpuRequest());
        addIf(limits, "cpu limit " + resources.cpuLimit(), resources.cpuLimit());
        addIf(limits, "memory " + resources.memoryRequest(), resources.memoryRequest());
        addIf(limits, "memory limit " + resources.memoryLimit(), resources.memoryLimit());
        addIf(limits, "image " + spec.image(), spec.image());
        addIf(limits, "gpu type " + resources.gpuType(), resources.gpuType());
        var placement = spec.placement();
        addIf(limits, "namespace " + placement.namespace(), placement.namespace());
        addIf(limits, "service account " + placement.serviceAccount(), placement.serviceAccount());
        if (!placement.nodeSelector().isEmpty()) {
            limits.add("node selector");
        }
        if (!placement.tolerations().isEmpty()) {
            limits.add("tolerations");
        }
        if (!limits.isEmpty()) {
            notes.add("the local runner ignores what only Kubernetes applies: " + String.join(", ", limits));
        }
        return notes;
    }

    private static void addIf(final List<String> list, final String text, final String value) {
        if (value != null && !value.isBlank()) {
            list.add(text);
        }
    }

    /** A Kubernetes Secret means nothing here: the variable must come from the environment the runner got. */
    private void checkSecrets(final TrainingSpec spec) {
        spec.secretEnv().forEach((variable, secret) -> {
            if (!environment.containsKey(variable)) {
                throw new InputException("secretEnv: " + variable + " refers to the Kubernetes Secret " + secret
                        + ", which the local runner cannot read: set " + variable + " in the environment, or use "
                        + "the kubernetes runner");
            }
        });
    }

    @Override
    public TrainingStatus poll(final TrainingJob job, final Consumer<String> log) {
        var local = processes.get(job.name());
        if (local == null) {
            return TrainingStatus.ended(job, TrainingOutcome.without(job, TrainingPhase.ERROR, "the local training "
                    + "process " + job.name() + " is gone: a local training does not survive a restart of the JVM "
                    + "that started it"));
        }
        local.tree().track();
        var cursor = read(local, job.log(), log);
        if (local.process().isAlive()) {
            return TrainingStatus.going(job.withLog(cursor), TrainingPhase.RUNNING, null);
        }
        var exitedAt = local.exitedAt(clock.instant());
        if (!local.output().isEnded() && clock.instant().isBefore(exitedAt.plus(OUTPUT_AFTER_EXIT))) {
            return TrainingStatus.going(job.withLog(cursor), TrainingPhase.RUNNING, null);
        }
        processes.remove(job.name());
        if (local.tree().hasLiveDescendants()) {
            local.tree().kill(GRACE);
        }
        cursor = read(local, cursor, log);
        int exitCode = local.process().exitValue();
        var phase = exitCode == 0 ? TrainingPhase.SUCCEEDED : TrainingPhase.FAILED;
        return TrainingStatus.ended(job.withLog(cursor), local.outcome(job.name(), phase, exitCode,
                ExitCodes.explain(exitCode), host(), exitedAt));
    }

    private static LogCursor read(final LocalProcess local, final LogCursor cursor, final Consumer<String> log) {
        int lines = local.output().drainTo(log);
        return new LogCursor(cursor.lines() + lines, null, 0);
    }

    @Override
    public TrainingOutcome stop(final TrainingJob job, final TrainingPhase phase, final String explanation) {
        var local = processes.remove(job.name());
        if (local == null) {
            return TrainingOutcome.without(job, phase, explanation);
        }
        local.tree().kill(GRACE);
        Integer exitCode = local.process().isAlive() ? null : local.process().exitValue();
        return local.outcome(job.name(), phase, exitCode, explanation, host(),
                exitCode == null ? clock.instant() : local.exitedAt(clock.instant()));
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        }
        catch (UnknownHostException e) {
            return "localhost";
        }
    }

    /** "No such file or directory" rather than the JDK's "Cannot run program ... error=2, No such file...". */
    private static String firstLine(final Exception e) {
        var message = e.getMessage();
        if (message == null) {
            return e.getClass().getSimpleName();
        }
        var line = message.lines().findFirst().orElse(message);
        int error = line.lastIndexOf("error=");
        int comma = error < 0 ? -1 : line.indexOf(", ", error);
        return comma < 0 ? line : line.substring(comma + 2);
    }

    /** A started process and what its outcome needs; the exit time is taken when the process exits. */
    private static final class LocalProcess {
        private final Process process;
        private final OutputLines output;
        private final ProcessTree tree;
        private final Instant startedAt;
        private final int gpus;
        private final String gpuType;
        private final AtomicReference<Instant> exitedAt = new AtomicReference<>();

        LocalProcess(final Process process, final OutputLines output, final ProcessTree tree, final Clock clock,
                final Instant startedAt, final TrainingSpec spec) {
            this.process = process;
            this.output = output;
            this.tree = tree;
            this.startedAt = startedAt;
            this.gpus = spec.resources().gpus();
            this.gpuType = spec.resources().gpuType();
            process.onExit().thenRun(() -> exitedAt.compareAndSet(null, clock.instant()));
        }

        Process process() {
            return process;
        }

        OutputLines output() {
            return output;
        }

        ProcessTree tree() {
            return tree;
        }

        /** When the process exited (the onExit callback may not have run yet: then now). */
        Instant exitedAt(final Instant now) {
            exitedAt.compareAndSet(null, now);
            return exitedAt.get();
        }

        TrainingOutcome outcome(final String name, final TrainingPhase phase, final Integer exitCode,
                final String explanation, final String node, final Instant finishedAt) {
            return new TrainingOutcome(name, phase, exitCode, explanation, node, null, null, gpuType, gpus,
                    startedAt, finishedAt);
        }
    }
}
