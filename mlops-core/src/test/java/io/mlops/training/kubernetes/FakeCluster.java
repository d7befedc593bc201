package io.mlops.training.kubernetes;

import io.fabric8.kubernetes.api.model.ContainerStateBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobConditionBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * fabric8's mock Kubernetes API in CRUD mode, plus what a real cluster would do that CRUD mode does not: the test
 * plays the Job controller and the kubelet — it creates a Job's pod and writes its status transitions — and pod
 * logs are served with timestamps, {@code sinceTime} (to the second, as the API server passes it on) and
 * {@code limitBytes}, as the kubelet serves them.
 */
final class FakeCluster implements AutoCloseable {
    static final String NAMESPACE = "ml";
    private static final Pattern LOG_PATH = Pattern.compile("/api/v1/namespaces/([^/]+)/pods/([^/?]+)/log(\\?.*)?");

    private final KubernetesMockServer server;
    private final KubernetesClient client;
    private final Map<String, List<String>> logs = new ConcurrentHashMap<>();
    final List<String> logRequests = new CopyOnWriteArrayList<>();

    FakeCluster() {
        Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
        var crud = new KubernetesMixedDispatcher(responses);
        var dispatcher = new Dispatcher() {
            @Override
            public MockResponse dispatch(final RecordedRequest request) {
                var matcher = LOG_PATH.matcher(request.getPath());
                if ("GET".equals(request.getMethod()) && matcher.matches()) {
                    logRequests.add(request.getPath());
                    return serveLog(matcher.group(2), query(matcher.group(3)));
                }
                return crud.dispatch(request);
            }
        };
        server = new KubernetesMockServer(new Context(Serialization.jsonMapper()), new MockWebServer(), responses,
                dispatcher, false);
        server.init();
        client = server.createClient();
    }

    /** The client tests give the runner; the cluster closes it. */
    KubernetesClient client() {
        return client;
    }

    /** Another client of the same cluster, as a restarted controller would have. */
    KubernetesClient newClient() {
        return server.createClient();
    }

    Job job(final String name) {
        return client.batch().v1().jobs().inNamespace(NAMESPACE).withName(name).get();
    }

    List<Pod> pods(final String job) {
        return client.pods().inNamespace(NAMESPACE).withLabel(JobManifest.INSTANCE_LABEL, job).list().getItems();
    }

    /** As the Job controller: creates the Job's pod from its template, pending and unscheduled. */
    Pod createPod(final String job, final Instant at) {
        var template = job(job).getSpec().getTemplate();
        var pod = new PodBuilder().withNewMetadata().withName(job + "-x7k2p").withNamespace(NAMESPACE)
                .withLabels(template.getMetadata().getLabels()).withCreationTimestamp(at.toString()).endMetadata()
                .withSpec(template.getSpec())
                .withNewStatus().withPhase("Pending").endStatus()
                .build();
        return client.pods().inNamespace(NAMESPACE).resource(pod).create();
    }

    /** As the scheduler: the pod cannot be placed. */
    void unschedulable(final String pod, final String message) {
        updateStatus(pod, status -> status.withPhase("Pending").withConditions(condition("PodScheduled", "False",
                "Unschedulable", message)));
    }

    /** As the kubelet: a container waits (pulling its image, creating it). */
    void waiting(final String pod, final String container, final String reason, final String message) {
        var waiting = containerStatus(pod, container).withState(new ContainerStateBuilder().withNewWaiting()
                .withReason(reason).withMessage(message).endWaiting().build()).build();
        updateStatus(pod, status -> status.withPhase("Pending").withContainerStatuses(waiting));
    }

    /** As the kubelet: the training container runs on a node, from an image pulled by digest. */
    void running(final String pod, final String node, final Instant startedAt) {
        client.pods().inNamespace(NAMESPACE).withName(pod).edit(current -> new PodBuilder(current).editSpec()
                .withNodeName(node).endSpec().build());
        var running = containerStatus(pod, JobManifest.CONTAINER).withState(new ContainerStateBuilder()
                .withNewRunning().withStartedAt(startedAt.toString()).endRunning().build()).build();
        updateStatus(pod, status -> status.withPhase("Running").withConditions(condition("PodScheduled", "True",
                null, null)).withContainerStatuses(running));
    }

