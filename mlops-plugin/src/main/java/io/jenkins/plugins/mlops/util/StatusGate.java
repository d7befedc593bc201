package io.jenkins.plugins.mlops.util;

import hudson.AbortException;
import hudson.model.Result;
import io.mlops.report.Status;

import java.io.PrintStream;
import java.util.List;

/**
 * Turns the outcome of a step into the build result, as DESIGN.md §3 maps exit codes: PASSED leaves the build
 * alone, INCONCLUSIVE makes it unstable, ERROR fails it, and FAILED fails it unless the step says
 * {@code unstableOnFailure}, which makes it unstable instead. A failure is an {@link AbortException}, so Jenkins
 * prints its one-line message without a stack trace.
 */
public final class StatusGate {
    private final String function;
    private final boolean unstableOnFailure;

    /**
     * Creates the gate of one step.
     *
     * @param function          the Pipeline function name, which starts every message
     * @param unstableOnFailure whether FAILED makes the build unstable instead of failing it
     */
    public StatusGate(final String function, final boolean unstableOnFailure) {
        this.function = function;
        this.unstableOnFailure = unstableOnFailure;
    }

    /**
     * Applies an outcome.
     *
     * @param status         the outcome
     * @param summary        the engine's one sentence, the message of INCONCLUSIVE and ERROR
     * @param failureMessage the one line for FAILED, such as {@link #failureMessage}'s
     * @param result         sets the build (or Pipeline) result
     * @param log            the build log
     * @throws AbortException when the build must fail
     */
    public void apply(final Status status, final String summary, final String failureMessage,
            final ResultHandler result, final PrintStream log) throws AbortException {
        switch (status) {
            case PASSED -> {
                // the build result stays as it is
            }
            case INCONCLUSIVE -> unstable(result, log, function + ": inconclusive: " + summary);
            case FAILED -> {
                if (!unstableOnFailure) {
                    throw new AbortException(failureMessage);
                }
                unstable(result, log, failureMessage);
            }
            case ERROR -> throw new AbortException(function + ": " + summary);
        }
    }

    /**
     * Names what failed in one line: {@code validateData: 2 checks failed: min(age), rows}. Engines list only the
     * first few names; the rest are counted.
     *
     * @param function the Pipeline function name
     * @param count   how many failed
     * @param noun    what failed, singular: {@code check}, {@code gate}
     * @param names   the names the engine listed
     * @param summary the line to use when nothing is counted
     * @return the message
     */
    public static String failureMessage(final String function, final int count, final String noun, final List<String> names, final String summary) {
        if (count == 0) {
            return function + ": " + summary;
        }
        var message = new StringBuilder(function).append(": ").append(count).append(' ').append(noun)
                .append(count == 1 ? " failed: " : "s failed: ").append(String.join(", ", names));
        int unnamed = count - names.size();
        if (unnamed > 0) {
            message.append(" and ").append(unnamed).append(" more");
        }
        return message.toString();
    }

    private static void unstable(final ResultHandler result, final PrintStream log, final String message) {
        log.println(message);
        result.setResult(Result.UNSTABLE);
    }
}
