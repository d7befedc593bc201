package io.jenkins.plugins.mlops.util;

import hudson.FilePath;

import java.io.PrintStream;

/**
 * Warns when a step's data would be read inside the Jenkins controller's process: heavy work belongs on agents
 * (DESIGN.md §6), and administrators should see in the log which jobs break that rule.
 */
public final class ControllerWarning {
    private ControllerWarning() {
    }

    /** Logs a warning when the workspace is on the built-in node. */
    public static void warnIfBuiltIn(final FilePath workspace, final PrintStream log, final String step) {
        if (!workspace.isRemote()) {
            log.println(step + ": warning: this workspace is on the built-in node, so the data is read inside "
                    + "the Jenkins controller's process; run data steps on an agent (and give the built-in node "
                    + "0 executors)");
        }
    }
}
