package io.mlops.training.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.mlops.training.LogCursor;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.function.Consumer;

/**
 * Reads the training container's log from a {@link LogCursor} on: {@code GET .../pods/NAME/log} with
 * {@code timestamps=true}, from the cursor's second on ({@code sinceTime} has whole seconds), skipping the lines the
 * cursor has already counted. One plain request per read, no watch and no waiting, so a poll stays short; the
 * reply is bounded by {@code limitBytes} and the rest is read by the next call. When a whole reply held only lines
 * already read (more than {@code limitBytes} written within one second), the read is repeated with twice the bound,
 * up to {@link #MAX_BYTES}, so the log always moves on. A last line without its newline is kept for the next read
 * too, unless the container has ended (then it is the last line there is).
 */
final class PodLog {
    static final int MAX_BYTES = 16 << 20;
    private final KubernetesClient client;
    private final int limitBytes;

    PodLog(final KubernetesClient client, final int limitBytes) {
        this.client = client;
        this.limitBytes = limitBytes;
    }

    /**
     * The result of a read.
     *
     * @param cursor the cursor after the lines delivered
     * @param more   whether the reply was cut at {@code limitBytes}, so more may be there now
     */
    record Read(LogCursor cursor, boolean more) {
    }

    /**
     * Hands the lines after {@code cursor} to {@code sink}, without their timestamps.
     *
     * @param ended whether the container has ended (its log will not grow)
     */
    Read read(final String namespace, final String pod, final LogCursor cursor, final boolean ended,
            final Consumer<String> sink) {
        for (int limit = limitBytes; ; limit = Math.min(MAX_BYTES, limit * 2)) {
            var read = read(namespace, pod, cursor, ended, limit, sink);
            if (!read.more() || !read.cursor().equals(cursor) || limit == MAX_BYTES) {
                return read;
            }
        }
    }

    private Read read(final String namespace, final String pod, final LogCursor cursor, final boolean ended,
            final int limitBytes, final Consumer<String> sink) {
        var path = new StringBuilder("/api/v1/namespaces/").append(encode(namespace)).append("/pods/")
                .append(encode(pod)).append("/log?container=").append(JobManifest.CONTAINER)
                .append("&timestamps=true&limitBytes=").append(limitBytes);
        if (cursor.timestamp() != null) {
            // as fabric8 writes it (kubernetes-client#6459): some servers do not decode an escaped ':'
            path.append("&sinceTime=").append(encode(cursor.timestamp().truncatedTo(ChronoUnit.SECONDS).toString())
                    .replace("%3A", ":"));
        }
        var text = client.raw(path.toString());
        if (text == null || text.isEmpty()) {
            return new Read(cursor, false);
        }
        boolean cut = text.getBytes(StandardCharsets.UTF_8).length >= limitBytes;
        var next = cursor;
        int seenAtTimestamp = 0;
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0 && (cut || !ended) && !(cut && start == 0)) {
                break; // an unfinished line: the next read has all of it
            }
            // (a single line longer than limitBytes is taken as it came, so the log moves on)
            var line = text.substring(start, end < 0 ? text.length() : end);
            start = end < 0 ? text.length() : end + 1;
            int space = line.indexOf(' ');
            var timestamp = space > 0 ? parse(line.substring(0, space)) : null;
            var content = timestamp == null ? line : line.substring(space + 1);
            if (timestamp != null && cursor.timestamp() != null) {
                if (timestamp.isBefore(cursor.timestamp())) {
                    continue;
                }
                if (timestamp.equals(cursor.timestamp()) && seenAtTimestamp++ < cursor.linesAtTimestamp()) {
                    continue;
                }
            }
            sink.accept(content.endsWith("\r") ? content.substring(0, content.length() - 1) : content);
            next = next.next(timestamp);
        }
        return new Read(next, cut);
    }

    private static Instant parse(final String text) {
        try {
            return Instant.parse(text);
        }
        catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String encode(final String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
