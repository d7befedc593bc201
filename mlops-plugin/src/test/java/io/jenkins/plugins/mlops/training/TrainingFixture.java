package io.jenkins.plugins.mlops.training;

import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Action;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.mlops.registry.RegistryTarget;
import io.jenkins.plugins.mlops.util.JenkinsFacade;
import io.mlops.registry.ModelRegistry;
import io.mlops.training.RunnerUnavailableException;
import io.mlops.training.TrainingRunner;
import org.csanchez.jenkins.plugins.kubernetes.KubernetesCloud;
import org.jenkinsci.plugins.workflow.steps.StepContext;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * What a build gives a training, as mocks and fakes: build 42 of job {@code churn} with a build directory and a real
 * list of actions, its environment (commit and URL), a build log that can be read back, a Pipeline context, Jenkins
 * with one Kubernetes cloud {@code gpu-cluster}, the controller's timer as a {@link ManualTimer}, a clock the test
 * moves, and a {@link FakeRunner} as the cloud's cluster.
 */
final class TrainingFixture {
    static final Instant T0 = Instant.parse("2026-05-04T10:00:00Z");
    static final String CLOUD = "gpu-cluster";

    private final Run<?, ?> run = mock(Run.class);
    private final TaskListener listener = mock(TaskListener.class);
    private final StepContext context = mock(StepContext.class);
    private final JenkinsFacade jenkins = mock(JenkinsFacade.class);
    private final KubernetesCloud cloud = mock(KubernetesCloud.class);
    private final EnvVars env = new EnvVars();
    private final List<Action> actions = new ArrayList<>();
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final ManualTimer timer = new ManualTimer();
    private final MovingClock clock = new MovingClock();
    private final Path buildDir;
    final List<Supplier<Map<String, String>>> secretSuppliers = new ArrayList<>();
    FakeRunner runner = new FakeRunner(clock);
    /** The MLflow server's registry, when a test configures a server. */
    ModelRegistry mlflow;
    /** Whether the cloud gives no client (its API server or credentials store is down). */
    boolean cloudDown;

    TrainingFixture(final Path buildDir) throws Exception {
        this.buildDir = buildDir;
        when(run.getRootDir()).thenReturn(buildDir.toFile());
        when(run.getNumber()).thenReturn(42);
        when(run.getStartTimeInMillis()).thenReturn(T0.toEpochMilli());
        doAnswer(invocation -> actions.add(invocation.getArgument(0))).when(run).addAction(any());
        when(run.getActions(any())).thenAnswer(invocation -> actions.stream()
                .filter(invocation.<Class<?>>getArgument(0)::isInstance).toList());
        when(listener.getLogger()).thenReturn(new PrintStream(log, true, StandardCharsets.UTF_8));
        env.put("JOB_NAME", "churn");
        env.put("BUILD_URL", "https://jenkins.example.com/job/churn/42/");
        env.put("GIT_URL", "https://github.com/acme/churn.git");
        env.put("GIT_COMMIT", "0123456789abcdef0123456789abcdef01234567");
        when(context.get(Run.class)).thenAnswer(invocation -> run);
        when(context.get(TaskListener.class)).thenReturn(listener);
        when(context.get(EnvVars.class)).thenReturn(env);
        cloud.name = CLOUD;
        when(jenkins.getClouds(KubernetesCloud.class)).thenReturn(List.of(cloud));
        when(jenkins.getCloud(CLOUD)).thenReturn(cloud);
    }

    /** The services a training reaches, all faked. */
    TrainingServices services() {
        return new TrainingServices() {
            @Override
            JenkinsFacade jenkins() {
                return jenkins;
            }

            @Override
            Future<?> schedule(final Runnable work, final Duration delay) {
                return timer.schedule(work, delay);
            }

            @Override
            Clock clock() {
                return clock;
            }

            @Override
            TrainingRunner kubernetes(final KubernetesCloud kubernetesCloud,
                    final Supplier<Map<String, String>> secrets) {
                if (cloudDown) {
                    throw new RunnerUnavailableException("cannot connect to Kubernetes cloud '" + CLOUD + "': connect "
                            + "timed out", null);
                }
                secretSuppliers.add(secrets);
                return runner;
            }

            @Override
            ModelRegistry server(final RegistryTarget registry) {
                return registry.isServer() ? mlflow : null;
            }
        };
    }

    /** A fresh cluster client after a restart: the same cluster, the same log, no memory of earlier polls. */
    void restartController() {
        var log = runner.log;
        runner = new FakeRunner(clock);
        runner.log.addAll(log);
        timer.clear();
    }

    /** Moves the clock on. */
    void advance(final Duration duration) {
        clock.now = clock.now.plus(duration);
    }

    Run<?, ?> run() {
        return run;
    }

    StepContext context() {
        return context;
    }

    void workspace(final FilePath workspace) throws Exception {
        when(context.get(FilePath.class)).thenReturn(workspace);
    }

    TaskListener listener() {
        return listener;
    }

    EnvVars env() {
        return env;
    }

    JenkinsFacade jenkins() {
        return jenkins;
    }

    KubernetesCloud cloud() {
        return cloud;
    }

    ManualTimer timer() {
        return timer;
    }

    Path buildDir() {
        return buildDir;
    }

    List<Action> actions() {
        return actions;
    }

    String log() {
        return log.toString(StandardCharsets.UTF_8);
    }

    /** A clock the test moves. */
    private static final class MovingClock extends Clock {
        private volatile Instant now = T0;

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(final ZoneId zone) {
            return this;
        }
    }
}
