package io.mlops.cli;

import io.mlops.registry.BuildInfo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The commit, branch and origin URL of the git working copy around a directory, read from the {@code .git}
 * directory's files (HEAD, refs, packed-refs, config) without running git: outside Jenkins, the CLI tags a
 * registered version with them as Jenkins' Git plugin does with {@code GIT_COMMIT}, {@code GIT_BRANCH} and
 * {@code GIT_URL}.
 *
 * @param commit the commit HEAD points at, or {@code null}
 * @param branch the branch, or {@code null} on a detached HEAD
 * @param url    the URL of the remote {@code origin}, or {@code null}
 */
record GitCheckout(String commit, String branch, String url) {
    static final GitCheckout NONE = new GitCheckout(null, null, null);

    /** The build as Jenkins describes it in the environment, else as this working copy does. */
    BuildInfo build(final Map<String, String> env) {
        return BuildInfo.fromEnvironment(env).orGit(commit, branch, url);
    }

    /** Reads the working copy that contains {@code directory}; {@link #NONE} when there is none or it is unreadable. */
    static GitCheckout around(final Path directory) {
        for (var dir = directory.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            var git = dir.resolve(".git");
            if (Files.isDirectory(git)) {
                try {
                    return read(git);
                } catch (IOException e) {
                    return NONE;
                }
            }
        }
        return NONE;
    }

    private static GitCheckout read(final Path git) throws IOException {
        var head = Files.readString(git.resolve("HEAD"), StandardCharsets.UTF_8).trim();
        String branch = null;
        String commit = head;
        if (head.startsWith("ref: ")) {
            var ref = head.substring("ref: ".length());
            branch = ref.startsWith("refs/heads/") ? ref.substring("refs/heads/".length()) : ref;
            commit = resolve(git, ref).orElse(null);
        }
        if (commit != null && !commit.matches("[0-9a-f]{40}([0-9a-f]{24})?")) {
            commit = null;
        }
        return new GitCheckout(commit, branch, originUrl(git).orElse(null));
    }

    private static Optional<String> resolve(final Path git, final String ref) throws IOException {
        var loose = git.resolve(ref);
        if (Files.isRegularFile(loose)) {
            return Optional.of(Files.readString(loose, StandardCharsets.UTF_8).trim());
        }
        var packed = git.resolve("packed-refs");
        if (Files.isRegularFile(packed)) {
            for (var line : Files.readAllLines(packed, StandardCharsets.UTF_8)) {
                if (line.endsWith(" " + ref)) {
                    return Optional.of(line.substring(0, line.indexOf(' ')));
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> originUrl(final Path git) throws IOException {
        var config = git.resolve("config");
        if (!Files.isRegularFile(config)) {
            return Optional.empty();
        }
        boolean inOrigin = false;
        for (var raw : Files.readAllLines(config, StandardCharsets.UTF_8)) {
            var line = raw.trim();
            if (line.startsWith("[")) {
                inOrigin = line.replace(" ", "").equals("[remote\"origin\"]");
            }
            else if (inOrigin && line.startsWith("url")) {
                int equals = line.indexOf('=');
                if (equals > 0) {
                    return Optional.of(line.substring(equals + 1).trim());
                }
            }
        }
        return Optional.empty();
    }
}
