package io.mlops.training.kubernetes;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.mlops.report.DisplayValues;
import io.mlops.training.TrainingPhase;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads where a training Job is from the Job's conditions and its pod's status, and explains an end in one line
 * that says what happened and what to change. A pure function of the objects, so every case is tested with the
 * status Kubernetes really writes:
 * <ul>
 * <li>the training container ran out of memory ({@code OOMKilled}): FAILED, with the memory limit;</li>
 * <li>it exited non-zero: FAILED, with the last line it wrote (the termination message);</li>
 * <li>the Job's deadline passed ({@code DeadlineExceeded}): TIMED_OUT;</li>
 * <li>the pod was evicted, preempted, or its node was lost or shut down ({@code DisruptionTarget}, reason
 * {@code Evicted}...): INTERRUPTED, which is retried;</li>
 * <li>the image cannot be pulled, the container cannot be created (a missing Secret), the code cannot be cloned:
 * ERROR at once;</li>
 * <li>no node fits (e.g. {@code Insufficient nvidia.com/gpu}): PENDING with the scheduler's reason, and ERROR when
 * the pod has waited longer than the pending timeout (a cluster autoscaler may still add a GPU node).</li>
 * </ul>
 */
final class PodDiagnosis {
    private static final Set<String> IMAGE_ERRORS = Set.of("ImagePullBackOff", "InvalidImageName",
            "ErrImageNeverPull");
    private static final Set<String> START_ERRORS = Set.of("CreateContainerConfigError", "CreateContainerError",
            "RunContainerError");
    /** Pod reasons the kubelet or the node lifecycle controller sets when the node, not the training, ended it. */
    private static final Set<String> NODE_REASONS = Set.of("Evicted", "Preempted", "NodeLost", "Shutdown",
            "NodeShutdown", "Terminated", "NodeAffinity", "UnexpectedAdmissionError");
    private static final Map<String, String> DISRUPTIONS = Map.of(
            "PreemptionByScheduler", "preempted by a higher-priority pod",
            "PreemptionByKubeScheduler", "preempted by a higher-priority pod",
            "DeletionByTaintManager", "the node became unavailable (NoExecute taint)",
            "EvictionByEvictionAPI", "evicted through the Eviction API (a node drain or scale-down)",
            "DeletionByPodGC", "the node was lost (the pod was garbage-collected)",
            "TerminationByKubelet", "terminated by the kubelet (node pressure or shutdown)");
    private static final int MAX_QUOTE = 200;

    private PodDiagnosis() {
    }

    /**
     * Where the attempt is.
     *
     * @param phase    the phase
     * @param text     the explanation of an end, or what an unfinished attempt waits for ({@code null}: nothing)
     * @param exitCode the training command's exit code, when it exited
     */
    record Diagnosis(TrainingPhase phase, String text, Integer exitCode) {
        static Diagnosis of(final TrainingPhase phase, final String text) {
            return new Diagnosis(phase, text, null);
        }
    }

    /**
     * Diagnoses a Job and its pod.
     *
     * @param job            the Job
     * @param pod            its newest pod, or {@code null} when it has none (yet, or any more)
     * @param jobWarning     the latest Warning event of the Job (e.g. a quota refused its pod), or {@code null}
     * @param waiting        how long the attempt has been waiting to run (since the pod, or the Job, was created)
     * @param pendingTimeout how long it may wait
     */
    static Diagnosis of(final Job job, final Pod pod, final String jobWarning, final Duration waiting,
            final Duration pendingTimeout) {
        var trainer = pod == null ? Optional.<ContainerStatus>empty() : status(pod, JobManifest.CONTAINER, false);
        var terminated = trainer.map(ContainerStatus::getState).map(state -> state.getTerminated());
        if (terminated.isPresent() && Integer.valueOf(0).equals(terminated.get().getExitCode())) {
            return new Diagnosis(TrainingPhase.SUCCEEDED, "the training command exited with 0", 0);
        }
        var failed = condition(job, "Failed");
        if (failed.isPresent() && "DeadlineExceeded".equals(failed.get().getReason())) {
            return Diagnosis.of(TrainingPhase.TIMED_OUT, "the Job ran past its deadline of " + DisplayValues
                    .duration(job.getSpec().getActiveDeadlineSeconds() * 1000) + " (activeDeadlineSeconds) and "
                    + "Kubernetes stopped it; raise timeout");
        }
        if (pod != null) {
            var disruption = disruption(pod, trainer);
            if (disruption.isPresent()) {
                return Diagnosis.of(TrainingPhase.INTERRUPTED, disruption.get());
            }
            if (terminated.isPresent()) {
                var end = terminated.get();
                if ("OOMKilled".equals(end.getReason())) {
                    return new Diagnosis(TrainingPhase.FAILED, outOfMemory(pod), end.getExitCode());
                }
                return new Diagnosis(TrainingPhase.FAILED, "the training command exited with code "
                        + end.getExitCode() + lastLine(end.getMessage()), end.getExitCode());
            }
        }
        if (condition(job, "Complete").isPresent()) {
            return new Diagnosis(TrainingPhase.SUCCEEDED, "the training command exited with 0", 0);
        }
        if (failed.isPresent()) {
            return pod == null
                    ? Diagnosis.of(TrainingPhase.INTERRUPTED, "the Job's pod is gone (deleted, or its node lost): "
                            + text(failed.get().getMessage(), failed.get().getReason()))
                    : Diagnosis.of(TrainingPhase.FAILED, "the pod failed: " + (pod.getStatus() == null
                            ? text(failed.get().getMessage(), failed.get().getReason())
                            : text(pod.getStatus().getMessage(), pod.getStatus().getReason())));
        }
        if (pod == null) {
            return waiting(jobWarning == null ? "waiting for the Job's pod" : "waiting for the Job's pod: "
                    + jobWarning, waiting, pendingTimeout);
        }
        if (trainer.map(ContainerStatus::getState).map(state -> state.getRunning()).isPresent()) {
            return Diagnosis.of(TrainingPhase.RUNNING, null);
        }
        return pending(pod, waiting, pendingTimeout);
    }

