package io.mlops.training.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.mlops.training.MutableClock;
import io.mlops.training.RunnerUnavailableException;
import io.mlops.training.TrainingJob;
import io.mlops.training.TrainingLoop;
import io.mlops.training.TrainingPhase;
import io.mlops.training.TrainingSpec;
import io.mlops.training.TrainingSpec.Resources;
import io.mlops.training.TrainingState;
import io.mlops.training.TrainingTracking;
import io.mlops.util.InputException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KubernetesRunnerTest {
    /** Now: the mock API server stamps creation times with its own clock. */
    private static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final String JOB = "fine-tune";
    private static final String POD = JOB + "-x7k2p";

    private final FakeCluster cluster = new FakeCluster();
    private final MutableClock clock = new MutableClock(T0);
    private final List<String> log = new ArrayList<>();
    private final KubernetesRunner runner = new KubernetesRunner(cluster.client(),
            KubernetesRunner.Settings.DEFAULT.withNamespace(FakeCluster.NAMESPACE), clock);
    private final TrainingSpec spec = new TrainingSpec(JOB, "trainer:1.4", List.of("python", "train.py"), null,
            Map.of(), Map.of(), new Resources(2, "NVIDIA-A100-SXM4-80GB", "8", null, "16Gi", "16Gi"), null, null,
            Duration.ofHours(6), 2, Map.of("team", "risk"), null);

    @AfterEach
    void closeCluster() {
        cluster.close();
    }

    @Test
    void shouldRunTheJobAndStreamItsLogAsItIsWritten() {
        var state = start();
        assertThat(cluster.job(JOB).getSpec().getBackoffLimit()).isZero();

        state = advance(state, Duration.ZERO);
        assertThat(log).containsExactly("[mlops] submitted Job ml/fine-tune", "[mlops] waiting for the Job's pod");

        cluster.createPod(JOB, clock.instant());
        cluster.running(POD, "gpu-node-7", T0.plusSeconds(30));
        cluster.log(POD, T0.plusSeconds(31), "epoch 1 loss 0.693");
        state = advance(state, Duration.ofSeconds(40));
        assertThat(state.current().log().lines()).isEqualTo(1);

        cluster.log(POD, T0.plusSeconds(31), "epoch 2 loss 0.512");
        cluster.log(POD, T0.plusSeconds(95), "epoch 3 loss 0.430", "saved model/");
        state = advance(state, Duration.ofMinutes(1));
        cluster.terminated(POD, 0, "Completed", null, T0.plus(Duration.ofMinutes(90)).plusSeconds(30));
        cluster.jobCondition(JOB, "Complete", null, null);
        state = advance(state, Duration.ofMinutes(90));

        assertThat(log).containsExactly("[mlops] submitted Job ml/fine-tune", "[mlops] waiting for the Job's pod",
                "epoch 1 loss 0.693", "epoch 2 loss 0.512", "epoch 3 loss 0.430", "saved model/");
        var outcome = state.outcome();
        assertThat(outcome.phase()).isEqualTo(TrainingPhase.SUCCEEDED);
        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.node()).isEqualTo("gpu-node-7");
        assertThat(outcome.image()).isEqualTo("trainer:1.4");
        assertThat(outcome.imageDigest()).isEqualTo("sha256:4f2c0a1b9d");
        assertThat(outcome.gpuType()).isEqualTo("NVIDIA-A100-SXM4-80GB");
        assertThat(outcome.gpus()).isEqualTo(2);
        assertThat(outcome.wallTime()).isEqualTo(Duration.ofMinutes(90));
        assertThat(state.gpuHours()).isEqualTo(3.0);
        assertThat(cluster.logRequests).last().asString().contains("timestamps=true")
                .contains("sinceTime=" + T0.plusSeconds(95));
    }

    @Test
    void shouldExplainAnOutOfMemoryKillWithTheLimitAndNotRetry() {
        var state = runningAttempt();
        cluster.terminated(POD, 137, "OOMKilled", null, T0.plusSeconds(600));
        cluster.jobCondition(JOB, "Failed", "BackoffLimitExceeded", "Job has reached the specified backoff limit");

        state = advance(state, Duration.ofMinutes(10));

        assertThat(state.outcome().phase()).isEqualTo(TrainingPhase.FAILED);
        assertThat(state.outcome().explanation())
                .isEqualTo("the training container ran out of memory: limit 16Gi; raise memory");
        assertThat(state.outcome().exitCode()).isEqualTo(137);
        assertThat(state.ended()).hasSize(1);
        assertThat(cluster.job(JOB)).as("kept for kubectl describe").isNotNull();
    }

    @Test
    void shouldQuoteTheLastLineOfAFailingTrainingScript() {
        var state = runningAttempt();
        cluster.terminated(POD, 1, "Error", "Traceback (most recent call last):\n  File \"train.py\", line 9\n"
                + "ValueError: Input contains NaN\n", T0.plusSeconds(300));
        cluster.jobCondition(JOB, "Failed", "BackoffLimitExceeded", "Job has reached the specified backoff limit");

        state = advance(state, Duration.ofMinutes(5));

        assertThat(state.outcome().phase()).isEqualTo(TrainingPhase.FAILED);
        assertThat(state.outcome().explanation())
                .isEqualTo("the training command exited with code 1: ValueError: Input contains NaN");
        assertThat(state.ended()).hasSize(1);
    }

    @Test
    void shouldFailAtOnceWhenTheImageCannotBePulledAndDeleteTheJob() {
        var state = start();
        cluster.createPod(JOB, T0);
        cluster.waiting(POD, JobManifest.CONTAINER, "ImagePullBackOff",
                "Back-off pulling image \"trainer:1.4\": not found");

        state = advance(state, Duration.ofSeconds(20));

        assertThat(state.outcome().phase()).isEqualTo(TrainingPhase.ERROR);
        assertThat(state.outcome().explanation())
                .isEqualTo("cannot pull image trainer:1.4: Back-off pulling image \"trainer:1.4\": not found");
        assertThat(state.outcome().phase().status().exitCode()).isEqualTo(2);
        assertThat(cluster.job(JOB)).isNull();
        assertThat(cluster.pods(JOB)).isEmpty();
    }

    @Test
    void shouldWaitForAGpuNodeAndGiveUpAfterThePendingTimeout() {
        var state = start();
        cluster.createPod(JOB, T0);
        cluster.unschedulable(POD, "0/3 nodes are available: 3 Insufficient nvidia.com/gpu. preemption: 0/3 nodes "
                + "are available: 3 No preemption victims found for incoming pod.");

        state = advance(state, Duration.ofMinutes(1));
        assertThat(state.isFinished()).isFalse();
        assertThat(log).last().isEqualTo("[mlops] no node has 2 free nvidia.com/gpu (Unschedulable: 0/3 nodes are "
                + "available: 3 Insufficient nvidia.com/gpu)");

        state = advance(state, Duration.ofMinutes(15));

        assertThat(state.outcome().phase()).isEqualTo(TrainingPhase.ERROR);
        // (how long exactly depends on when the mock server stamped the pod's creation)
        assertThat(state.outcome().explanation()).matches("still pending after 1[56] min \\d\\d s: no node has 2 "
                + "free nvidia\\.com/gpu \\(Unschedulable: 0/3 nodes are available: 3 Insufficient nvidia\\.com/gpu\\)");
        assertThat(cluster.job(JOB)).isNull();
    }

    @Test
    void shouldRetryAnEvictedPodAsANewJobAndSucceed() {
        var state = runningAttempt();
        cluster.log(POD, T0.plusSeconds(40), "epoch 1 loss 0.693");
        cluster.evicted(POD, "The node was low on resource: memory.", T0.plusSeconds(900));
        cluster.jobCondition(JOB, "Failed", "BackoffLimitExceeded", "Job has reached the specified backoff limit");

        state = advance(state, Duration.ofMinutes(15));

        assertThat(state.isFinished()).isFalse();
        assertThat(state.current().name()).isEqualTo("fine-tune-r1");
        assertThat(cluster.job(JOB)).as("the evicted attempt is removed").isNull();
        assertThat(log).contains("[mlops] attempt 1 was interrupted (terminated by the kubelet (node pressure or "
                + "shutdown): The node was low on resource: memory.): not the training's fault, retrying as Job "
                + "ml/fine-tune-r1");
        assertThat(cluster.job("fine-tune-r1").getSpec().getActiveDeadlineSeconds())
                .isEqualTo(Duration.ofHours(6).minusMinutes(15).minusSeconds(61).toSeconds());

        var retry = "fine-tune-r1-x7k2p";
        cluster.createPod("fine-tune-r1", clock.instant());
        cluster.running(retry, "gpu-node-2", clock.instant().plusSeconds(20));
        cluster.log(retry, clock.instant().plusSeconds(25), "epoch 1 loss 0.690");
        cluster.terminated(retry, 0, "Completed", null, clock.instant().plus(Duration.ofMinutes(60)));
        cluster.jobCondition("fine-tune-r1", "Complete", null, null);
        state = advance(state, Duration.ofMinutes(61));

        assertThat(state.outcome().phase()).isEqualTo(TrainingPhase.SUCCEEDED);
        assertThat(state.outcome().node()).isEqualTo("gpu-node-2");
        assertThat(state.ended()).extracting(o -> o.phase()).containsExactly(TrainingPhase.INTERRUPTED,
                TrainingPhase.SUCCEEDED);
        assertThat(log).containsSubsequence("epoch 1 loss 0.693", "epoch 1 loss 0.690");
    }

    @Test
    void shouldDeleteTheJobAndItsPodsAtTheTimeout() {
        var state = runningAttempt();

        state = advance(state, Duration.ofHours(6));

        assertThat(state.outcome().phase()).isEqualTo(TrainingPhase.TIMED_OUT);
        assertThat(state.outcome().explanation()).startsWith("timed out after 6 h 00 min: stopped");
        assertThat(state.outcome().node()).isEqualTo("gpu-node-7");
        assertThat(state.gpuHours()).isGreaterThan(11.9);
        assertThat(cluster.job(JOB)).isNull();
        assertThat(cluster.pods(JOB)).isEmpty();
    }

    @Test
    void shouldExplainTheJobsOwnDeadline() {
        var state = runningAttempt();
        cluster.jobCondition(JOB, "Failed", "DeadlineExceeded", "Job was active longer than specified deadline");

        state = advance(state, Duration.ofMinutes(5));

        assertThat(state.outcome().phase()).isEqualTo(TrainingPhase.TIMED_OUT);
        assertThat(state.outcome().explanation()).isEqualTo("the Job ran past its deadline of 6 h 00 min "
                + "(activeDeadlineSeconds) and Kubernetes stopped it; raise timeout");
    }

    @Test
    void shouldDeleteTheJobAndItsPodsWhenAborted() {
        var state = runningAttempt();
        var loop = new TrainingLoop(runner, log::add, duration -> {
        }, clock);
        loop.abort("aborted by alice");

        state = loop.run(state);

        assertThat(state.outcome().phase()).isEqualTo(TrainingPhase.ABORTED);
        assertThat(state.outcome().explanation()).isEqualTo("aborted by alice");
        assertThat(cluster.job(JOB)).isNull();
        assertThat(cluster.pods(JOB)).isEmpty();
        assertThat(log).last().isEqualTo("[mlops] aborted by alice (removed Job ml/fine-tune)");
    }

    @Test
    void shouldReattachWithANewRunnerAndContinueTheLogWhereItStopped() throws Exception {
        var state = runningAttempt();
        var second = T0.plusSeconds(61);
        cluster.log(POD, second.plusMillis(100), "epoch 1", "epoch 2");
        state = advance(state, Duration.ofSeconds(30));
        var persisted = serialise(state);

        cluster.log(POD, second.plusMillis(100), "epoch 3");
        cluster.log(POD, second.plusMillis(900), "epoch 4");
        cluster.log(POD, second.plusSeconds(5), "epoch 5");
        try (var restartedClient = cluster.newClient()) {
            var restarted = new KubernetesRunner(restartedClient,
                    KubernetesRunner.Settings.DEFAULT.withNamespace(FakeCluster.NAMESPACE), clock);
            var resumed = ((TrainingState) deserialise(persisted)).advance(restarted, log::add,
                    clock.advance(Duration.ofSeconds(30)));

            assertThat(log.stream().filter(line -> line.startsWith("epoch"))).containsExactly("epoch 1", "epoch 2",
                    "epoch 3", "epoch 4", "epoch 5");
            assertThat(resumed.current().log().lines()).isEqualTo(5);
            assertThat(cluster.logRequests).last().asString().contains("sinceTime=" + second);

            var attached = restarted.attach(FakeCluster.NAMESPACE, JOB);
            var fromStart = new ArrayList<String>();
            restarted.poll(attached, fromStart::add);
            assertThat(fromStart).containsExactly("epoch 1", "epoch 2", "epoch 3", "epoch 4", "epoch 5");
        }
    }

    @Test
    void shouldReadALongLogInBoundedPieces() {
        var small = new KubernetesRunner(cluster.client(), KubernetesRunner.Settings.DEFAULT
                .withNamespace(FakeCluster.NAMESPACE).withLogBytes(1024), clock);
        var job = small.start(spec, TrainingTracking.NONE, 0, Duration.ofHours(1));
        cluster.createPod(JOB, T0);
        cluster.running(POD, "gpu-node-7", T0);
        for (int i = 0; i < 200; i++) {
            cluster.log(POD, T0.plusMillis(i), "step " + i + " of a long log line that fills the pieces");
        }

        var lines = new ArrayList<String>();
        var status = small.poll(job, lines::add);

        assertThat(lines).hasSize(200).startsWith("step 0 of a long log line that fills the pieces")
                .endsWith("step 199 of a long log line that fills the pieces");
        assertThat(status.job().log().lines()).isEqualTo(200);
        assertThat(cluster.logRequests.size()).isGreaterThan(10);
    }

    @Test
    void shouldRefuseAJobNameThatIsTaken() {
        runner.start(spec, TrainingTracking.NONE, 0, Duration.ofHours(1));

        assertThatThrownBy(() -> runner.start(spec, TrainingTracking.NONE, 0, Duration.ofHours(1)))
                .isInstanceOf(InputException.class)
                .hasMessage("name: a Job named fine-tune already exists in namespace ml: pick another name, or delete "
                        + "it (kubectl delete job fine-tune -n ml)");
    }

    @Test
    void shouldTellAnUnreachableClusterFromARefusal() throws Exception {
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        var config = new ConfigBuilder().withMasterUrl("http://127.0.0.1:" + port).withRequestTimeout(2000)
                .withConnectionTimeout(2000).withRequestRetryBackoffLimit(0).build();
        try (var client = new KubernetesClientBuilder().withConfig(config).build()) {
            var offline = new KubernetesRunner(client, KubernetesRunner.Settings.DEFAULT.withNamespace("ml"), clock);

            assertThatThrownBy(() -> offline.start(spec, TrainingTracking.NONE, 0, Duration.ofHours(1)))
                    .isInstanceOf(InputException.class)
                    .hasMessage("cannot reach the Kubernetes API at http://127.0.0.1:" + port + "/: connection refused");
            var handle = new TrainingJob(KubernetesRunner.KIND, "ml", JOB, 0, T0, null);
            assertThatThrownBy(() -> offline.poll(handle, log::add)).isInstanceOf(RunnerUnavailableException.class);
        }
    }

    private TrainingState start() {
        return TrainingState.start(runner, spec, TrainingTracking.NONE, log::add, clock.instant());
    }

    /** A started attempt whose pod runs on gpu-node-7 since T0 + 1 min. */
    private TrainingState runningAttempt() {
        var state = start();
        cluster.createPod(JOB, T0);
        cluster.running(POD, "gpu-node-7", T0.plusSeconds(60));
        return advance(state, Duration.ofSeconds(61));
    }

    private TrainingState advance(final TrainingState state, final Duration by) {
        return state.advance(runner, log::add, clock.advance(by));
    }

    private static byte[] serialise(final Object value) throws Exception {
        var bytes = new ByteArrayOutputStream();
        try (var out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        return bytes.toByteArray();
    }

    private static Object deserialise(final byte[] bytes) throws Exception {
        try (var in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return in.readObject();
        }
    }
}
