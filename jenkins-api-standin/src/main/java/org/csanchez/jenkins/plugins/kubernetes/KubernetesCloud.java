// Checked against jenkinsci/kubernetes-plugin at commit a82d78a0 (2026-03-25; bom-2.541.x 6916.v15ec97679743 pins
// 4547.v52f3080db_8cd, whose commit the stored copy lacks; connect() has had this signature since 2019):
// src/main/java/org/csanchez/jenkins/plugins/kubernetes/KubernetesCloud.java
package org.csanchez.jenkins.plugins.kubernetes;

import hudson.slaves.Cloud;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.jenkinsci.plugins.kubernetes.auth.KubernetesAuthException;

import java.io.IOException;

/**
 * Stand-in for the Kubernetes plugin's {@code KubernetesCloud}: a configured Kubernetes cluster. (The real class also
 * implements {@code PodTemplateGroup}, which the plugin does not use.)
 */
public class KubernetesCloud extends Cloud {
    public KubernetesCloud(final String name) {
        super(name);
    }

    /**
     * The cloud's client, from the plugin's cache ({@code KubernetesClientProvider}): shared by everything that uses
     * the cloud, so callers must never close it.
     */
    public KubernetesClient connect() throws KubernetesAuthException, IOException {
        throw new UnsupportedOperationException("stand-in");
    }

    /** The namespace configured on the cloud, or {@code null} for the client's default. */
    public String getNamespace() {
        throw new UnsupportedOperationException("stand-in");
    }
}
