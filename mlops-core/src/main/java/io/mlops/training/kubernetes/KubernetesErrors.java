package io.mlops.training.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.mlops.training.RunnerUnavailableException;
import io.mlops.util.InputException;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import javax.net.ssl.SSLException;

/**
 * Turns the Kubernetes API's refusals into one line for people: what was refused, and what to change. Whether a
 * failure may pass (no answer, 5xx, 429) decides between {@link RunnerUnavailableException}, which makes a poll
 * try again later, and {@link InputException}, which ends the step with ERROR.
 */
final class KubernetesErrors {
    private KubernetesErrors() {
    }

    /** Whether the API may answer if asked again: it did not answer, was overloaded or failed inside. */
    static boolean isTransient(final KubernetesClientException e) {
        int code = e.getCode();
        return code <= 0 || code == 429 || code >= 500;
    }

    /**
     * For a poll or a stop: a transient failure is a {@link RunnerUnavailableException}, the rest an
     * {@link InputException}.
     */
    static RuntimeException whilePolling(final KubernetesClientException e, final String masterUrl,
            final String namespace) {
        if (isTransient(e)) {
            return new RunnerUnavailableException(unavailable(e, masterUrl), e);
        }
        return refused(e, masterUrl, namespace);
    }

    /** For submitting a Job: every failure ends the step. */
    static InputException whileCreating(final KubernetesClientException e, final String masterUrl,
            final String namespace, final String name) {
        if (isTransient(e)) {
            return new InputException(unavailable(e, masterUrl));
        }
        return switch (e.getCode()) {
            case 409 -> new InputException("name: a Job named " + name + " already exists in namespace " + namespace
                    + ": pick another name, or delete it (kubectl delete job " + name + " -n " + namespace + ")");
            case 404 -> new InputException("namespace: " + namespace + " does not exist in the cluster at "
                    + masterUrl + " (" + message(e) + ")");
            case 422, 400 -> new InputException("the cluster refused the Job as invalid: " + message(e));
            default -> refused(e, masterUrl, namespace);
        };
    }

    private static InputException refused(final KubernetesClientException e, final String masterUrl,
            final String namespace) {
        return switch (e.getCode()) {
            case 401 -> new InputException("the Kubernetes API at " + masterUrl + " refused the credentials (401): "
                    + "check the kubeconfig, or the Kubernetes cloud's credentials in Jenkins");
            case 403 -> new InputException("forbidden (403): " + message(e) + "; the service account needs create, "
                    + "get, list and delete on jobs and pods, and get on pods/log, in namespace " + namespace);
            default -> new InputException("the Kubernetes API at " + masterUrl + " answered " + e.getCode() + ": "
                    + message(e));
        };
    }

    private static String unavailable(final KubernetesClientException e, final String masterUrl) {
        return "cannot reach the Kubernetes API at " + masterUrl + (e.getCode() <= 0 ? ": " + networkReason(e)
                : " (HTTP " + e.getCode() + "): " + message(e));
    }

    /** What went wrong on the way, in words: the JDK's network exceptions often carry no message. */
    private static String networkReason(final KubernetesClientException e) {
        for (Throwable cause = e; cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            var detail = cause.getMessage() == null ? "" : " (" + cause.getMessage() + ")";
            if (cause instanceof UnknownHostException) {
                return "unknown host" + detail;
            }
            if (cause instanceof ConnectException) {
                return "connection refused" + detail;
            }
            if (cause instanceof HttpTimeoutException || cause instanceof SocketTimeoutException) {
                return "no answer in time" + detail;
            }
            if (cause instanceof SSLException) {
                return "TLS failed" + detail;
            }
        }
        return message(e);
    }

    /** The API's own message (its Status), else the client's, first line. */
    private static String message(final KubernetesClientException e) {
        var status = e.getStatus();
        var text = status != null && status.getMessage() != null ? status.getMessage() : rootMessage(e);
        return text == null ? e.getClass().getSimpleName() : text.lines().findFirst().orElse(text);
    }

    /** The innermost cause that says something ("ConnectException: Connection refused"), else the client's. */
    private static String rootMessage(final Throwable e) {
        String found = null;
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
                found = cause.getClass().getSimpleName() + ": " + cause.getMessage();
            }
            else if (found == null) {
                found = cause.getClass().getSimpleName();
            }
        }
        return found != null ? found : e.getMessage();
    }
}
