package io.mlops.validation;

import io.mlops.util.InputException;
import io.mlops.util.Interruptions;

import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * A profiling pass over the reference on a thread of its own, while the calling thread profiles the dataset.
 * Each pass is a reading and a statistics thread that often wait for each other; two passes at once keep both
 * cores of a small agent busy where one pass leaves gaps (measured with mlops-bench/run). Closing the pass before
 * {@link #join} (the calling thread's pass failed) stops it and waits until its thread and files are closed.
 */
final class BackgroundPass implements AutoCloseable {
    /** The work of a pass. */
    @FunctionalInterface
    interface Work {
        DatasetProfile run() throws IOException;
    }

    private final FutureTask<DatasetProfile> task;
    private final Thread thread;

    private BackgroundPass(final Work work, final String name) {
        task = new FutureTask<>(work::run);
        thread = new Thread(task, name);
        thread.setDaemon(true);
    }

    /** Starts a pass. */
    static BackgroundPass start(final Work work, final String name) {
        var pass = new BackgroundPass(work, name);
        pass.thread.start();
        return pass;
    }

    /**
     * Waits for the pass and returns its profile, or throws what it threw.
     *
     * @throws InputException for bad input in the file
     * @throws IOException    when the file cannot be read
     * @throws IllegalStateException when the wait is interrupted
     */
    DatasetProfile join() throws IOException {
        try {
            return task.get();
        }
        catch (InterruptedException e) {
            // as BatchPipeline does: an interrupted run (an aborted build) is not bad input
            close();
            throw Interruptions.interrupted("profiling the reference", e);
        }
        catch (ExecutionException e) {
            var cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }

    /** Stops the pass unless it is over, and waits until its thread and files are closed. */
    @Override
    public void close() {
        task.cancel(true);
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            }
            catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
