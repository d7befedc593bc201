package io.mlops.validation;

/** Receives progress while a dataset streams; called from the reading thread every few thousand rows. */
@FunctionalInterface
public interface ProgressListener {
    /** Ignores progress. */
    ProgressListener NONE = (file, rows, bytesDone, bytesTotal) -> { };

    /**
     * Reports progress on one file.
     *
     * @param file       the file being read
     * @param rows       rows read so far
     * @param bytesDone  bytes read so far
     * @param bytesTotal size of the file
     */
    void progress(String file, long rows, long bytesDone, long bytesTotal);
}
