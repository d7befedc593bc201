package io.mlops.cli;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.mlops.registry.ModelRegistry;
import io.mlops.training.TrainModel;
import io.mlops.training.TrainingLoop;
import io.mlops.training.TrainingReport;
import io.mlops.training.TrainingRequest;
import io.mlops.training.TrainingRunner;
import io.mlops.training.TrainingSpec;
import io.mlops.training.TrainingSpec.SecretRef;
import io.mlops.training.TrainingTracking;
import io.mlops.training.kubernetes.JobManifest;
import io.mlops.training.kubernetes.KubernetesRunner;
import io.mlops.training.local.LocalRunner;
import io.mlops.util.InputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

/** {@code mlops train}: the team's training command as a local process or a Kubernetes GPU Job, with lineage. */
@Command(name = TrainCommand.NAME, mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train a model: run the training command locally (the default) or in a Kubernetes batch/v1 "
                + "Job on GPU nodes, stream its output, explain a failure in one line (out of memory, image pull, "
                + "no GPU node, eviction), retry only what the infrastructure broke, and record the lineage (image "
                + "digest, node, GPUs, GPU-hours, commit) in report.json, --lineage and the MLflow run.",
                "",
                "With --experiment, a run is created in MLflow (MLFLOW_TRACKING_URI) or the local registry, and the "
                        + "training gets MLFLOW_TRACKING_URI, MLFLOW_EXPERIMENT_ID and MLFLOW_RUN_ID, so that "
                        + "mlflow.start_run() in its code logs into that run (local registry: no variables, it has "
                        + "no server). A pod gets the token only from --mlflow-token-secret.",
                "",
                "Ctrl-C stops the training and deletes its Job and pods."},
        footerHeading = "%nExamples:%n",
        footer = {"  mlops train --command \"python train.py --epochs 3\" --experiment churn",
                "  mlops train --runner kubernetes --image ghcr.io/acme/churn-train:1.4 --gpus 2 "
                        + "--gpu-type NVIDIA-A100-SXM4-80GB --memory 32Gi --memory-limit 32Gi "
                        + "--git-url https://github.com/acme/churn.git --experiment churn "
                        + "--mlflow-token-secret mlflow:token --command \"python train.py\"",
                "  mlops train --runner kubernetes --image trainer:1 --gpus 1 --dry-run -- python train.py",
                "",
                "Exit codes: 0 PASSED (the command exited with 0), 1 FAILED (it exited non-zero, ran out of memory or "
                        + "past --timeout), 2 ERROR (bad input; cluster or MLflow unreachable; image cannot be "
                        + "pulled; no node fits within --pending-timeout; interrupted by the infrastructure more "
                        + "often than --retries; aborted)."})
final class TrainCommand implements Callable<Integer> {
    static final String NAME = "train";

    @Spec
    private CommandSpec spec;

    @Mixin
    private DebugOption debug;

    @Mixin
    private TrainingSpecOptions options;

    @Option(names = "--runner", paramLabel = "local|kubernetes", defaultValue = LocalRunner.KIND,
            description = "Where the training runs (default: ${DEFAULT-VALUE}).")
    private String runner;

    @Option(names = "--dry-run",
            description = "Print the Kubernetes Job manifest (YAML) that would be created, and exit.")
    private boolean dryRun;

    @Option(names = "--mlflow-token-secret", paramLabel = "SECRET:KEY",
            description = "The Secret key a pod reads MLFLOW_TRACKING_TOKEN from.")
    private String mlflowTokenSecret;

    @Option(names = "--context", paramLabel = "NAME", description = "The kubeconfig context (default: current).")
    private String context;

    @Option(names = "--pending-timeout", paramLabel = "DURATION", converter = DurationOption.class,
            defaultValue = "15m", description = "How long a pod may wait for a node or its image (default: 15m).")
    private Duration pendingTimeout;

    @Option(names = "--git-image", paramLabel = "IMAGE", description = "The image that clones the code (needs sh and "
            + "git; default: alpine/git:2.47.2).")
    private String gitImage;

    @Mixin
    private LineageOption lineage;

    @Mixin
    private RegistryOption registry;

    @Option(names = "--report-dir", paramLabel = "DIR", defaultValue = "mlops-reports/train-model",
            description = "Where report.json, report.md, report.html and junit.xml are written "
                    + "(default: ${DEFAULT-VALUE}).")
    private Path reportDir;

