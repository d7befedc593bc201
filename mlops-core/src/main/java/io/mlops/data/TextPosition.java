package io.mlops.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The 1-based line and column of a byte in a UTF-8 text file. Lines end at CR, LF or CRLF, as
 * FastCSV counts them; the column counts code points, so it matches what an editor shows.
 *
 * @param line   1-based line
 * @param column 1-based column in code points
 */
record TextPosition(long line, int column) {
    private static final byte[] BYTE_ORDER_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final int BUFFER_BYTES = 1 << 16;

    /**
     * Finds the position of a byte by scanning the file up to it. Readers call this only when they
     * report an error, so that tracking positions costs nothing while a valid file streams through.
     * The bytes before {@code byteOffset} must be valid UTF-8; a leading byte-order mark is skipped.
     */
    static TextPosition of(final Path file, final long byteOffset) throws IOException {
        long line = 1;
        int column = 1;
        boolean afterCarriageReturn = false;
        try (InputStream in = Files.newInputStream(file)) {
            var buffer = new byte[BUFFER_BYTES];
            long offset = skipByteOrderMark(file, in, byteOffset);
            while (offset < byteOffset) {
                int count = in.read(buffer, 0, (int) Math.min(buffer.length, byteOffset - offset));
                if (count < 0) {
                    break;
                }
                for (int i = 0; i < count; i++) {
                    int b = buffer[i];
                    if (b == '\r' || b == '\n' && !afterCarriageReturn) {
                        line++;
                        column = 1;
                    } else if (b != '\n' && (b & 0xC0) != 0x80) {
                        // a continuation byte (10xxxxxx) belongs to the code point already counted
                        column++;
                    }
                    afterCarriageReturn = b == '\r';
                }
                offset += count;
            }
        }
        return new TextPosition(line, column);
    }

    /** Consumes a leading byte-order mark before {@code byteOffset}, returning the offset reached. */
    private static long skipByteOrderMark(final Path file, final InputStream in, final long byteOffset)
            throws IOException {
        if (byteOffset < BYTE_ORDER_MARK.length) {
            return 0;
        }
        try (InputStream head = Files.newInputStream(file)) {
            if (!Arrays.equals(head.readNBytes(BYTE_ORDER_MARK.length), BYTE_ORDER_MARK)) {
                return 0;
            }
        }
        in.skipNBytes(BYTE_ORDER_MARK.length);
        return BYTE_ORDER_MARK.length;
    }
}
