package io.mlops.training;

import io.mlops.util.InputException;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What to train and where: the team's own training command, run as a local process (the embedded default) or as a
 * Kubernetes {@code batch/v1} Job on a GPU node. One value shared by the CLI ({@code mlops train}), the Pipeline
 * step {@code trainModel} and the freestyle build step "Train ML model". Serializable, so that a resumable step can
 * keep it with its state and start a retry after a controller restart.
 *
 * @param name        the job's name, a DNS-1123 label (lower-case letters, digits, '-'; at most 52 characters so
 *                    that Kubernetes can add its pod suffix)
 * @param image       the container image (Kubernetes), or {@code null} for the local runner
 * @param command     the command and its arguments, e.g. {@code [python, train.py, --epochs, 3]}
 * @param workingDir  the working directory (relative to the code's root), or {@code null} for the code's root
 * @param env         environment variables, in order
 * @param secretEnv   environment variables taken from Kubernetes Secrets (references only, never values)
 * @param resources   GPUs, CPU and memory
 * @param placement   node selector, tolerations, service account and namespace
 * @param code        how the code reaches the pod: a git clone of the exact commit, or a volume claim; or
 *                    {@link CodeSource#NONE} when the image holds it (and for the local runner: the working copy)
 * @param timeout     the longest the training may take, retries included
 * @param retries     how many times an infrastructure failure (eviction, preemption, node loss) is retried;
 *                    a failing training command is never retried
 * @param labels      labels for the Job and its pods
 * @param experiment  the MLflow experiment whose run the training logs into, or {@code null} for none
 */
public record TrainingSpec(String name, String image, List<String> command, String workingDir,
        Map<String, String> env, Map<String, SecretRef> secretEnv, Resources resources, Placement placement,
        CodeSource code, Duration timeout, int retries, Map<String, String> labels, String experiment)
        implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,50}[a-z0-9])?");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** Six hours: long enough for most fine-tuning, short enough that a hung job does not hold a GPU for days. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofHours(6);
    public static final int DEFAULT_RETRIES = 2;

    /** Validates the spec; every problem is an {@link InputException} that names the field. */
    public TrainingSpec {
        Objects.requireNonNull(name, "name");
        if (!DNS_LABEL.matcher(name).matches()) {
            throw new InputException("name: '" + name + "' is not a usable job name: expected 1 to 52 lower-case "
                    + "letters, digits and '-', starting and ending with a letter or digit");
        }
        command = command == null ? List.of() : List.copyOf(command);
        if (command.isEmpty() || command.get(0).isBlank()) {
            throw new InputException("command: no training command given: expected e.g. python train.py");
        }
        env = env == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(env));
        secretEnv = secretEnv == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(secretEnv));
        for (var variable : concat(env.keySet(), secretEnv.keySet())) {
            if (!ENV_NAME.matcher(variable).matches()) {
                throw new InputException("env: '" + variable + "' is not a variable name: expected letters, digits "
                        + "and '_', not starting with a digit");
            }
        }
        resources = resources == null ? Resources.NONE : resources;
        placement = placement == null ? Placement.DEFAULT : placement;
        code = code == null ? CodeSource.NONE : code;
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        if (timeout.isNegative() || timeout.isZero()) {
            throw new InputException("timeout: must be positive, got " + timeout);
        }
        if (retries < 0 || retries > 10) {
            throw new InputException("retries: expected 0 to 10, got " + retries);
        }
        labels = labels == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(labels));
    }

    /** A spec with the defaults: no image (local), no resources, the default placement, timeout and retries. */
    public static TrainingSpec of(final String name, final List<String> command) {
        return new TrainingSpec(name, null, command, null, Map.of(), Map.of(), Resources.NONE, Placement.DEFAULT,
                CodeSource.NONE, DEFAULT_TIMEOUT, DEFAULT_RETRIES, Map.of(), null);
    }

    /** This spec, logging into a run of that MLflow (or local registry) experiment. */
    public TrainingSpec withExperiment(final String value) {
        return new TrainingSpec(name, image, command, workingDir, env, secretEnv, resources, placement, code, timeout,
                retries, labels, value);
    }

    private static List<String> concat(final java.util.Collection<String> a, final java.util.Collection<String> b) {
        var all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /**
     * An environment variable from a key of a Kubernetes Secret.
     *
     * @param secret the Secret's name
     * @param key    the key in it
     */
    public record SecretRef(String secret, String key) implements Serializable {
        private static final long serialVersionUID = 1L;

        private static final Pattern SECRET_NAME = Pattern.compile("[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?");
        private static final Pattern SECRET_KEY = Pattern.compile("[-._a-zA-Z0-9]{1,253}");

        public SecretRef {
            Objects.requireNonNull(secret, "secret");
            Objects.requireNonNull(key, "key");
            if (!SECRET_NAME.matcher(secret).matches()) {
                throw new InputException("secret: '" + secret + "' is not a Secret name: expected lower-case "
                        + "letters, digits, '-' and '.'");
            }
            if (!SECRET_KEY.matcher(key).matches()) {
                throw new InputException("secret key: '" + key + "' is not a key of a Secret: expected letters, "
                        + "digits, '-', '_' and '.'");
            }
        }

        /** {@code SECRET:KEY}, e.g. {@code mlflow:token}. */
        public static SecretRef parse(final String field, final String text) {
            int colon = text == null ? -1 : text.indexOf(':');
            if (colon <= 0 || colon == text.length() - 1) {
                throw new InputException(field + ": '" + text + "' is not a Secret reference: expected SECRET:KEY, "
                        + "e.g. mlflow:token");
            }
            return new SecretRef(text.substring(0, colon), text.substring(colon + 1));
        }

        @Override
        public String toString() {
            return secret + ":" + key;
        }
    }

    /**
     * What the training needs: GPUs (as the extended resource {@code nvidia.com/gpu}, a limit) and their type (a
     * node-selector value for {@code nvidia.com/gpu.product}), CPU and memory as Kubernetes quantities.
     *
     * @param gpus          GPU count, 0 for none
     * @param gpuType       e.g. {@code NVIDIA-A100-SXM4-80GB}, or {@code null} for any
     * @param cpuRequest    e.g. {@code 4}, or {@code null}
     * @param cpuLimit      or {@code null}
     * @param memoryRequest e.g. {@code 16Gi}, or {@code null}
     * @param memoryLimit   or {@code null}
     */
    public record Resources(int gpus, String gpuType, String cpuRequest, String cpuLimit, String memoryRequest,
            String memoryLimit) implements Serializable {
        private static final long serialVersionUID = 1L;

        public static final Resources NONE = new Resources(0, null, null, null, null, null);

        /** Kubernetes' quantity syntax ({@code resource.Quantity}): a number and an optional suffix. */
        private static final Pattern QUANTITY = Pattern.compile("([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)");

        public Resources {
            if (gpus < 0 || gpus > 64) {
                throw new InputException("gpus: expected 0 to 64, got " + gpus);
            }
            checkQuantity("cpu", cpuRequest, "4 or 500m");
            checkQuantity("cpu limit", cpuLimit, "4 or 500m");
            checkQuantity("memory", memoryRequest, "16Gi or 512Mi");
            checkQuantity("memory limit", memoryLimit, "16Gi or 512Mi");
        }

        private static void checkQuantity(final String field, final String value, final String example) {
            if (value != null && !QUANTITY.matcher(value).matches()) {
                throw new InputException(field + ": '" + value + "' is not a Kubernetes quantity: expected e.g. "
                        + example);
            }
        }
    }

    /**
     * Where the Job runs.
     *
     * @param namespace      the namespace, or {@code null} for the connection's
     * @param nodeSelector   node labels the pod requires
     * @param tolerations    taints the pod tolerates; with GPUs and none given, {@code nvidia.com/gpu} is tolerated
     * @param serviceAccount the service account, or {@code null}
     */
    public record Placement(String namespace, Map<String, String> nodeSelector, List<Toleration> tolerations,
            String serviceAccount) implements Serializable {
        private static final long serialVersionUID = 1L;

        public static final Placement DEFAULT = new Placement(null, Map.of(), List.of(), null);

        public Placement {
            nodeSelector = nodeSelector == null ? Map.of()
                    : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(nodeSelector));
            tolerations = tolerations == null ? List.of() : List.copyOf(tolerations);
        }
    }

    /**
     * A Kubernetes toleration.
     *
     * @param key      the taint's key
     * @param operator {@code Exists} or {@code Equal}
     * @param value    the value for {@code Equal}, else {@code null}
     * @param effect   {@code NoSchedule}, {@code PreferNoSchedule}, {@code NoExecute}, or {@code null} for all
     */
    public record Toleration(String key, String operator, String value, String effect) implements Serializable {
        private static final long serialVersionUID = 1L;

        /** What GPU nodes are usually tainted with. */
        public static final Toleration GPU = new Toleration("nvidia.com/gpu", "Exists", null, "NoSchedule");
        private static final Pattern EFFECT = Pattern.compile("NoSchedule|PreferNoSchedule|NoExecute");

        /**
         * Reads a toleration of the taint as {@code kubectl taint} writes it: {@code key=value:Effect} (the taint
         * with that value), {@code key:Effect} or {@code key} (any value); without an effect, every effect.
         *
         * @param field the parameter's name, for the message
         * @throws InputException naming the field when the text is not such a taint
         */
        public static Toleration parse(final String field, final String text) {
            var taint = text.trim();
            int colon = taint.lastIndexOf(':');
            var effect = colon < 0 ? null : taint.substring(colon + 1).trim();
            var keyValue = colon < 0 ? taint : taint.substring(0, colon).trim();
            int equals = keyValue.indexOf('=');
            var key = equals < 0 ? keyValue : keyValue.substring(0, equals).trim();
            if (key.isEmpty() || effect != null && !EFFECT.matcher(effect).matches()) {
                throw new InputException(field + ": '" + taint + "' is not a taint: expected key=value:Effect, "
                        + "key:Effect or key, with Effect NoSchedule, PreferNoSchedule or NoExecute");
            }
            return equals < 0 ? new Toleration(key, "Exists", null, effect)
                    : new Toleration(key, "Equal", keyValue.substring(equals + 1).trim(), effect);
        }
    }

    /** How the training code reaches the pod. */
    public sealed interface CodeSource extends Serializable {
        /** The image holds the code (or, locally, the working copy is the code). */
        CodeSource NONE = new InImage();

        /** The image holds the code. */
        record InImage() implements CodeSource {
        }

        /**
         * A clone of the exact commit in an init container, into a shared {@code emptyDir} the training container
         * works in.
         *
         * @param url    the repository URL, without credentials
         * @param commit the commit to check out
         * @param token  for a private repository over HTTPS, the Secret key holding an access token (given to git
         *               by a credential helper, never on a command line), or {@code null}
         */
        record GitClone(String url, String commit, SecretRef token) implements CodeSource {
            public GitClone {
                Objects.requireNonNull(url, "url");
                Objects.requireNonNull(commit, "commit");
                if (url.matches("^[A-Za-z][A-Za-z0-9+.-]*://[^/@]*@.*")) {
                    throw new InputException("git url: '" + url.replaceFirst("//[^/@]*@", "//***@") + "' holds "
                            + "credentials: expected a URL without them, and the token as a Secret reference");
                }
                if (commit.isBlank() || commit.startsWith("-")) {
                    throw new InputException("git commit: '" + commit + "' is not a commit: expected a commit id");
                }
            }

            /** A public repository. */
            public GitClone(final String url, final String commit) {
                this(url, commit, null);
            }
        }

        /**
         * A persistent volume claim holding the code, mounted at a path.
         *
         * @param claimName the claim
         * @param mountPath where it is mounted, e.g. {@code /workspace}
         */
        record VolumeClaim(String claimName, String mountPath) implements CodeSource {
            /** Where a claim is mounted unless it says otherwise. */
            public static final String DEFAULT_MOUNT_PATH = "/workspace";

            public VolumeClaim {
                Objects.requireNonNull(claimName, "claimName");
                Objects.requireNonNull(mountPath, "mountPath");
            }

            /**
             * Reads {@code CLAIM} (mounted at {@link #DEFAULT_MOUNT_PATH}) or {@code CLAIM:/mount/path}.
             *
             * @param field the parameter's name, for the message
             * @throws InputException naming the field when the claim is missing or the path is not absolute
             */
            public static VolumeClaim parse(final String field, final String text) {
                int colon = text.indexOf(':');
                var claim = (colon < 0 ? text : text.substring(0, colon)).trim();
                var path = colon < 0 ? DEFAULT_MOUNT_PATH : text.substring(colon + 1).trim();
                if (claim.isEmpty() || !path.startsWith("/")) {
                    throw new InputException(field + ": '" + text + "' is not a claim: expected CLAIM or "
                            + "CLAIM:/mount/path, such as training-code:/workspace");
                }
                return new VolumeClaim(claim, path);
            }
        }
    }
}
