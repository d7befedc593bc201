package io.mlops.registry;

import java.io.Serializable;
import java.util.Map;
import java.util.Optional;

/**
 * Who is registering: the CI build and the source it built. Its {@link #buildId()} is the idempotency key of
 * registration — registering the same model name again from the same build returns the version that build
 * already made.
 *
 * @param buildId   the Jenkins build URL, or {@code MLOPS_BUILD_ID} outside Jenkins; {@code null} when neither
 *                  is known (then every registration makes a new version)
 * @param buildUrl  the Jenkins build URL, or {@code null}
 * @param jobName   the Jenkins job name, or {@code null}
 * @param gitCommit the commit, or {@code null}
 * @param gitBranch the branch, or {@code null}
 * @param gitUrl    the repository URL (credentials removed), or {@code null}
 */
public record BuildInfo(String buildId, String buildUrl, String jobName, String gitCommit, String gitBranch,
        String gitUrl) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Outside Jenkins, names the build that registration is idempotent for. */
    public static final String MLOPS_BUILD_ID = "MLOPS_BUILD_ID";

    /** Nothing known. */
    public static final BuildInfo NONE = new BuildInfo(null, null, null, null, null, null);

    public BuildInfo {
        gitUrl = withoutCredentials(gitUrl);
    }

    /**
     * Reads Jenkins' variables ({@code BUILD_URL}, {@code JOB_NAME}, and the Git plugin's {@code GIT_COMMIT},
     * {@code GIT_BRANCH}, {@code GIT_URL}) and {@code MLOPS_BUILD_ID}, which wins as the build id when set.
     */
    public static BuildInfo fromEnvironment(final Map<String, String> env) {
        var buildUrl = value(env, "BUILD_URL");
        var buildId = value(env, MLOPS_BUILD_ID).or(() -> buildUrl);
        return new BuildInfo(buildId.orElse(null), buildUrl.orElse(null), value(env, "JOB_NAME").orElse(null),
                value(env, "GIT_COMMIT").orElse(null), value(env, "GIT_BRANCH").orElse(null),
                value(env, "GIT_URL").orElse(null));
    }

    /** The same build with the commit, branch and URL of the working copy when the environment had none. */
    public BuildInfo orGit(final String commit, final String branch, final String url) {
        return new BuildInfo(buildId, buildUrl, jobName, gitCommit != null ? gitCommit : commit,
                gitBranch != null ? gitBranch : branch, gitUrl != null ? gitUrl : url);
    }

    private static Optional<String> value(final Map<String, String> env, final String name) {
        return Optional.ofNullable(env.get(name)).map(String::trim).filter(text -> !text.isEmpty());
    }

    /** {@code https://user:token@host/repo.git} must never reach a tag: drop the user info. */
    static String withoutCredentials(final String url) {
        if (url == null) {
            return null;
        }
        return url.replaceFirst("^([A-Za-z][A-Za-z0-9+.-]*://)[^/@]*@", "$1");
    }
}
