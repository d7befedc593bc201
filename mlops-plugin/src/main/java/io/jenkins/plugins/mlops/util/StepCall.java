package io.jenkins.plugins.mlops.util;

import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import org.jenkinsci.plugins.workflow.steps.StepContext;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Map;

/**
 * One call of a workspace step as the controller sees it, from a Pipeline's step context or a freestyle build's
 * {@code perform}: the build, the workspace, the build's environment and its log.
 *
 * @param run       the build
 * @param workspace the workspace, on the agent that holds it
 * @param env       the build's environment
 * @param listener  the build log
 */
public record StepCall(Run<?, ?> run, FilePath workspace, Map<String, String> env, TaskListener listener) {
    /** The call a Pipeline step's context describes. */
    public static StepCall of(final StepContext context) throws IOException, InterruptedException {
        return new StepCall(context.get(Run.class), context.get(FilePath.class), context.get(EnvVars.class),
                context.get(TaskListener.class));
    }

    /** The build log. */
    public PrintStream log() {
        return listener.getLogger();
    }

    /**
     * Copies the step's reports from the workspace into the build directory, where the build page reads them.
     *
     * @param kind      the kind of report, the name of its build-directory folder ({@link BuildReports})
     * @param reportDir the reports' directory in the workspace
     * @param function  the step's name, for the log line when the workspace has no report.json
     * @return the id of the build's copy, e.g. {@code evaluation-2}
     */
    public String keepReports(final String kind, final String reportDir, final String function)
            throws IOException, InterruptedException {
        var reports = new BuildReports(run.getRootDir(), kind);
        var id = reports.newId();
        reports.copyFrom(workspace, reportDir, id, log(), function);
        return id;
    }
}
