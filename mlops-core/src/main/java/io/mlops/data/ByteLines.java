package io.mlops.data;

import io.mlops.util.InputException;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Splits a file into lines ending in LF or CRLF without decoding them. A line longer than the
 * limit fails as soon as that is certain, so a file that is one huge line never fills memory.
 */
final class ByteLines {
    private static final int INITIAL_BUFFER_BYTES = 1 << 16;
    /** UTF-8 needs at most three bytes per UTF-16 character (four bytes encode two characters). */
    private static final int MAX_BYTES_PER_CHAR = 3;

    private final HashingFileInput input;
    private final int maxChars;
    private final long maxBytes;
    private byte[] buffer = new byte[INITIAL_BUFFER_BYTES];
    /** Bytes of {@link #buffer} holding data. */
    private int filled;
    private int lineStart;
    private int lineEnd;
    /** Where the line after the current one starts. */
    private int nextStart;
    private long lineNumber;
    private boolean endOfInput;

    ByteLines(final HashingFileInput input, final int maxChars) {
        this.input = input;
        this.maxChars = maxChars;
        this.maxBytes = (long) MAX_BYTES_PER_CHAR * maxChars;
    }

    /**
     * Advances to the next line.
     *
     * @return false at the end of the file
     * @throws InputException when the line is longer than the limit
     */
    boolean next() throws IOException {
        lineStart = nextStart;
        int scan = lineStart;
        while (true) {
            for (; scan < filled; scan++) {
                if (buffer[scan] == '\n') {
                    return endLine(scan, scan + 1);
                }
            }
            if (scan - lineStart > maxBytes) {
                throw tooLong(lineNumber + 1);
            }
            if (endOfInput) {
                return lineStart < filled && endLine(filled, filled);
            }
            scan -= lineStart;
            fill();
            scan += lineStart;
        }
    }

    byte[] buffer() {
        return buffer;
    }

    int start() {
        return lineStart;
    }

    int length() {
        return lineEnd - lineStart;
    }

    /** 1-based number of the current line. */
    long lineNumber() {
        return lineNumber;
    }

    /** Whether the current line holds nothing but spaces and tabs. */
    boolean isBlank() {
        for (int i = lineStart; i < lineEnd; i++) {
            if (buffer[i] != ' ' && buffer[i] != '\t') {
                return false;
            }
        }
        return true;
    }

    private boolean endLine(final int end, final int next) {
        lineNumber++;
        lineEnd = end > lineStart && buffer[end - 1] == '\r' ? end - 1 : end;
        nextStart = next;
        if (length() > maxChars && utf16Length(buffer, lineStart, lineEnd) > maxChars) {
            throw tooLong(lineNumber);
        }
        return true;
    }

    /** Moves the current partial line to the front of the buffer, grows it if full, and reads more. */
    private void fill() throws IOException {
        int partial = filled - lineStart;
        if (lineStart > 0) {
            System.arraycopy(buffer, lineStart, buffer, 0, partial);
            lineStart = 0;
            filled = partial;
        }
        if (filled == buffer.length) {
            var larger = new byte[(int) Math.min(Integer.MAX_VALUE - 8, Math.min(2L * buffer.length, maxBytes + 1))];
            System.arraycopy(buffer, 0, larger, 0, filled);
            buffer = larger;
        }
        int count = input.read(ByteBuffer.wrap(buffer, filled, buffer.length - filled));
        if (count < 0) {
            endOfInput = true;
        } else {
            filled += count;
        }
    }

    private InputException tooLong(final long line) {
        return new InputException(input.file().toString(), line, 0,
                "line is longer than %d characters; expected at most %d".formatted(maxChars, maxChars));
    }

    /** Counts the UTF-16 characters of UTF-8 bytes: one per lead byte, two for four-byte sequences. */
    private static long utf16Length(final byte[] bytes, final int from, final int to) {
        long chars = 0;
        for (int i = from; i < to; i++) {
            int b = bytes[i] & 0xFF;
            if ((b & 0xC0) != 0x80) {
                chars += b >= 0xF0 ? 2 : 1;
            }
        }
        return chars;
    }
}
