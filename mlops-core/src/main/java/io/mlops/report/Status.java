package io.mlops.report;

/**
 * The outcome of any mlops step, with the exit code of the command line. The same four values map to
 * Jenkins build results in the plugin.
 */
public enum Status {
    /** Every check and gate passed. */
    PASSED(0),
    /** A check or gate failed. */
    FAILED(1),
    /** Bad input, bad configuration or an unreachable service. */
    ERROR(2),
    /** Not enough evidence to decide. */
    INCONCLUSIVE(3);

    private final int exitCode;

    Status(final int exitCode) {
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }

    /** Combines two outcomes: ERROR over FAILED over INCONCLUSIVE over PASSED. */
    public Status and(final Status other) {
        return rank() >= other.rank() ? this : other;
    }

    private int rank() {
        return switch (this) {
            case PASSED -> 0;
            case INCONCLUSIVE -> 1;
            case FAILED -> 2;
            case ERROR -> 3;
        };
    }
}
