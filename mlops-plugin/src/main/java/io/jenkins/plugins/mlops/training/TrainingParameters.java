package io.jenkins.plugins.mlops.training;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.mlops.util.ParameterText;
import io.mlops.training.CommandWords;
import io.mlops.training.TrainingSpec;
import io.mlops.training.TrainingSpec.CodeSource;
import io.mlops.training.TrainingSpec.Placement;
import io.mlops.training.TrainingSpec.Resources;
import io.mlops.training.TrainingSpec.SecretRef;
import io.mlops.training.TrainingSpec.Toleration;
import io.mlops.training.kubernetes.JobSecrets;
import io.mlops.util.DurationText;
import io.mlops.util.InputException;
import io.mlops.util.KeyValueText;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

import static io.jenkins.plugins.mlops.util.ParameterText.blankToDefault;
import static io.jenkins.plugins.mlops.util.ParameterText.blankToNull;

/**
 * The parameters of one {@code trainModel} call as plain text: what the executions keep (no secret is among them:
 * secret variables and credentials are named by credentials id) and {@link #toSpec(TrainingCall)} turns into the
 * engine's {@link TrainingSpec}. Field meanings are those of the step's parameters ({@link TrainModelStep}).
 */
record TrainingParameters(List<String> command, @CheckForNull String image, @CheckForNull String name,
        @CheckForNull String workingDir, @CheckForNull String env, @CheckForNull String secretEnv, int gpus,
        @CheckForNull String gpuType, @CheckForNull String cpu, @CheckForNull String cpuLimit,
        @CheckForNull String memory, @CheckForNull String memoryLimit, @CheckForNull String nodeSelector,
        @CheckForNull String tolerations, @CheckForNull String serviceAccount, @CheckForNull String namespace,
        @CheckForNull String timeout, int retries, @CheckForNull String runner, @CheckForNull String cloud,
        @CheckForNull String experiment, @CheckForNull String server, @CheckForNull String localRegistry,
        boolean gitClone,
        @CheckForNull String gitCredentialsId, @CheckForNull String volumeClaim, String reportDir)
        implements Serializable {
    static final String DEFAULT_REPORT_DIR = "mlops-reports/train-model";
    /** The Secret key of the git token for a private repository. */
    static final String GIT_TOKEN = "GIT_TOKEN";
    private static final long serialVersionUID = 1L;

    /** Where the training runs. */
    enum Runner {
        KUBERNETES, LOCAL;

        String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    TrainingParameters {
        command = command == null ? List.of() : List.copyOf(command);
        image = blankToNull(image);
        name = blankToNull(name);
        workingDir = blankToNull(workingDir);
        env = blankToNull(env);
        secretEnv = blankToNull(secretEnv);
        gpuType = blankToNull(gpuType);
        cpu = blankToNull(cpu);
        cpuLimit = blankToNull(cpuLimit);
        memory = blankToNull(memory);
        memoryLimit = blankToNull(memoryLimit);
        nodeSelector = blankToNull(nodeSelector);
        tolerations = blankToNull(tolerations);
        serviceAccount = blankToNull(serviceAccount);
        namespace = blankToNull(namespace);
        timeout = blankToNull(timeout);
        runner = blankToNull(runner);
        cloud = blankToNull(cloud);
        experiment = blankToNull(experiment);
        server = blankToNull(server);
        localRegistry = blankToNull(localRegistry);
        gitCredentialsId = blankToNull(gitCredentialsId);
        volumeClaim = blankToNull(volumeClaim);
        reportDir = blankToDefault(reportDir, DEFAULT_REPORT_DIR);
    }

    /**
     * The runner: as given, else {@code kubernetes} with an image and {@code local} without.
     *
     * @throws InputException for another name
     */
    Runner runnerKind() {
        if (runner == null) {
            return image != null ? Runner.KUBERNETES : Runner.LOCAL;
        }
        for (Runner kind : Runner.values()) {
            if (kind.id().equalsIgnoreCase(runner)) {
                return kind;
            }
        }
        throw new InputException("runner: '" + runner + "' is not a runner: expected kubernetes or local");
    }

    /**
     * Expands build variables in every text parameter and word of the command (freestyle builds; Pipeline scripts
     * interpolate themselves).
     */
    TrainingParameters expand(final UnaryOperator<String> variables) {
        var x = ParameterText.expansion(variables);
        return new TrainingParameters(command.stream().map(x).toList(), x.apply(image), x.apply(name),
                x.apply(workingDir), x.apply(env), x.apply(secretEnv), gpus, x.apply(gpuType), x.apply(cpu),
                x.apply(cpuLimit), x.apply(memory), x.apply(memoryLimit), x.apply(nodeSelector), x.apply(tolerations),
                x.apply(serviceAccount), x.apply(namespace), x.apply(timeout), retries, x.apply(runner),
                x.apply(cloud), x.apply(experiment), x.apply(server), x.apply(localRegistry), gitClone,
                x.apply(gitCredentialsId),
                x.apply(volumeClaim), x.apply(reportDir));
    }

    /**
     * The secret variables: variable name by credentials id, in their order.
     *
     * @throws InputException for a malformed line
     */
    Map<String, String> secretVariables() {
        return KeyValueText.LINES.parse("secretEnv", secretEnv);
    }

    /**
     * Translates the parameters into the engine's spec. Secret values are not in it: each secret variable refers to
     * a key of the training's Secret ({@link JobSecrets}), which holds the values only in the cluster. With a server
     * and no experiment, the run goes into an experiment named after the Jenkins job.
     *
     * @param call what the build adds: the name's suffix, the commit, the namespace, the Secret's keys
     * @return the spec
     * @throws InputException when a parameter is missing or malformed, naming it
     */
    TrainingSpec toSpec(final TrainingCall call) {
        var kind = runnerKind();
        if (kind == Runner.KUBERNETES && image == null) {
            throw new InputException("image: the kubernetes runner needs the training container's image, such as "
                    + "ghcr.io/acme/trainer:1.4");
        }
        var trainingName = call.trainingName(name);
        var secrets = new LinkedHashMap<String, SecretRef>();
        for (String key : call.secretKeys()) {
            if (!key.equals(GIT_TOKEN)) {
                secrets.put(key, JobSecrets.reference(trainingName, key));
            }
        }
        return new TrainingSpec(trainingName, kind == Runner.KUBERNETES ? image : null, command, workingDir,
                KeyValueText.LINES.parse("env", env), secrets,
                new Resources(gpus, gpuType, cpu, cpuLimit, memory, memoryLimit),
                new Placement(call.namespace(), KeyValueText.LINES.parse("nodeSelector", nodeSelector),
                        tolerations(tolerations), serviceAccount),
                code(call, trainingName), timeoutOf(timeout), retries, Map.of(),
                experiment != null || server == null ? experiment : call.job());
    }

    private CodeSource code(final TrainingCall call, final String trainingName) {
        if (gitClone && volumeClaim != null) {
            throw new InputException("gitClone: the code comes either from a git clone or from volumeClaim, not "
                    + "both: expected one of them");
        }
        if (gitClone) {
            var build = call.build();
            if (build.gitUrl() == null || build.gitCommit() == null) {
                throw new InputException("gitClone: the build has no GIT_URL and GIT_COMMIT: expected a checkout "
                        + "with the Git plugin (checkout scm) before trainModel, or an image that holds the code");
            }
            return new CodeSource.GitClone(build.gitUrl(), build.gitCommit(),
                    gitCredentialsId == null ? null : JobSecrets.reference(trainingName, GIT_TOKEN));
        }
        if (gitCredentialsId != null) {
            throw new InputException("gitCredentialsId: given without gitClone: expected gitClone: true");
        }
        if (volumeClaim != null) {
            return CodeSource.VolumeClaim.parse("volumeClaim", volumeClaim);
        }
        return CodeSource.NONE;
    }

    /**
     * Reads the timeout as {@code mlops train --timeout} does ({@link DurationText}: {@code 6h}, {@code 90m},
     * {@code 1h30m}, {@code PT6H}, or a number of minutes).
     *
     * @param text the parameter, or {@code null} for the default ({@link TrainingSpec#DEFAULT_TIMEOUT})
     * @throws InputException when it is not such a duration, or zero
     */
    static Duration timeoutOf(@CheckForNull final String text) {
        var value = blankToNull(text);
        return value == null ? TrainingSpec.DEFAULT_TIMEOUT : DurationText.parse("timeout", value);
    }

    /**
     * Reads tolerations, one per line as {@code kubectl taint} writes taints: {@code key=value:Effect} (the taint
     * with that value), {@code key:Effect} or {@code key} (any value), the effect optional (any effect).
     */
    static List<Toleration> tolerations(@CheckForNull final String text) {
        if (text == null) {
            return List.of();
        }
        var tolerations = new ArrayList<Toleration>();
        for (String line : text.split("\\R")) {
            if (!line.isBlank() && !line.trim().startsWith("#")) {
                tolerations.add(Toleration.parse("tolerations", line));
            }
        }
        return tolerations;
    }

    /** One line for the build log: what runs where. */
    String describe() {
        var text = new StringBuilder(CommandWords.join(command));
        if (runnerKind() == Runner.LOCAL) {
            return text.append(" as a local process in the workspace").toString();
        }
        text.append(" in ").append(image).append(" on Kubernetes");
        if (cloud != null) {
            text.append(" (cloud '").append(cloud).append("')");
        }
        if (gpus > 0) {
            text.append(", ").append(gpus).append(" × ").append(gpuType == null ? "GPU" : gpuType);
        }
        return text.toString();
    }
}
