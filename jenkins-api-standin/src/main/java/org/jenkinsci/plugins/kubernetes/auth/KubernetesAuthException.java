// Checked against jenkinsci/kubernetes-credentials-plugin 207.v492f58828b_ed (the version bom-2.541.x
// 6916.v15ec97679743 pins; commit 492f58828bed):
// src/main/java/org/jenkinsci/plugins/kubernetes/auth/KubernetesAuthException.java
package org.jenkinsci.plugins.kubernetes.auth;

/**
 * Stand-in for the kubernetes-credentials plugin's {@code KubernetesAuthException}: the credentials of a
 * Kubernetes cloud cannot be turned into a client's authentication.
 */
public class KubernetesAuthException extends Exception {
    private static final long serialVersionUID = 1L;

    public KubernetesAuthException() {
        super();
    }

    public KubernetesAuthException(final String message) {
        super(message);
    }

    public KubernetesAuthException(final String message, final Throwable cause) {
        super(message, cause);
    }

    public KubernetesAuthException(final Throwable cause) {
        super(cause);
    }
}
