package io.mlops.training.kubernetes;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.mlops.training.MutableClock;
import io.mlops.training.TrainingPhase;
import io.mlops.training.TrainingSpec;
import io.mlops.training.TrainingSpec.Placement;
import io.mlops.training.TrainingState;
import io.mlops.training.TrainingTracking;
import io.mlops.util.InputException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JobSecretsTest {
    private static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final String JOB = "churn-42";
    private static final String POD = JOB + "-x7k2p";
    private static final String TOKEN = "hf_9XfQ2secret";

    private final FakeCluster cluster = new FakeCluster();
    private final MutableClock clock = new MutableClock(T0);
    private final List<String> log = new ArrayList<>();
    private final KubernetesRunner kubernetes = new KubernetesRunner(cluster.client(),
            KubernetesRunner.Settings.DEFAULT.withNamespace(FakeCluster.NAMESPACE), clock);
    private final TrainingSpec spec = new TrainingSpec(JOB, "trainer:1.4", List.of("python", "train.py"), null,
            Map.of("EPOCHS", "3"), Map.of("HF_TOKEN", JobSecrets.reference(JOB, "HF_TOKEN")), null,
            new Placement(FakeCluster.NAMESPACE, Map.of(), List.of(), null), null, Duration.ofHours(6), 2, Map.of(),
            null);
    private final TrainingTracking tracking = new TrainingTracking("https://mlflow.example.com", "7", "run1",
            JobSecrets.reference(JOB, TrainingTracking.TRACKING_TOKEN));

    @AfterEach
    void closeCluster() {
        cluster.close();
    }

    @Test
    void shouldPutTheValuesIntoASecretOwnedByTheJobAndOnlyReferToThem() {
        var runner = new JobSecrets(kubernetes, cluster.client(), () -> values("s3cr3t"));

        TrainingState.start(runner, spec, tracking, log::add, clock.instant());

        var job = cluster.job(JOB);
        var secret = secret(JOB + "-env");
        assertThat(decoded(secret)).containsEntry("HF_TOKEN", TOKEN)
                .containsEntry(TrainingTracking.TRACKING_TOKEN, "s3cr3t");
        assertThat(secret.getMetadata().getOwnerReferences()).singleElement().satisfies(owner -> {
            assertThat(owner.getKind()).isEqualTo("Job");
            assertThat(owner.getName()).isEqualTo(JOB);
            assertThat(owner.getUid()).isEqualTo(job.getMetadata().getUid()).isNotBlank();
        });
        var env = job.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv();
        assertThat(env).filteredOn(variable -> variable.getName().equals("HF_TOKEN")).singleElement()
                .satisfies(variable -> {
                    assertThat(variable.getValue()).isNull();
                    assertThat(variable.getValueFrom().getSecretKeyRef().getName()).isEqualTo(JOB + "-env");
                });
        assertThat(JobManifest.yaml(job)).doesNotContain(TOKEN).doesNotContain("s3cr3t");
        assertThat(log).noneMatch(line -> line.contains(TOKEN));
    }

    @Test
    void shouldGiveARetryItsOwnSecretWithTheValuesReadAgain() {
        var reads = new AtomicInteger();
        Supplier<Map<String, String>> rotating = () -> values("token-" + reads.incrementAndGet());
        var runner = new JobSecrets(kubernetes, cluster.client(), rotating);
        var state = TrainingState.start(runner, spec, tracking, log::add, clock.instant());
        cluster.createPod(JOB, T0);
        cluster.running(POD, "gpu-node-7", T0.plusSeconds(60));
        cluster.evicted(POD, "The node was low on resource: memory.", T0.plusSeconds(900));
        cluster.jobCondition(JOB, "Failed", "BackoffLimitExceeded", "Job has reached the specified backoff limit");

        state = state.advance(runner, log::add, clock.advance(Duration.ofMinutes(15)));

        assertThat(state.current().name()).isEqualTo(JOB + "-r1");
        assertThat(secret(JOB + "-env")).as("the evicted attempt's Secret is removed").isNull();
        var retry = secret(JOB + "-r1-env");
        assertThat(decoded(retry)).containsEntry(TrainingTracking.TRACKING_TOKEN, "token-2");
        assertThat(retry.getMetadata().getOwnerReferences()).singleElement()
                .satisfies(owner -> assertThat(owner.getName()).isEqualTo(JOB + "-r1"));
        var env = cluster.job(JOB + "-r1").getSpec().getTemplate().getSpec().getContainers().get(0).getEnv();
        assertThat(env).filteredOn(variable -> variable.getValueFrom() != null)
                .extracting(EnvVar::getName, variable -> variable.getValueFrom().getSecretKeyRef().getName())
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("HF_TOKEN", JOB + "-r1-env"),
                        org.assertj.core.groups.Tuple.tuple(TrainingTracking.TRACKING_TOKEN, JOB + "-r1-env"));
    }

    @Test
    void shouldDeleteTheSecretOnceTheAttemptHasEnded() {
        var runner = new JobSecrets(kubernetes, cluster.client(), () -> values("s3cr3t"));
        var state = TrainingState.start(runner, spec, tracking, log::add, clock.instant());
        cluster.createPod(JOB, T0);
        cluster.running(POD, "gpu-node-7", T0.plusSeconds(60));
        cluster.terminated(POD, 0, "Completed", null, T0.plusSeconds(600));
        cluster.jobCondition(JOB, "Complete", null, null);

        state = state.advance(runner, log::add, clock.advance(Duration.ofMinutes(11)));

        assertThat(state.outcome().phase()).isEqualTo(TrainingPhase.SUCCEEDED);
        assertThat(secret(JOB + "-env")).isNull();
        assertThat(cluster.job(JOB)).as("kept until its TTL, for kubectl describe").isNotNull();
    }

    @Test
    void shouldDeleteTheSecretWhenTheTrainingIsAborted() {
        var runner = new JobSecrets(kubernetes, cluster.client(), () -> values("s3cr3t"));
        var state = TrainingState.start(runner, spec, tracking, log::add, clock.instant());

        state = state.abort(runner, log::add, "the build was aborted");

        assertThat(state.outcome().phase()).isEqualTo(TrainingPhase.ABORTED);
        assertThat(cluster.job(JOB)).isNull();
        assertThat(secret(JOB + "-env")).isNull();
    }

    @Test
    void shouldRemoveTheSecretWhenTheJobCannotBeCreated() {
        var runner = new JobSecrets(kubernetes, cluster.client(), () -> values("s3cr3t"));
        TrainingState.start(runner, spec, tracking, log::add, clock.instant());

        assertThatThrownBy(() -> runner.start(spec, tracking, 0, Duration.ofHours(1)))
                .isInstanceOf(InputException.class).hasMessageContaining("already exists");

        assertThat(secret(JOB + "-env")).as("replaced by the second try, then removed with it").isNull();
        assertThat(cluster.job(JOB)).as("the first try's Job stays").isNotNull();
    }

    @Test
    void shouldNeverTouchASecretThatMlopsDidNotMake() {
        var foreign = new SecretBuilder().withNewMetadata().withName(JOB + "-env").withNamespace(FakeCluster.NAMESPACE)
                .endMetadata().withStringData(Map.of("password", "theirs")).build();
        cluster.client().secrets().inNamespace(FakeCluster.NAMESPACE).resource(foreign).create();
        var runner = new JobSecrets(kubernetes, cluster.client(), () -> values("s3cr3t"));

        assertThatThrownBy(() -> runner.start(spec, tracking, 0, Duration.ofHours(1)))
                .isInstanceOf(InputException.class)
                .hasMessage("secretEnv: a Secret named churn-42-env already exists in namespace ml and mlops did not "
                        + "make it: pick another name for the training");

        assertThat(decoded(secret(JOB + "-env"))).containsExactly(Map.entry("password", "theirs"));
        assertThat(cluster.job(JOB)).isNull();
    }

    @Test
    void shouldMakeNoSecretWithoutValues() {
        var plain = new TrainingSpec(JOB, "trainer:1.4", List.of("python", "train.py"), null, Map.of(), Map.of(),
                null, spec.placement(), null, Duration.ofHours(6), 2, Map.of(), null);
        var runner = new JobSecrets(kubernetes, cluster.client(), Map::of);

        TrainingState.start(runner, plain, TrainingTracking.NONE, log::add, clock.instant());

        assertThat(cluster.job(JOB)).isNotNull();
        assertThat(cluster.client().secrets().inNamespace(FakeCluster.NAMESPACE).list().getItems()).isEmpty();
    }

    private static Map<String, String> values(final String mlflowToken) {
        return Map.of("HF_TOKEN", TOKEN, TrainingTracking.TRACKING_TOKEN, mlflowToken);
    }

    private Secret secret(final String name) {
        return cluster.client().secrets().inNamespace(FakeCluster.NAMESPACE).withName(name).get();
    }

    /** The values as a pod sees them (the API server keeps stringData as base64 data). */
    private static Map<String, String> decoded(final Secret secret) {
        var values = new java.util.LinkedHashMap<String, String>();
        if (secret.getData() != null) {
            secret.getData().forEach((key, value) -> values.put(key, new String(Base64.getDecoder().decode(value),
                    UTF_8)));
        }
        if (secret.getStringData() != null) {
            values.putAll(secret.getStringData());
        }
        return values;
    }
}
