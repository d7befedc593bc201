package io.jenkins.plugins.mlops.util;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.mlops.util.InputException;

import java.io.File;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Resolves the paths that users give as step parameters inside a workspace and rejects those that leave it
 * (DESIGN.md §6), by {@code ..} or as an absolute path elsewhere. The check is lexical: a symbolic link inside
 * the workspace that points to a shared dataset elsewhere on the agent is allowed on purpose.
 */
public final class WorkspacePaths {
    private final Path root;

    /**
     * Creates a resolver for one workspace.
     *
     * @param workspace the workspace directory on the machine that runs the step
     */
    public WorkspacePaths(final Path workspace) {
        this.root = workspace.toAbsolutePath().normalize();
    }

    /**
     * Resolves a path parameter.
     *
     * @param parameter the parameter name, for the error message
     * @param value     a path relative to the workspace, or an absolute path inside it
     * @return the absolute, normalised path
     * @throws InputException when the value is not a path or points outside the workspace
     */
    public Path resolve(final String parameter, final String value) {
        Path given;
        try {
            given = Path.of(value);
        } catch (InvalidPathException e) {
            throw new InputException(parameter + ": '" + value + "' is not a valid path: " + e.getReason());
        }
        var resolved = root.resolve(given).normalize();
        if (!resolved.startsWith(root)) {
            throw new InputException(parameter + ": '" + value
                    + "' is outside the workspace: expected a path relative to the workspace that stays inside it");
        }
        return resolved;
    }

    /**
     * Resolves an optional path parameter.
     *
     * @param parameter the parameter name, for the error message
     * @param value     the path, or {@code null} when not given
     * @return the absolute, normalised path, or {@code null}
     * @throws InputException when the value is not a path or points outside the workspace
     */
    @CheckForNull
    public Path resolveOptional(final String parameter, @CheckForNull final String value) {
        return value == null ? null : resolve(parameter, value);
    }

    /**
     * Returns a path inside the workspace as users write it in a Jenkinsfile: relative, with {@code /}.
     *
     * @param path an absolute path inside the workspace
     * @return the relative path, or {@code .} for the workspace itself
     */
    public String relativize(final Path path) {
        var relative = root.relativize(path.toAbsolutePath().normalize()).toString();
        return relative.isEmpty() ? "." : relative.replace(File.separatorChar, '/');
    }

    /**
     * Shows a path that the engine reports (usually absolute on the agent) as users know it: relative to the
     * workspace when it lies inside, unchanged otherwise (a shared directory, a URI).
     *
     * @param path a path as the engine wrote it
     * @return the path relative to the workspace, or the text as it was
     */
    public String display(final String path) {
        try {
            var resolved = root.resolve(path).normalize();
            return resolved.startsWith(root) ? relativize(resolved) : path;
        } catch (InvalidPathException e) {
            return path;
        }
    }
}
