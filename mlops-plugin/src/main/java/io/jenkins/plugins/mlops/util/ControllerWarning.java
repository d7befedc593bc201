package io.jenkins.plugins.mlops.util;

import hudson.FilePath;

import java.io.PrintStream;

/**
 * Warns when a step's work would run inside the Jenkins controller's process or on its machine: heavy work belongs
 * on agents (DESIGN.md §6), and administrators should see in the log which jobs break that rule.
 */
public final class ControllerWarning {
    private ControllerWarning() {
    }

    /** Logs a warning when the workspace is on the built-in node, where the data step reads its data. */
    public static void warnIfBuiltIn(final FilePath workspace, final PrintStream log, final String step) {
        warnIfBuiltIn(workspace, log, step, "the data is read inside the Jenkins controller's process; run data "
                + "steps on an agent");
    }

    /**
     * Logs a warning when the workspace is on the built-in node.
     *
     * @param consequence what happens there and what to do instead, such as "the training runs on the Jenkins
     *                    controller's machine; run it on an agent"
     */
    public static void warnIfBuiltIn(final FilePath workspace, final PrintStream log, final String step,
            final String consequence) {
        if (!workspace.isRemote()) {
            log.println(step + ": warning: this workspace is on the built-in node, so " + consequence
                    + " (and give the built-in node 0 executors)");
        }
    }
}