    /** Why the node, not the training, ended the pod; empty when it did not. */
    private static Optional<String> disruption(final Pod pod, final Optional<ContainerStatus> trainer) {
        if (pod.getStatus() == null) {
            return Optional.empty();
        }
        var target = pod.getStatus().getConditions().stream()
                .filter(condition -> "DisruptionTarget".equals(condition.getType())
                        && "True".equals(condition.getStatus())).findFirst();
        if (target.isPresent()) {
            var reason = target.get().getReason();
            return Optional.of(DISRUPTIONS.getOrDefault(reason, "disrupted (" + reason + ")")
                    + detail(target.get().getMessage()));
        }
        var reason = pod.getStatus().getReason();
        if (reason != null && (NODE_REASONS.contains(reason) || reason.startsWith("OutOf"))) {
            var what = switch (reason) {
                case "Evicted" -> "the pod was evicted";
                case "Preempted" -> "preempted by a higher-priority pod";
                case "NodeLost" -> "the node was lost";
                default -> "the node ended the pod (" + reason + ")";
            };
            return Optional.of(what + detail(pod.getStatus().getMessage()));
        }
        var unknown = trainer.map(ContainerStatus::getState).map(state -> state.getTerminated())
                .filter(end -> "ContainerStatusUnknown".equals(end.getReason()));
        return unknown.map(end -> "the node lost track of the training container" + detail(end.getMessage()));
    }

    private static Diagnosis pending(final Pod pod, final Duration waiting, final Duration pendingTimeout) {
        var clone = status(pod, JobManifest.CLONE_CONTAINER, true);
        var cloneEnd = clone.map(ContainerStatus::getState).map(state -> state.getTerminated())
                .filter(end -> !Integer.valueOf(0).equals(end.getExitCode()));
        if (cloneEnd.isPresent()) {
            return Diagnosis.of(TrainingPhase.ERROR, "cannot clone " + cloneSource(pod) + ": git exited with code "
                    + cloneEnd.get().getExitCode() + lastLine(cloneEnd.get().getMessage()));
        }
        for (var container : List.of(clone, status(pod, JobManifest.CONTAINER, false))) {
            var waitingState = container.map(ContainerStatus::getState).map(state -> state.getWaiting());
            if (waitingState.isEmpty() || waitingState.get().getReason() == null) {
                continue;
            }
            var reason = waitingState.get().getReason();
            var message = text(waitingState.get().getMessage(), reason);
            if (IMAGE_ERRORS.contains(reason)) {
                return Diagnosis.of(TrainingPhase.ERROR, "cannot pull image " + container.get().getImage() + ": "
                        + message);
            }
            if (START_ERRORS.contains(reason)) {
                return Diagnosis.of(TrainingPhase.ERROR, "cannot start the " + container.get().getName()
                        + " container: " + message);
            }
            if ("ErrImagePull".equals(reason)) {
                return waiting("pulling image " + container.get().getImage() + " failed, retrying: " + message,
                        waiting, pendingTimeout);
            }
            return waiting("starting (" + reason + ")", waiting, pendingTimeout);
        }
        var scheduled = pod.getStatus() == null ? Optional.<PodCondition>empty()
                : pod.getStatus().getConditions().stream()
                        .filter(condition -> "PodScheduled".equals(condition.getType())).findFirst();
        if (scheduled.isPresent() && "False".equals(scheduled.get().getStatus())
                && "Unschedulable".equals(scheduled.get().getReason())) {
            return waiting(unschedulable(pod, scheduled.get()), waiting, pendingTimeout);
        }
        return waiting("waiting to be scheduled", waiting, pendingTimeout);
    }

