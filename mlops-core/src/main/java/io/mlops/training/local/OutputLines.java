package io.mlops.training.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

/**
 * A process's output as lines, read by a daemon thread into a bounded queue: a training that writes faster than
 * its log is read waits (as it would on a full pipe) instead of filling the heap. Lines end at {@code \n}; a
 * trailing {@code \r} is dropped, and a line longer than {@link #MAX_LINE} characters (a progress bar that never
 * prints a newline) is cut there. Bytes that are not UTF-8 become U+FFFD.
 */
final class OutputLines {
    static final int MAX_LINE = 16_384;
    private static final int CAPACITY = 65_536;

    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>(CAPACITY);
    private final Thread reader;
    private volatile boolean ended;

    OutputLines(final InputStream output, final String name) {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        var in = new InputStreamReader(output, decoder);
        reader = new Thread(() -> pump(in), "mlops-train-output-" + name);
        reader.setDaemon(true);
        reader.start();
    }

    private void pump(final Reader in) {
        var line = new StringBuilder();
        var buffer = new char[8192];
        try (in) {
            int count;
            while ((count = in.read(buffer)) >= 0) {
                for (int i = 0; i < count; i++) {
                    char c = buffer[i];
                    if (c == '\n') {
                        put(line);
                    }
                    else if (line.length() < MAX_LINE) {
                        line.append(c);
                    }
                }
            }
            if (line.length() > 0) {
                put(line);
            }
        }
        catch (IOException e) {
            // the stream closes when the process tree is killed: what was read so far is all there is
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        finally {
            ended = true;
        }
    }

    private void put(final StringBuilder line) throws InterruptedException {
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\r') {
            end--;
        }
        lines.put(line.substring(0, end));
        line.setLength(0);
    }

    /** Hands the lines read so far to {@code sink} and returns how many there were. */
    int drainTo(final Consumer<String> sink) {
        int count = 0;
        for (String line = lines.poll(); line != null; line = lines.poll()) {
            sink.accept(line);
            count++;
        }
        return count;
    }

    /** Whether the output has ended (the process and every child holding it closed it) and was read to its end. */
    boolean isEnded() {
        return ended && lines.isEmpty();
    }

    /** Waits up to {@code millis} for the output to end. */
    void awaitEnd(final long millis) throws InterruptedException {
        reader.join(millis);
    }
}
