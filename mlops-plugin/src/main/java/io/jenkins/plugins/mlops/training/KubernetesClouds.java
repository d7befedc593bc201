package io.jenkins.plugins.mlops.training;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.jenkins.plugins.mlops.util.JenkinsFacade;
import io.mlops.training.RunnerUnavailableException;
import io.mlops.util.InputException;
import org.csanchez.jenkins.plugins.kubernetes.KubernetesCloud;
import org.jenkinsci.plugins.kubernetes.auth.KubernetesAuthException;

import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The Kubernetes clouds of the Kubernetes plugin (Manage Jenkins » Clouds) as {@code trainModel} uses them: found by
 * name, or the first one, and connected through the plugin's own cached client, which is shared with the cloud's
 * agents and so is never closed here.
 */
final class KubernetesClouds {
    private static final String WHERE = "Manage Jenkins » Clouds";

    private final JenkinsFacade jenkins;

    KubernetesClouds(final JenkinsFacade jenkins) {
        this.jenkins = jenkins;
    }

    /** The names of the Kubernetes clouds, in their order. */
    List<String> names() {
        return jenkins.getClouds(KubernetesCloud.class).stream().map(cloud -> cloud.name).toList();
    }

    /**
     * Finds the cloud a step names, or the first Kubernetes cloud.
     *
     * @param name the {@code cloud} parameter, or {@code null}
     * @return the cloud
     * @throws InputException when there is no such Kubernetes cloud, naming those there are
     */
    KubernetesCloud cloud(@CheckForNull final String name) {
        if (name == null) {
            var clouds = jenkins.getClouds(KubernetesCloud.class);
            if (clouds.isEmpty()) {
                throw new InputException("cloud: no Kubernetes cloud is configured (" + WHERE + "): expected one, "
                        + "or runner: 'local' to train in the workspace");
            }
            return clouds.get(0);
        }
        var cloud = jenkins.getCloud(name);
        if (cloud instanceof KubernetesCloud kubernetes) {
            return kubernetes;
        }
        throw new InputException("cloud: " + (cloud == null ? "no cloud is named '" + name + "'"
                : "the cloud '" + name + "' is not a Kubernetes cloud") + ": expected "
                + (names().isEmpty() ? "a Kubernetes cloud under " + WHERE
                : "one of " + names().stream().map(known -> "'" + known + "'").collect(Collectors.joining(", "))
                        + " (" + WHERE + ")"));
    }

    /**
     * The cloud's client. Failing to get one may pass (the API server or the credentials store is restarting), so it
     * is an unavailable runner: a poll tries again.
     *
     * @throws RunnerUnavailableException when the Kubernetes plugin cannot make the client
     */
    static KubernetesClient connect(final KubernetesCloud cloud) {
        try {
            return cloud.connect();
        } catch (KubernetesAuthException | IOException e) {
            throw new RunnerUnavailableException("cannot connect to Kubernetes cloud '" + cloud.name + "': "
                    + e.getMessage(), e);
        }
    }
}
