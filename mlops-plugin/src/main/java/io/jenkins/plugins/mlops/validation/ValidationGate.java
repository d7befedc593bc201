package io.jenkins.plugins.mlops.validation;

import hudson.AbortException;
import hudson.model.Result;
import io.jenkins.plugins.mlops.util.ResultHandler;
import io.mlops.validation.ValidationSummary;

import java.io.PrintStream;

/**
 * Turns the outcome of a validation into the build result, as DESIGN.md §3 maps exit codes: PASSED leaves the
 * build alone, INCONCLUSIVE makes it unstable, ERROR fails it, and FAILED fails it unless the step says
 * {@code unstableOnFailure}, which makes it unstable instead. A failure is an {@link AbortException}, so Jenkins
 * prints its one-line message without a stack trace.
 */
final class ValidationGate {
    private final boolean unstableOnFailure;

    ValidationGate(final boolean unstableOnFailure) {
        this.unstableOnFailure = unstableOnFailure;
    }

    /**
     * Applies the outcome.
     *
     * @param summary the outcome of the validation
     * @param result  sets the build (or Pipeline) result
     * @param log     the build log
     * @throws AbortException when the build must fail
     */
    void apply(final ValidationSummary summary, final ResultHandler result, final PrintStream log)
            throws AbortException {
        switch (summary.status()) {
            case PASSED -> {
                // the build result stays as it is
            }
            case INCONCLUSIVE -> unstable(result, log, "validateData: inconclusive: " + summary.summary());
            case FAILED -> {
                var message = failureMessage(summary);
                if (!unstableOnFailure) {
                    throw new AbortException(message);
                }
                unstable(result, log, message);
            }
            case ERROR -> throw new AbortException("validateData: " + summary.summary());
        }
    }

    /** Names the failed checks in one line; the engine lists at most 20 of them. */
    static String failureMessage(final ValidationSummary summary) {
        if (summary.failedChecks() == 0) {
            return "validateData: " + summary.summary();
        }
        var message = new StringBuilder("validateData: ").append(summary.failedChecks())
                .append(summary.failedChecks() == 1 ? " check failed: " : " checks failed: ")
                .append(String.join(", ", summary.failedCheckNames()));
        int unnamed = summary.failedChecks() - summary.failedCheckNames().size();
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
