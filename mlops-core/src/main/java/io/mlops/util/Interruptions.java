package io.mlops.util;

import java.io.IOException;

/**
 * An interrupted thread (an aborted build, a cancelled task) is not bad input: a pass it stops ends with an
 * unchecked "interrupted while ..." exception and leaves the interrupt status set for its caller, so that an abort
 * is never reported as a file that cannot be read.
 */
public final class Interruptions {
    private Interruptions() {
    }

    /** An action on files. */
    @FunctionalInterface
    public interface FileAction {
        void run() throws IOException;
    }

    /**
     * Runs an action that must be done although the thread was interrupted (the report that says so), with the
     * interrupt status cleared meanwhile, since an interruptible file channel refuses to work for an interrupted
     * thread, and set again afterwards.
     */
    public static void despiteInterrupt(final FileAction action) throws IOException {
        boolean interrupted = Thread.interrupted();
        try {
            action.run();
        }
        finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Sets the interrupt status again and returns the exception that ends the interrupted work. */
    public static IllegalStateException interrupted(final String during, final Throwable cause) {
        Thread.currentThread().interrupt();
        return new IllegalStateException("interrupted while " + during, cause);
    }
}
