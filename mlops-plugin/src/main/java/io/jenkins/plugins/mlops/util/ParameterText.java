package io.jenkins.plugins.mlops.util;

import edu.umd.cs.findbugs.annotations.CheckForNull;

import java.util.function.UnaryOperator;

/** How steps read their text parameters, which come from forms and scripts alike. */
public final class ParameterText {
    private ParameterText() {
    }

    /** Trims a form or script value; blank means "not given". */
    @CheckForNull
    public static String blankToNull(@CheckForNull final String value) {
        if (value == null) {
            return null;
        }
        var trimmed = value.trim();
        return trimmed.isEmpty() ? null : trimmed;
    }

    /** Trims a form or script value; blank means {@code fallback}, such as a step's default report directory. */
    public static String blankToDefault(@CheckForNull final String value, final String fallback) {
        var trimmed = blankToNull(value);
        return trimmed == null ? fallback : trimmed;
    }

    /**
     * Expands build variables in values that may be missing.
     *
     * @param variables replaces {@code $VAR} and {@code ${VAR}} references
     * @return an expansion that keeps {@code null}
     */
    public static UnaryOperator<String> expansion(final UnaryOperator<String> variables) {
        return value -> value == null ? null : variables.apply(value);
    }
}