    /** Still waiting, or, past the pending timeout, an ERROR that says for what. */
    private static Diagnosis waiting(final String what, final Duration waiting, final Duration pendingTimeout) {
        if (waiting.compareTo(pendingTimeout) >= 0) {
            return Diagnosis.of(TrainingPhase.ERROR, "still pending after " + DisplayValues.duration(
                    waiting.toMillis()) + ": " + what);
        }
        return Diagnosis.of(TrainingPhase.PENDING, what);
    }

    private static String unschedulable(final Pod pod, final PodCondition scheduled) {
        var message = scheduled.getMessage() == null ? "" : scheduled.getMessage().split("\\. preemption:", 2)[0];
        if (message.contains("Insufficient " + JobManifest.GPU_RESOURCE)) {
            return "no node has " + gpus(pod) + " free " + JobManifest.GPU_RESOURCE + " (Unschedulable: " + message
                    + ")";
        }
        if (message.contains("node affinity/selector")) {
            return "no node matches the node selector " + pod.getSpec().getNodeSelector() + " (Unschedulable: "
                    + message + ")";
        }
        return "no node can take the pod (Unschedulable: " + message + ")";
    }

    private static String outOfMemory(final Pod pod) {
        var limit = trainer(pod).map(container -> container.getResources())
                .map(resources -> resources.getLimits() == null ? null : resources.getLimits().get("memory"))
                .map(Quantity::toString);
        return limit.map(value -> "the training container ran out of memory: limit " + value + "; raise memory")
                .orElse("the training container ran out of memory with no memory limit set (the node ran out); "
                        + "set memory and memory limit");
    }

    private static int gpus(final Pod pod) {
        return trainer(pod).map(container -> container.getResources())
                .map(resources -> resources.getLimits() == null ? null : resources.getLimits()
                        .get(JobManifest.GPU_RESOURCE))
                .map(quantity -> Integer.parseInt(quantity.getAmount())).orElse(0);
    }

    private static String cloneSource(final Pod pod) {
        var clone = pod.getSpec().getInitContainers().stream()
                .filter(container -> JobManifest.CLONE_CONTAINER.equals(container.getName())).findFirst();
        var env = clone.map(Container::getEnv).orElse(List.of());
        String url = null;
        String commit = null;
        for (var variable : env) {
            if ("GIT_URL".equals(variable.getName())) {
                url = variable.getValue();
            }
            else if ("GIT_COMMIT".equals(variable.getName())) {
                commit = variable.getValue();
            }
        }
        return url + " at " + commit;
    }

    static Optional<Container> trainer(final Pod pod) {
        return pod.getSpec() == null ? Optional.empty() : pod.getSpec().getContainers().stream()
                .filter(container -> JobManifest.CONTAINER.equals(container.getName())).findFirst();
    }

    static Optional<ContainerStatus> status(final Pod pod, final String name, final boolean init) {
        if (pod.getStatus() == null) {
            return Optional.empty();
        }
        var statuses = init ? pod.getStatus().getInitContainerStatuses() : pod.getStatus().getContainerStatuses();
        return statuses.stream().filter(status -> name.equals(status.getName())).findFirst();
    }

    private static Optional<JobCondition> condition(final Job job, final String type) {
        if (job.getStatus() == null) {
            return Optional.empty();
        }
        return job.getStatus().getConditions().stream()
                .filter(condition -> type.equals(condition.getType()) && "True".equals(condition.getStatus()))
                .findFirst();
    }

    /** {@code ": message"}, or nothing for a blank one. */
    private static String detail(final String message) {
        return message == null || message.isBlank() ? "" : ": " + quote(message.strip());
    }

    /** {@code ": <the last non-blank line>"} of a termination message, or nothing. */
    static String lastLine(final String message) {
        if (message == null) {
            return "";
        }
        var lines = message.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        return lines.isEmpty() ? "" : ": " + quote(lines.get(lines.size() - 1));
    }

    private static String text(final String message, final String fallback) {
        return message == null || message.isBlank() ? String.valueOf(fallback) : quote(message.strip());
    }

    private static String quote(final String text) {
        var line = text.replaceAll("\\s*\\R\\s*", " ");
        return line.length() <= MAX_QUOTE ? line : line.substring(0, MAX_QUOTE - 1) + "…";
    }
}
