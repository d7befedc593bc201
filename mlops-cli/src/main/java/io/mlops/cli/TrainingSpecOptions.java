package io.mlops.cli;

import io.mlops.training.CommandWords;
import io.mlops.training.TrainingSpec;
import io.mlops.training.TrainingSpec.CodeSource;
import io.mlops.training.TrainingSpec.Placement;
import io.mlops.training.TrainingSpec.Resources;
import io.mlops.training.TrainingSpec.SecretRef;
import io.mlops.training.TrainingSpec.Toleration;
import io.mlops.util.InputException;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The options of {@code mlops train} that make the {@link TrainingSpec}, named as the trainModel step's parameters. */
final class TrainingSpecOptions {
    private static final DateTimeFormatter NAME_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    @Option(names = "--command", paramLabel = "COMMAND",
            description = "The training command, split into words as a shell would (no shell runs it; use "
                    + "\"sh -c '...'\" for pipes and variables), e.g. \"python train.py --epochs 3\". Or give the "
                    + "words after --.")
    String command;

    @Parameters(paramLabel = "WORD", arity = "0..*", description = "The training command's words, after --.")
    List<String> words = new ArrayList<>();

    @Option(names = "--name", paramLabel = "NAME",
            description = "The Job's name (lower-case letters, digits, '-'; at most 52); default: train-<UTC time>.")
    String name;

    @Option(names = "--image", paramLabel = "IMAGE", description = "The container image (kubernetes runner).")
    String image;

    @Option(names = "--working-dir", paramLabel = "DIR",
            description = "The working directory: relative to the working copy (local), the clone or the volume "
                    + "claim; absolute inside the image.")
    String workingDir;

    @Option(names = "--env", paramLabel = "KEY=VALUE", description = "An environment variable, repeatable.")
    Map<String, String> env = new LinkedHashMap<>();

    @Option(names = "--secret-env", paramLabel = "KEY=SECRET:KEY",
            description = "A variable from a key of a Kubernetes Secret, repeatable (locally: from the environment).")
    Map<String, String> secretEnv = new LinkedHashMap<>();

    @Option(names = "--gpus", paramLabel = "N", defaultValue = "0", description = "GPUs (nvidia.com/gpu).")
    int gpus;

    @Option(names = "--gpu-type", paramLabel = "PRODUCT",
            description = "The GPU product, a node selector on nvidia.com/gpu.product, e.g. NVIDIA-A100-SXM4-80GB.")
    String gpuType;

    @Option(names = "--cpu", paramLabel = "QUANTITY", description = "CPU request, e.g. 4 or 500m.")
    String cpu;

    @Option(names = "--cpu-limit", paramLabel = "QUANTITY", description = "CPU limit.")
    String cpuLimit;

    @Option(names = "--memory", paramLabel = "QUANTITY", description = "Memory request, e.g. 16Gi.")
    String memory;

    @Option(names = "--memory-limit", paramLabel = "QUANTITY",
            description = "Memory limit; the training is OOM-killed above it.")
    String memoryLimit;

    @Option(names = "--node-selector", paramLabel = "LABEL=VALUE", description = "A node label, repeatable.")
    Map<String, String> nodeSelector = new LinkedHashMap<>();

    @Option(names = "--toleration", paramLabel = "KEY[=VALUE][:EFFECT]",
            description = "A taint to tolerate, repeatable; with --gpus and none given, nvidia.com/gpu is tolerated.")
    List<String> tolerations = new ArrayList<>();

    @Option(names = "--service-account", paramLabel = "NAME", description = "The pod's service account.")
    String serviceAccount;

    @Option(names = "--namespace", paramLabel = "NAMESPACE",
            description = "The namespace (default: the kubeconfig context's).")
    String namespace;

    @Option(names = "--git-url", paramLabel = "URL",
            description = "Clone this repository into the pod (an init container), at --git-commit.")
    String gitUrl;

    @Option(names = "--git-commit", paramLabel = "SHA",
            description = "The commit to clone (default: the working copy's HEAD).")
    String gitCommit;

    @Option(names = "--git-token-secret", paramLabel = "SECRET:KEY",
            description = "A Secret key holding a token for a private repository.")
    String gitTokenSecret;

    @Option(names = "--volume-claim", paramLabel = "CLAIM[:MOUNT]",
            description = "A persistent volume claim holding the code, mounted at MOUNT (default /workspace).")
    String volumeClaim;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationOption.class,
            description = "The longest the training may take, retries included (default: 6h).")
    Duration timeout;

    @Option(names = "--retries", paramLabel = "N", defaultValue = "2",
            description = "Retries of an attempt the infrastructure took away (eviction, preemption, node loss); a "
                    + "failing command is never retried (default: ${DEFAULT-VALUE}).")
    int retries;

    @Option(names = "--label", paramLabel = "KEY=VALUE", description = "A label for the Job and pod, repeatable.")
    Map<String, String> labels = new LinkedHashMap<>();

    @Option(names = "--experiment", paramLabel = "NAME",
            description = "The MLflow experiment whose new run the training logs into (MLFLOW_RUN_ID).")
    String experiment;

    /** The spec; the commit of the working copy fills in a missing --git-commit. */
    TrainingSpec toSpec(final String headCommit) {
        return new TrainingSpec(name != null ? name : "train-" + ZonedDateTime.now(ZoneOffset.UTC).format(NAME_TIME),
                image, commandWords(), workingDir, env, secrets(), new Resources(gpus, gpuType, cpu, cpuLimit, memory,
                memoryLimit), new Placement(namespace, nodeSelector, tolerations(), serviceAccount), code(headCommit),
                timeout, retries, labels, experiment);
    }

    private List<String> commandWords() {
        if (command != null && !words.isEmpty()) {
            throw new InputException("command: give the command with --command or after --, not both");
        }
        if (command != null) {
            return CommandWords.split(command);
        }
        if (words.isEmpty()) {
            throw new InputException("command: no training command given: expected --command \"python train.py\" "
                    + "or -- python train.py");
        }
        return words;
    }

    private Map<String, SecretRef> secrets() {
        var secrets = new LinkedHashMap<String, SecretRef>();
        secretEnv.forEach((variable, reference) -> secrets.put(variable, SecretRef.parse("secret-env " + variable,
                reference)));
        return secrets;
    }

    private List<Toleration> tolerations() {
        return tolerations.stream().map(text -> Toleration.parse("toleration", text)).toList();
    }

    private CodeSource code(final String headCommit) {
        if (gitUrl != null && volumeClaim != null) {
            throw new InputException("code: give --git-url or --volume-claim, not both");
        }
        if (gitUrl != null) {
            var commit = gitCommit != null ? gitCommit : headCommit;
            if (commit == null) {
                throw new InputException("git commit: no --git-commit given and no git working copy here to take "
                        + "HEAD from");
            }
            return new CodeSource.GitClone(gitUrl, commit, gitTokenSecret == null ? null
                    : SecretRef.parse("git-token-secret", gitTokenSecret));
        }
        if (volumeClaim != null) {
            return CodeSource.VolumeClaim.parse("volume-claim", volumeClaim);
        }
        return CodeSource.NONE;
    }
}
