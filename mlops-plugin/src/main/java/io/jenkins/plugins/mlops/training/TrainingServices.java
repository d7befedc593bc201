package io.jenkins.plugins.mlops.training;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Run;
import io.jenkins.plugins.mlops.registry.RegistryTarget;
import io.jenkins.plugins.mlops.util.JenkinsFacade;
import io.mlops.registry.ModelRegistry;
import io.mlops.training.TrainingRunner;
import io.mlops.training.kubernetes.JobSecrets;
import io.mlops.training.kubernetes.KubernetesRunner;
import jenkins.util.Timer;
import org.csanchez.jenkins.plugins.kubernetes.KubernetesCloud;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * What a training reaches outside the plugin: Jenkins, the controller's timer, the clock, a Kubernetes cloud's
 * runner and the MLflow server. The one seam that unit tests replace (with a fake cluster, scheduler and clock);
 * executions hold it in a transient field and take a new one after a restart.
 */
class TrainingServices {
    /** Jenkins: clouds, credentials' configuration, permissions. */
    JenkinsFacade jenkins() {
        return new JenkinsFacade();
    }

    /**
     * Runs work on the controller's shared timer, so that polling holds no thread while it waits.
     *
     * @param work  what to run
     * @param delay how long to wait first
     * @return the scheduled work, to cancel
     */
    Future<?> schedule(final Runnable work, final Duration delay) {
        return Timer.get().schedule(work, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * The runner of a Kubernetes cloud: Jobs through the cloud's own client (re-acquired on every call, shared with
     * the Kubernetes plugin and never closed), with the secret values as the Job's Secret.
     *
     * @param cloud   the cloud
     * @param secrets the values of the training's Secret, read again for each attempt
     * @throws io.mlops.training.RunnerUnavailableException when the cloud gives no client now
     */
    TrainingRunner kubernetes(final KubernetesCloud cloud, final Supplier<Map<String, String>> secrets) {
        var client = KubernetesClouds.connect(cloud);
        var runner = new KubernetesRunner(client, KubernetesRunner.Settings.DEFAULT.withNamespace(cloud.getNamespace()));
        return new JobSecrets(runner, client, secrets);
    }

    /**
     * The registry a step names: an MLflow server with its credentials for the build, or the embedded local registry.
     *
     * @throws io.mlops.util.InputException when no server has that name, or its credentials cannot be used
     */
    RegistryTarget registry(final TrainingParameters parameters, final Run<?, ?> run, final Map<String, String> env) {
        return RegistryTarget.of(parameters.server(), parameters.localRegistry(), run, env, jenkins());
    }

    /**
     * The MLflow server a training on Kubernetes logs into, opened on the controller; none for the local registry,
     * which a pod cannot reach.
     */
    @CheckForNull
    ModelRegistry server(final RegistryTarget registry) {
        return registry.isServer() ? registry.openServer() : null;
    }
}
