package io.mlops.data;

import io.mlops.util.InputException;

import java.io.IOException;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes a UTF-8 file for the CSV parser. Unlike {@link java.io.InputStreamReader}, it refuses
 * invalid bytes instead of replacing them, and names the line and column of the first one. A
 * leading byte-order mark is skipped.
 */
final class StrictUtf8Reader extends Reader {
    private static final int BUFFER_BYTES = 1 << 16;

    private final HashingFileInput input;
    private final ByteBuffer bytes = ByteBuffer.allocate(BUFFER_BYTES).flip();
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    /** File offset of the first byte in {@link #bytes}. */
    private long bufferOffset;
    private boolean started;
    private boolean endOfInput;
    private boolean finished;

    StrictUtf8Reader(final HashingFileInput input) {
        this.input = input;
    }

    /**
     * Decodes the next characters. Callers must accept at least two characters per call, the most
     * one code point needs (FastCSV asks for thousands).
     *
     * @throws InputException at the first byte that is not valid UTF-8
     */
    @Override
    public int read(final char[] target, final int offset, final int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (finished) {
            return -1;
        }
        var out = CharBuffer.wrap(target, offset, length);
        while (true) {
            var result = decoder.decode(bytes, out, endOfInput);
            if (result.isError()) {
                throw invalidByte(bufferOffset + bytes.position());
            }
            int produced = out.position() - offset;
            if (produced > 0) {
                return produced;
            }
            if (result.isOverflow()) {
                throw new IllegalArgumentException("a read must accept at least 2 characters, got " + length);
            }
            if (endOfInput) {
                decoder.flush(out);
                finished = true;
                return out.position() > offset ? out.position() - offset : -1;
            }
            fill();
        }
    }

    private void fill() throws IOException {
        bufferOffset += bytes.position();
        bytes.compact();
        int count = input.read(bytes);
        bytes.flip();
        if (count < 0) {
            endOfInput = true;
        }
        if (!started && (bytes.remaining() >= 3 || endOfInput)) {
            started = true;
            skipByteOrderMark();
        }
    }

    private void skipByteOrderMark() {
        if (bytes.remaining() >= 3 && bytes.get(0) == (byte) 0xEF && bytes.get(1) == (byte) 0xBB
                && bytes.get(2) == (byte) 0xBF) {
            bytes.position(3);
        }
    }

    private InputException invalidByte(final long fileOffset) throws IOException {
        var position = TextPosition.of(input.file(), fileOffset);
        int value = bytes.get(bytes.position()) & 0xFF;
        String detail;
        if (fileOffset == 0 && startsWithUtf16ByteOrderMark()) {
            detail = "the file starts with a UTF-16 byte-order mark; expected UTF-8 text (re-save the file as UTF-8)";
        } else {
            detail = "invalid UTF-8 byte 0x%02X at byte offset %d; expected UTF-8 text (re-save the file as UTF-8)"
                    .formatted(value, fileOffset);
        }
        return new InputException(input.file().toString(), position.line(), position.column(), detail);
    }

    private boolean startsWithUtf16ByteOrderMark() {
        if (bytes.remaining() < 2) {
            return false;
        }
        int first = bytes.get(0) & 0xFF;
        int second = bytes.get(1) & 0xFF;
        return first == 0xFF && second == 0xFE || first == 0xFE && second == 0xFF;
    }

    /** Leaves the file open: it belongs to the dataset reader, which still hashes the rest. */
    @Override
    public void close() {
        finished = true;
    }
}
