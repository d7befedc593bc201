package io.mlops.util;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.nio.channels.ClosedByInterruptException;

/**
 * An interrupted thread (an aborted build, a cancelled task) is not bad input: a pass it stops ends with an
 * unchecked "interrupted while ..." exception and leaves the interrupt status set for its caller, so that an abort
 * is never reported as a file that cannot be read.
 */
public final class Interruptions {
    private Interruptions() {
    }

    /**
     * Whether an I/O failure is the thread being interrupted rather than a problem with the file: a channel closed by
     * the interrupt, or an interrupted blocking hand-off (a socket timeout, also an {@link InterruptedIOException},
     * is not one).
     */
    public static boolean isInterruption(final IOException e) {
        return e instanceof ClosedByInterruptException
                || e instanceof InterruptedIOException && !(e instanceof SocketTimeoutException);
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
