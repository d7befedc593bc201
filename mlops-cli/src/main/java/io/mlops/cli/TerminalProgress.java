package io.mlops.cli;

import io.mlops.util.NumberText;
import io.mlops.validation.ProgressListener;

import java.io.PrintStream;

/**
 * A progress line (rows/s, bytes done) on an interactive terminal, redrawn at most four times a second, for
 * files above a few megabytes. Silent when standard error is not a terminal, so CI logs stay clean.
 */
final class TerminalProgress implements ProgressListener {
    private static final long MIN_BYTES = 8L << 20;
    private static final long REDRAW_NANOS = 250_000_000L;

    private final PrintStream out;
    private final long startNanos = System.nanoTime();
    private long lastDraw;
    private boolean drawn;

    private TerminalProgress(final PrintStream out) {
        this.out = out;
    }

    /** A listener that draws on the terminal, or one that ignores progress when there is no terminal. */
    static ProgressListener create() {
        return System.console() == null ? ProgressListener.NONE : new TerminalProgress(System.err);
    }

    @Override
    public void progress(final String file, final long rows, final long bytesDone, final long bytesTotal) {
        if (bytesTotal < MIN_BYTES) {
            return;
        }
        long now = System.nanoTime();
        boolean done = bytesDone >= bytesTotal;
        if (!done && now - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = now;
        double seconds = Math.max(1e-3, (now - startNanos) / 1e9);
        out.print(String.format(NumberText.LOCALE, "\r  %s: %,d rows, %,.0f of %,.0f MB (%,.0f rows/s, %.0f MB/s)   ",
                file, rows, bytesDone / 1e6, bytesTotal / 1e6, rows / seconds, bytesDone / 1e6 / seconds));
        drawn = true;
        if (done) {
            out.println();
            drawn = false;
        }
        out.flush();
    }

    /** Ends a line left open by an interrupted read. */
    void close() {
        if (drawn) {
            out.println();
        }
    }
}
