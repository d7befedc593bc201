package io.mlops.training;

import java.io.Serializable;
import java.time.Instant;

/**
 * How far a training's log has been read, so that a later poll — by a new runner after a restart, too — goes on
 * with the next line instead of repeating or losing any. Kubernetes gives each log line a timestamp, but resumes a
 * log only from a whole second ({@code sinceTime}), so the cursor also counts the lines already read with the
 * latest timestamp.
 *
 * @param lines            lines read so far
 * @param timestamp        the timestamp of the last line read, or {@code null} before the first
 * @param linesAtTimestamp how many of the lines read carry exactly {@code timestamp}
 */
public record LogCursor(long lines, Instant timestamp, int linesAtTimestamp) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Nothing read yet. */
    public static final LogCursor START = new LogCursor(0, null, 0);

    /** The cursor after one more line with this timestamp ({@code null}: a line without one). */
    public LogCursor next(final Instant lineTimestamp) {
        if (lineTimestamp == null) {
            return new LogCursor(lines + 1, timestamp, linesAtTimestamp);
        }
        if (lineTimestamp.equals(timestamp)) {
            return new LogCursor(lines + 1, timestamp, linesAtTimestamp + 1);
        }
        return new LogCursor(lines + 1, lineTimestamp, 1);
    }
}
