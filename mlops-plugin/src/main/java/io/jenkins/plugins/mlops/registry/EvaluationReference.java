package io.jenkins.plugins.mlops.registry;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Run;
import io.jenkins.plugins.mlops.util.BuildReports;
import io.jenkins.plugins.mlops.util.StepAction;
import io.jenkins.plugins.mlops.util.WorkspacePaths;
import io.mlops.evaluation.EvaluationReport;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The report.json of the build's latest {@code evaluateModel}, which {@code registerModel} uses when it is given no
 * {@code evaluation}: where it was written in the workspace, and the SHA-256 of the copy the build keeps. On the agent
 * it is used only when the workspace still holds that very file, so that a workspace shared with other builds (or
 * another agent's) never lends its evaluation to this build's model.
 *
 * @param path   the report.json, relative to the workspace
 * @param sha256 the SHA-256 of the build's copy
 */
record EvaluationReference(String path, String sha256) implements Serializable {
    private static final long serialVersionUID = 1L;

    /**
     * The latest evaluation of a build.
     *
     * @return the reference, or {@code null} when the build has not evaluated or has no readable copy of the report
     */
    @CheckForNull
    static EvaluationReference latest(final Run<?, ?> run) {
        // by the report it holds rather than by EvaluationAction, so that this package does not depend on evaluation's
        var evaluations = run.getActions(StepAction.class).stream().filter(action -> action.holds(
                EvaluationReport.class)).toList();
        if (evaluations.isEmpty()) {
            return null;
        }
        var latest = evaluations.get(evaluations.size() - 1);
        try {
            return new EvaluationReference(latest.getReportDir() + "/" + BuildReports.REPORT_JSON,
                    sha256(latest.storedReportFile()));
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Finds the report in a workspace.
     *
     * @param paths the workspace
     * @return the file, or {@code null} when the workspace has no readable report there, or another one
     */
    @CheckForNull
    Path find(final WorkspacePaths paths) {
        var file = paths.resolve("evaluation", path);
        try {
            return sha256.equals(sha256(file)) ? file : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** The SHA-256 of a file's bytes, in hex (reports are small enough to read whole). */
    static String sha256(final Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
