package io.jenkins.plugins.mlops.validation;

import io.mlops.validation.ProgressListener;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Prints a progress line to the build log every few seconds while the engine streams a large file: rows read,
 * megabytes done of the total, and throughput. Files read faster than the interval print nothing.
 */
final class ProgressLog implements ProgressListener {
    static final long INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final double MEGABYTE = 1024.0 * 1024.0;

    private final PrintStream log;
    private final LongSupplier nanoClock;
    private String currentFile;
    private long fileStart;
    private long lastLine;

    ProgressLog(final PrintStream log) {
        this(log, System::nanoTime);
    }

    ProgressLog(final PrintStream log, final LongSupplier nanoClock) {
        this.log = log;
        this.nanoClock = nanoClock;
    }

    @Override
    public synchronized void progress(final String file, final long rows, final long bytesDone, final long bytesTotal) {
        long now = nanoClock.getAsLong();
        if (!file.equals(currentFile)) {
            currentFile = file;
            fileStart = now;
            lastLine = now;
            return;
        }
        if (now - lastLine < INTERVAL_NANOS) {
            return;
        }
        lastLine = now;
        double seconds = (now - fileStart) / 1e9;
        double done = bytesDone / MEGABYTE;
        log.printf(Locale.ROOT, "validateData: %s: %,d rows, %.1f of %.1f MB (%.1f MB/s)%n",
                fileName(file), rows, done, bytesTotal / MEGABYTE, done / seconds);
    }

    /** The file name only: agent paths are long and say nothing the step parameters do not. */
    private static String fileName(final String file) {
        int slash = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
        return file.substring(slash + 1);
    }
}