    @Override
    public Integer call() throws IOException {
        var env = System.getenv();
        var out = spec.commandLine().getOut();
        var git = GitCheckout.around(Path.of(""));
        var trainingSpec = options.toSpec(git.commit());
        var token = mlflowTokenSecret == null ? null : SecretRef.parse("mlflow-token-secret", mlflowTokenSecret);
        if (dryRun) {
            return printManifest(trainingSpec, token, out);
        }
        var build = git.build(env);
        var request = new TrainingRequest(trainingSpec, token, build, reportDir);
        var registryOrNone = trainingSpec.experiment() == null ? null : registry.open(env);
        var lineageFile = lineage.file(env);
        var report = switch (runner) {
            case LocalRunner.KIND -> train(request, registryOrNone, new LocalRunner(Path.of(""), env), out);
            case KubernetesRunner.KIND -> {
                try (var client = new KubernetesClientBuilder().withConfig(kubeconfig()).build()) {
                    yield train(request, registryOrNone, new KubernetesRunner(client, settings()), out);
                }
            }
            default -> throw new InputException("runner: '" + runner + "' is not a runner: expected local or "
                    + "kubernetes");
        };
        LineageOption.append(lineageFile, report.lineage());
        print(report, reportDir, out);
        return report.status().exitCode();
    }

    /**
     * The kubeconfig's (or the pod's service account's) connection. fabric8 retries a failed request ten times with
     * growing pauses (about 20 s); the runner asks again on its own, so three tries are enough here.
     */
    private Config kubeconfig() {
        var config = Config.autoConfigure(context);
        config.setRequestRetryBackoffLimit(3);
        return config;
    }

    private KubernetesRunner.Settings settings() {
        return KubernetesRunner.Settings.DEFAULT.withPendingTimeout(pendingTimeout).withManifest(manifestOptions());
    }

    private JobManifest.Options manifestOptions() {
        return gitImage == null ? JobManifest.Options.DEFAULT
                : new JobManifest.Options(gitImage, JobManifest.Options.DEFAULT.ttlAfterFinished());
    }

    /** Trains with the output streamed to {@code out}; Ctrl-C stops the attempt (and deletes its Job) first. */
    private static TrainingReport train(final TrainingRequest request, final ModelRegistry registry,
            final TrainingRunner runner, final PrintWriter out) throws IOException {
        var loop = new TrainingLoop(runner, line -> {
            out.println(line);
            out.flush();
        });
        var onInterrupt = new Thread(() -> loop.abort("interrupted (Ctrl-C)"), "mlops-train-interrupt");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        try {
            return TrainModel.run(request, registry, loop);
        }
        finally {
            removeHook(onInterrupt);
        }
    }

    private static void removeHook(final Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        }
        catch (IllegalStateException e) {
            // the JVM is shutting down: the hook is running or has run
        }
    }

    /** The Job as YAML, made without a cluster: the MLflow variables are added once the run exists. */
    private int printManifest(final TrainingSpec trainingSpec, final SecretRef token, final PrintWriter out) {
        if (!KubernetesRunner.KIND.equals(runner)) {
            throw new InputException("dry-run: --dry-run prints the Kubernetes Job; add --runner kubernetes");
        }
        var tracking = new TrainingTracking(null, null, null, token);
        var job = JobManifest.of(trainingSpec, tracking, 0, trainingSpec.timeout(), trainingSpec.placement()
                .namespace(), manifestOptions());
        if (trainingSpec.experiment() != null) {
            out.println("# " + TrainingTracking.TRACKING_URI + ", " + TrainingTracking.EXPERIMENT_ID + " and "
                    + TrainingTracking.RUN_ID + " are added to the trainer's env when the MLflow run is created");
        }
        out.print(JobManifest.yaml(job));
        out.flush();
        return 0;
    }

    /** The summary, the run, and where the reports are. */
    static void print(final TrainingReport report, final Path reportDir, final PrintWriter out) {
        out.println(report.status() + ": " + report.summary());
        if (report.tracking().runId() != null) {
            out.println("  MLflow run " + report.tracking().runId() + (report.links().run() == null ? ""
                    : " " + report.links().run()));
        }
        out.println("Reports: " + reportDir.resolve("report.html") + " (also report.json, report.md, junit.xml)");
        out.flush();
    }
}
