package io.jenkins.plugins.mlops.registry;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Run;
import io.jenkins.plugins.mlops.lineage.LineageAction;
import io.mlops.lineage.Lineage;
import io.mlops.registry.BuildInfo;

import java.io.Serializable;
import java.util.Map;

/**
 * What the build adds to a registration besides the step's parameters, gathered on the controller and sent to the
 * agent with them.
 *
 * @param build      the build and its source ({@code BUILD_URL}, {@code GIT_COMMIT}, ...), the idempotency key of
 *                   registration
 * @param lineage    the build's lineage so far: data digests, the evaluation's verdict
 * @param evaluation the build's latest evaluation report, or {@code null}
 */
record RegistrationContext(BuildInfo build, Lineage lineage, @CheckForNull EvaluationReference evaluation)
        implements Serializable {
    private static final long serialVersionUID = 2L;

    /**
     * Gathers the context of a build.
     *
     * @param run        the build
     * @param env        its environment
     * @param evaluation the evaluation report the step names, or {@code null}: only then is the build's latest one
     *                   looked up (and its copy in the build directory hashed)
     */
    static RegistrationContext of(final Run<?, ?> run, final Map<String, String> env,
            @CheckForNull final String evaluation) {
        return new RegistrationContext(BuildInfo.fromEnvironment(env), LineageAction.lineageOf(run),
                evaluation == null ? EvaluationReference.latest(run) : null);
    }
}
