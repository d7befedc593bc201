package io.mlops.validation;

import java.nio.file.Path;

/**
 * The progress of two files read at once, reported to one listener as one file: their rows and bytes added up
 * under a name that joins both file names ("current.csv + reference.csv"). Listeners that follow one file at a time
 * (a terminal line, a build log) then show one steady line instead of switching between the files.
 */
final class CombinedProgress {
    private final ProgressListener listener;
    private final String name;
    private final long[] rows = new long[2];
    private final long[] bytes = new long[2];
    private final long[] sizes;

    /**
     * @param sizes both files' sizes in bytes
     */
    CombinedProgress(final ProgressListener listener, final Path first, final Path second, final long[] sizes) {
        this.listener = listener;
        this.name = first.getFileName() + " + " + second.getFileName();
        this.sizes = sizes.clone();
    }

    /** The listener of one of the two files (0 or 1). */
    ProgressListener part(final int index) {
        return (file, rowsRead, bytesDone, bytesTotal) -> report(index, rowsRead, bytesDone);
    }

    private synchronized void report(final int index, final long rowsRead, final long bytesDone) {
        rows[index] = rowsRead;
        bytes[index] = Math.min(bytesDone, sizes[index]);
        listener.progress(name, rows[0] + rows[1], bytes[0] + bytes[1], sizes[0] + sizes[1]);
    }
}