    /** As the kubelet: the training container ended. */
    void terminated(final String pod, final int exitCode, final String reason, final String message,
            final Instant finishedAt) {
        var current = client.pods().inNamespace(NAMESPACE).withName(pod).get();
        var startedAt = current.getStatus().getContainerStatuses().get(0).getState().getRunning().getStartedAt();
        var terminated = containerStatus(pod, JobManifest.CONTAINER).withState(new ContainerStateBuilder()
                .withNewTerminated().withExitCode(exitCode).withReason(reason).withMessage(message)
                .withStartedAt(startedAt).withFinishedAt(finishedAt.toString()).endTerminated().build()).build();
        updateStatus(pod, status -> status.withPhase(exitCode == 0 ? "Succeeded" : "Failed")
                .withContainerStatuses(terminated));
    }

    /** As the kubelet under node pressure: the pod is evicted and its container killed. */
    void evicted(final String pod, final String message, final Instant at) {
        terminated(pod, 137, "Error", null, at);
        updateStatus(pod, status -> status.withPhase("Failed").withReason("Evicted").withMessage(message)
                .addToConditions(condition("DisruptionTarget", "True", "TerminationByKubelet", message)));
    }

    /** As the Job controller: a condition on the Job (Complete, Failed with a reason). */
    void jobCondition(final String job, final String type, final String reason, final String message) {
        var current = job(job);
        var status = new JobStatusBuilder(current.getStatus() == null ? new io.fabric8.kubernetes.api.model.batch.v1
                .JobStatus() : current.getStatus()).addToConditions(new JobConditionBuilder().withType(type)
                .withStatus("True").withReason(reason).withMessage(message).build()).build();
        current.setStatus(status);
        client.batch().v1().jobs().inNamespace(NAMESPACE).resource(current).update();
    }

    /** As the container runtime: a log line written at {@code at}. */
    void log(final String pod, final Instant at, final String... lines) {
        var podLog = logs.computeIfAbsent(pod, key -> new CopyOnWriteArrayList<>());
        Arrays.stream(lines).forEach(line -> podLog.add(at + " " + line));
    }

    private MockResponse serveLog(final String pod, final Map<String, String> query) {
        // (never ask the client here: the dispatcher runs on the server's only thread)
        var lines = logs.getOrDefault(pod, List.of());
        var since = query.containsKey("sinceTime") ? Instant.parse(query.get("sinceTime")) : Instant.MIN;
        var body = new StringBuilder();
        for (var line : lines) {
            var space = line.indexOf(' ');
            if (Instant.parse(line.substring(0, space)).isBefore(since)) {
                continue;
            }
            body.append("true".equals(query.get("timestamps")) ? line : line.substring(space + 1)).append('\n');
        }
        var bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        if (query.containsKey("limitBytes")) {
            bytes = Arrays.copyOf(bytes, Math.min(bytes.length, Integer.parseInt(query.get("limitBytes"))));
        }
        return new MockResponse().setResponseCode(200).setBody(bytes);
    }

    private static Map<String, String> query(final String text) {
        var query = new HashMap<String, String>();
        if (text == null) {
            return query;
        }
        for (var pair : text.substring(1).split("&")) {
            var equals = pair.indexOf('=');
            query.put(pair.substring(0, equals), URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return query;
    }

    private ContainerStatusBuilder containerStatus(final String pod, final String container) {
        var current = client.pods().inNamespace(NAMESPACE).withName(pod).get();
        var image = current.getSpec().getContainers().get(0).getImage();
        return new ContainerStatusBuilder().withName(container).withImage(image)
                .withImageID("docker.io/library/" + image + "@sha256:4f2c0a1b9d")
                .withReady(false).withRestartCount(0);
    }

    private void updateStatus(final String pod,
            final java.util.function.UnaryOperator<PodStatusBuilder> change) {
        var current = client.pods().inNamespace(NAMESPACE).withName(pod).get();
        current.setStatus(change.apply(new PodStatusBuilder(current.getStatus())).build());
        client.pods().inNamespace(NAMESPACE).resource(current).update();
    }

    private static PodCondition condition(final String type, final String status, final String reason,
            final String message) {
        return new PodConditionBuilder().withType(type).withStatus(status).withReason(reason).withMessage(message)
                .build();
    }

    /** The statuses of a pod's containers, for assertions. */
    List<ContainerStatus> containerStatuses(final String pod) {
        return new ArrayList<>(client.pods().inNamespace(NAMESPACE).withName(pod).get().getStatus()
                .getContainerStatuses());
    }

    @Override
    public void close() {
        client.close();
        server.destroy();
    }
}
