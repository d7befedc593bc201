package io.jenkins.plugins.mlops.util;

import io.mlops.report.Status;

/** How build pages show a step's status: the Jenkins symbols of build balls and the design library's colours. */
public final class StatusSymbol {
    private StatusSymbol() {
    }

    /** The Jenkins symbol that shows a status like a build ball. */
    public static String of(final Status status) {
        return switch (status) {
            case PASSED -> "symbol-status-blue";
            case INCONCLUSIVE -> "symbol-status-yellow";
            case FAILED, ERROR -> "symbol-status-red";
        };
    }

    /**
     * The text colour of a verdict: green for PASSED, red for FAILED and ERROR, amber for INCONCLUSIVE, as the
     * CSS variables of Jenkins' design library.
     *
     * @param status the verdict, or {@code null} for none
     * @return a CSS declaration, empty without a verdict
     */
    public static String color(final Status status) {
        if (status == null) {
            return "";
        }
        return switch (status) {
            case PASSED -> "color: var(--success-color)";
            case INCONCLUSIVE -> "color: var(--warning-color)";
            case FAILED, ERROR -> "color: var(--error-color)";
        };
    }
}
