package io.jenkins.plugins.mlops.training;

import hudson.slaves.Cloud;
import io.jenkins.plugins.mlops.util.JenkinsFacade;
import io.mlops.training.RunnerUnavailableException;
import io.mlops.util.InputException;
import org.csanchez.jenkins.plugins.kubernetes.KubernetesCloud;
import org.jenkinsci.plugins.kubernetes.auth.KubernetesAuthException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class KubernetesCloudsTest {
    private final JenkinsFacade jenkins = mock(JenkinsFacade.class);
    private final KubernetesCloud gpu = cloud("gpu-cluster");
    private final KubernetesCloud cpu = cloud("cpu-cluster");

    @Test
    void shouldTakeTheFirstKubernetesCloudUnlessOneIsNamed() {
        when(jenkins.getClouds(KubernetesCloud.class)).thenReturn(List.of(gpu, cpu));
        when(jenkins.getCloud("cpu-cluster")).thenReturn(cpu);
        var clouds = new KubernetesClouds(jenkins);

        assertThat(clouds.names()).containsExactly("gpu-cluster", "cpu-cluster");
        assertThat(clouds.cloud(null)).isSameAs(gpu);
        assertThat(clouds.cloud("cpu-cluster")).isSameAs(cpu);
    }

    @Test
    void shouldSayWhichCloudsThereAreWhenTheNamedOneIsMissingOrNoKubernetesCloud() {
        when(jenkins.getClouds(KubernetesCloud.class)).thenReturn(List.of(gpu));
        when(jenkins.getCloud("ec2")).thenReturn(mock(Cloud.class));
        var clouds = new KubernetesClouds(jenkins);

        assertThatThrownBy(() -> clouds.cloud("gke")).isInstanceOf(InputException.class)
                .hasMessage("cloud: no cloud is named 'gke': expected one of 'gpu-cluster' (Manage Jenkins » Clouds)");
        assertThatThrownBy(() -> clouds.cloud("ec2")).isInstanceOf(InputException.class)
                .hasMessage("cloud: the cloud 'ec2' is not a Kubernetes cloud: expected one of 'gpu-cluster' "
                        + "(Manage Jenkins » Clouds)");
    }

    @Test
    void shouldAskForACloudOrTheLocalRunnerWhenNoneIsConfigured() {
        when(jenkins.getClouds(KubernetesCloud.class)).thenReturn(List.of());
        var clouds = new KubernetesClouds(jenkins);

        assertThatThrownBy(() -> clouds.cloud(null)).isInstanceOf(InputException.class)
                .hasMessage("cloud: no Kubernetes cloud is configured (Manage Jenkins » Clouds): expected one, or "
                        + "runner: 'local' to train in the workspace");
        assertThatThrownBy(() -> clouds.cloud("gke")).isInstanceOf(InputException.class)
                .hasMessage("cloud: no cloud is named 'gke': expected a Kubernetes cloud under Manage Jenkins » "
                        + "Clouds");
    }

    @Test
    void shouldTreatAFailedConnectionAsAnUnavailableRunner() throws Exception {
        when(gpu.connect()).thenThrow(new KubernetesAuthException("token expired"));

        assertThatThrownBy(() -> KubernetesClouds.connect(gpu)).isInstanceOf(RunnerUnavailableException.class)
                .hasMessage("cannot connect to Kubernetes cloud 'gpu-cluster': token expired");
    }

    private static KubernetesCloud cloud(final String name) {
        var cloud = mock(KubernetesCloud.class);
        cloud.name = name;
        return cloud;
    }
}
