package io.jenkins.plugins.mlops.training;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.mlops.registry.BuildInfo;

import java.io.Serializable;
import java.util.Locale;
import java.util.List;

/**
 * What one {@code trainModel} call adds to its parameters: the build it belongs to, which call of the build it is,
 * where its Jobs go, and which of its variables hold secrets. Gathered on the controller.
 *
 * @param job            the Jenkins job's full name, the default training name
 * @param number         the build's number
 * @param call           1 for the build's first {@code trainModel}, 2 for the second...
 * @param build          the build's URL, id and commit ({@code GIT_URL}, {@code GIT_COMMIT})
 * @param namespace      the Kubernetes namespace, or {@code null} for the local runner
 * @param secretKeys     the keys of the training's Secret, in order: its secret variables, then the MLflow
 *                       server's variables, then {@code GIT_TOKEN}
 */
record TrainingCall(String job, int number, int call, BuildInfo build, @CheckForNull String namespace,
        List<String> secretKeys) implements Serializable {
    private static final long serialVersionUID = 1L;
    /** The longest name {@code TrainingSpec} takes. */
    static final int MAX_NAME = 52;

    TrainingCall {
        secretKeys = List.copyOf(secretKeys);
    }

    /**
     * The training's name, unique per build and call: the given name (else the job's) made a DNS label, then the
     * build's number, then the call's when it is not the first, for example {@code churn-classifier-42} or
     * {@code churn-classifier-42-2}.
     *
     * @param requested the name the step gives, or {@code null}
     * @return the name of the first attempt's Job
     */
    String trainingName(@CheckForNull final String requested) {
        var suffix = "-" + number + (call > 1 ? "-" + call : "");
        var base = label(requested != null ? requested : job);
        if (base.length() > MAX_NAME - suffix.length()) {
            base = base.substring(0, MAX_NAME - suffix.length()).replaceAll("-+$", "");
        }
        return (base.isEmpty() ? "training" : base) + suffix;
    }

    /** Lower case, other characters than letters and digits become single {@code -}s, none at the ends. */
    private static String label(final String text) {
        var label = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return label.isEmpty() ? "training" : label;
    }
}
