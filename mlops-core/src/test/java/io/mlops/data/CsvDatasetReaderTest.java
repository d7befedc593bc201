package io.mlops.data;

import io.mlops.util.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class CsvDatasetReaderTest {
    @TempDir
    Path dir;

    @Test
    void shouldReadQuotedFieldsEscapedQuotesAndEmbeddedNewlines() throws Exception {
        // given a fixture with a quoted comma, escaped quotes, a quoted newline and empty fields
        var file = resource("/data/quoted.csv");

        // when
        var visitor = read(file, ReaderLimits.DEFAULT);

        // then the record after the two-line field starts on line 5
        assertThat(visitor.calls()).containsExactly(
                "header [id, name, comment, score]",
                "row 1 line 2", "0 text '1'", "1 text 'Alice'", "2 text 'Hello, world'", "3 text '3.5'", "end",
                "row 2 line 3", "0 text '2'", "1 text 'Bob \"the builder\"'", "2 text 'line one\nline two'",
                "3 missing", "end",
                "row 3 line 5", "0 text '3'", "1 missing", "2 text ''", "3 text '7'", "end");
    }

    @Test
    void shouldSkipByteOrderMarkAndReadCrLfLines() throws Exception {
        // given a UTF-8 file with a byte-order mark, CRLF line ends and a quoted CRLF
        var file = write("bom.csv", bytes(0xEF, 0xBB, 0xBF), "name,city\r\n\"Zoë\",\"Köln\r\nNord\"\r\nAl,Paris\r\n");

        // when
        var visitor = read(file, ReaderLimits.DEFAULT);

        // then the first column name has no BOM in it and lines count CRLF once
        assertThat(visitor.columns()).containsExactly("name", "city");
        assertThat(visitor.records()).containsExactly(
                "row 1 line 2", "0 text 'Zoë'", "1 text 'Köln\r\nNord'", "end",
                "row 2 line 4", "0 text 'Al'", "1 text 'Paris'", "end");
    }

    @Test
    void shouldTellEmptyFieldFromQuotedEmptyString() throws Exception {
        // given
        var file = write("empty.csv", "a,b,c\n,\"\",x\n");

        // when
        var visitor = read(file, ReaderLimits.DEFAULT);

        // then
        assertThat(visitor.records()).containsExactly("row 1 line 2", "0 missing", "1 text ''", "2 text 'x'", "end");
    }

    @Test
    void shouldSkipBlankLinesButKeepCountingThem() throws Exception {
        // given blank lines in the middle and at the end, and no newline after the last record
        var file = write("blank.csv", "a,b\n1,2\n\n3,4\n\n\n5,6");

        // when
        var visitor = read(file, ReaderLimits.DEFAULT);

        // then
        assertThat(visitor.records()).containsExactly(
                "row 1 line 2", "0 text '1'", "1 text '2'", "end",
                "row 2 line 4", "0 text '3'", "1 text '4'", "end",
                "row 3 line 7", "0 text '5'", "1 text '6'", "end");
    }

    @Test
    void shouldReadHeaderOnlyFileAsNoRows() throws Exception {
        // given
        var file = write("header.csv", "a,b\n");

        // when
        var visitor = read(file, ReaderLimits.DEFAULT);

        // then
        assertThat(visitor.calls()).containsExactly("header [a, b]");
    }

    @Test
    void shouldRejectRaggedRowNamingLineAndColumn() throws Exception {
        // given a record with one field too many on line 3
        var file = write("extra.csv", "a,b\n1,2\n3,4,5,6\n");

        // when
        var error = readError(file, ReaderLimits.DEFAULT);

        // then the column is the first extra field
        assertThat(error.getLine()).isEqualTo(3);
        assertThat(error.getColumn()).isEqualTo(3);
        assertThat(error.getDetail()).isEqualTo("expected 2 fields as in the header, found 4");
        assertThat(error.getMessage()).isEqualTo(file + ", line 3, column 3: expected 2 fields as in the header, found 4");
    }

    @Test
    void shouldRejectShortRowNamingFirstMissingField() throws Exception {
        // given a short record after a record whose quoted field spans two lines
        var file = write("short.csv", "a,b,c\n\"x\ny\",2,3\n4,5\n");

        // when
        var error = readError(file, ReaderLimits.DEFAULT);

        // then
        assertThat(error.getLine()).isEqualTo(4);
        assertThat(error.getColumn()).isEqualTo(3);
        assertThat(error.getDetail()).isEqualTo("expected 3 fields as in the header, found 2");
    }

    @Test
    void shouldRejectUnclosedQuoteAtLineWhereFieldStarts() throws Exception {
        // given a record starting on line 3 whose second field opens a quote on line 4 and never closes it
        var file = write("unclosed.csv", "a,b\n1,2\n\"x\ny\",\"never closed\n3,4\n");

        // when
        var error = readError(file, ReaderLimits.DEFAULT);

        // then
        assertThat(error.getLine()).isEqualTo(4);
        assertThat(error.getColumn()).isEqualTo(2);
        assertThat(error.getDetail()).startsWith("the quoted field starting here is never closed");
    }

    @Test
    void shouldRejectTextAfterClosingQuote() throws Exception {
        // given
        var file = write("after-quote.csv", "a,b\n1,\"x\"y\n");

        // when
        var error = readError(file, ReaderLimits.DEFAULT);

        // then
        assertThat(error.getLine()).isEqualTo(2);
        assertThat(error.getColumn()).isEqualTo(2);
        assertThat(error.getDetail()).startsWith("unexpected character after the closing quote of a field");
    }

    @Test
    void shouldRejectInvalidUtf8NamingLineAndColumnOfTheByte() throws Exception {
        // given a Latin-1 'é' (0xE9) after "Caf" on line 3, preceded by valid multi-byte characters
        var file = write("latin1.csv", "name,city\nZoë,Köln\nCaf", bytes(0xE9), ",Paris\n");

        // when
        var error = readError(file, ReaderLimits.DEFAULT);

        // then
        assertThat(error.getLine()).isEqualTo(3);
        assertThat(error.getColumn()).isEqualTo(4);
        assertThat(error.getDetail()).isEqualTo(
                "invalid UTF-8 byte 0xE9 at byte offset 24; expected UTF-8 text (re-save the file as UTF-8)");
    }

    @Test
    void shouldLocateInvalidUtf8AfterByteOrderMarkAndCrLf() throws Exception {
        // given
        var file = write("bom-latin1.csv", bytes(0xEF, 0xBB, 0xBF), "a,b\r\n1,x", bytes(0xFF), "\r\n");

        // when
        var error = readError(file, ReaderLimits.DEFAULT);

        // then
        assertThat(error.getLine()).isEqualTo(2);
        assertThat(error.getColumn()).isEqualTo(4);
    }

    @Test
    void shouldLocateInvalidUtf8FarBeyondTheFirstBuffer() throws Exception {
        // given 200,000 rows of valid text (1.4 MB, many decoder buffers) before a bad byte in column 3 of line 200,002
        var file = write("far.csv", "a,b\n", "ä,ö\r\n".repeat(200_000), "x,y", bytes(0xC3, 0x28), "\n");

        // when
        var error = readError(file, ReaderLimits.DEFAULT);

        // then
        assertThat(error.getLine()).isEqualTo(200_002);
        assertThat(error.getColumn()).isEqualTo(4);
        assertThat(error.getDetail()).startsWith("invalid UTF-8 byte 0xC3 at byte offset %d;".formatted(4 + 7 * 200_000 + 3));
    }

    @Test
    void shouldRejectUtf16File() throws Exception {
        // given
        var file = write("utf16.csv", bytes(0xFF, 0xFE), "a\0,\0b\0");

        // when
        var error = readError(file, ReaderLimits.DEFAULT);

        // then
        assertThat(error.getLine()).isEqualTo(1);
        assertThat(error.getColumn()).isEqualTo(1);
        assertThat(error.getDetail()).startsWith("the file starts with a UTF-16 byte-order mark; expected UTF-8");
    }

    @Test
    void shouldRejectFieldLongerThanLimit() throws Exception {
        // given a limit of 10 characters and an 11-character field in column 2 of line 3
        var file = write("long.csv", "a,b\n1,0123456789\n2,0123456789X\n");

        // when
        var error = readError(file, new ReaderLimits(10, 100));

        // then
        assertThat(error.getLine()).isEqualTo(3);
        assertThat(error.getColumn()).isEqualTo(2);
        assertThat(error.getDetail()).startsWith("field is longer than 10 characters; expected at most 10");
    }

    @Test
    void shouldAcceptFieldOfEscapedQuotesUpToLimit() throws Exception {
        // given a field of 2,000 quote characters, written as 4,000 escaped quotes, and a limit of 2,000
        var file = write("quotes.csv", "a\n\"" + "\"\"".repeat(2000) + "\"\n");

        // when
        var visitor = read(file, new ReaderLimits(2000, 10));

        // then
        assertThat(visitor.records()).containsExactly("row 1 line 2", "0 text '" + "\"".repeat(2000) + "'", "end");
    }

    @Test
    void shouldFailFastInBoundedMemoryOnHugeLine() throws Exception {
        // given a 64 MiB file that is a single unterminated field, and the default 1 Mi-character limit
        var file = writeHugeLine("huge.csv", "a\n", 64 << 20);

        // when
        InputException error;
        long bytesRead;
        try (var reader = DatasetReader.open(file, DataFormat.CSV, ReaderLimits.DEFAULT)) {
            error = catchThrowableOfType(InputException.class, () -> reader.read(new RecordingVisitor()));
            bytesRead = reader.bytesRead();
        }

        // then it stopped once FastCSV's buffer (at most 4 Mi characters) was full, long before the end
        assertThat(error.getLine()).isEqualTo(2);
        assertThat(error.getColumn()).isEqualTo(1);
        assertThat(error.getDetail()).startsWith("field is longer than 1048576 characters");
        assertThat(bytesRead).isLessThanOrEqualTo(8L << 20);
    }

    @Test
    void shouldFailFastOnHugeQuotedFieldSuggestingMissingQuote() throws Exception {
        // given a quote opened on line 3 that swallows the rest of a 16 MiB file
        var file = writeHugeLine("open-quote.csv", "a,b\n1,2\n3,\"", 16 << 20);

        // when
        var error = readError(file, new ReaderLimits(1000, 10));

        // then
        assertThat(error.getLine()).isEqualTo(3);
        assertThat(error.getColumn()).isEqualTo(2);
        assertThat(error.getDetail()).contains("a missing closing quote can cause this");
    }

    @Test
    void shouldRejectHeaderWithTooManyColumns() throws Exception {
        // given
        var file = write("wide.csv", "a,b,c,d\n1,2,3,4\n");

        // when
        var error = readError(file, new ReaderLimits(100, 3));

        // then
        assertThat(error.getLine()).isEqualTo(1);
        assertThat(error.getColumn()).isEqualTo(4);
        assertThat(error.getDetail()).isEqualTo("the header has more than 3 columns; expected at most 3");
    }

    @Test
    void shouldRejectDuplicateColumnName() throws Exception {
        // given
        var file = write("dup.csv", "id,name,id\n1,2,3\n");

        // when
        var error = readError(file, ReaderLimits.DEFAULT);

        // then
        assertThat(error.getLine()).isEqualTo(1);
        assertThat(error.getColumn()).isEqualTo(3);
        assertThat(error.getDetail()).isEqualTo("duplicate column name 'id' in the header (also column 1); expected unique names");
    }

    @Test
    void shouldRejectEmptyColumnName() throws Exception {
        // given a header with a trailing comma after two blank lines
        var file = write("trailing-comma.csv", "\n\na,b,\n1,2,3\n");

        // when
        var error = readError(file, ReaderLimits.DEFAULT);

        // then
        assertThat(error.getLine()).isEqualTo(3);
        assertThat(error.getColumn()).isEqualTo(3);
        assertThat(error.getDetail()).isEqualTo("column 3 has an empty name in the header; expected a name for every column");
    }

    @Test
    void shouldRejectEmptyFile() throws Exception {
        // given files with nothing, only a byte-order mark, or only blank lines
        var empty = write("empty.csv", "");
        var bomOnly = write("bom-only.csv", bytes(0xEF, 0xBB, 0xBF));
        var blank = write("blank-only.csv", "\n\r\n\n");

        // when / then
        for (var file : new Path[] {empty, bomOnly, blank}) {
            var error = readError(file, ReaderLimits.DEFAULT);
            assertThat(error.getLine()).isZero();
            assertThat(error.getMessage()).isEqualTo(file + ": the file is empty; expected a header row naming the columns");
        }
    }

    @Test
    void shouldRejectMissingFile() {
        // given
        var file = dir.resolve("absent.csv");

        // when
        var error = catchThrowableOfType(InputException.class, () -> DatasetReader.open(file, DataFormat.CSV, ReaderLimits.DEFAULT));

        // then
        assertThat(error.getMessage()).isEqualTo(file + ": cannot read: no such file");
    }

    @Test
    void shouldRejectDirectory() {
        // when
        var error = catchThrowableOfType(InputException.class, () -> DatasetReader.open(dir, DataFormat.CSV, ReaderLimits.DEFAULT));

        // then
        assertThat(error.getDetail()).isEqualTo("cannot read: it is a directory; expected a data file");
    }

    @Test
    void shouldPassOnWhatTheVisitorThrows() throws Exception {
        // given a visitor that fails on the first value
        var file = write("visitor.csv", "a\n1\n");
        var failure = new IllegalStateException("visitor failed");
        var visitor = new RecordingVisitor() {
            @Override
            public void text(final int column, final char[] buffer, final int offset, final int length) {
                throw failure;
            }
        };

        // when
        Throwable thrown;
        try (var reader = DatasetReader.open(file, DataFormat.CSV, ReaderLimits.DEFAULT)) {
            thrown = catchThrowable(() -> reader.read(visitor));
        }

        // then it is not mistaken for malformed input
        assertThat(thrown).isSameAs(failure);
    }

    @Test
    void shouldHashTheWholeFileAndCountItsBytes() throws Exception {
        // given
        var file = write("hash.csv", bytes(0xEF, 0xBB, 0xBF), "a,b\n1,2\n\n");
        var expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));

        // when
        try (var reader = DatasetReader.open(file, DataFormat.CSV, ReaderLimits.DEFAULT)) {
            reader.read(new RecordingVisitor());

            // then
            assertThat(reader.sha256()).isEqualTo(expected);
            assertThat(reader.bytesRead()).isEqualTo(Files.size(file)).isEqualTo(reader.totalBytes());
        }
    }

    private Path write(final String name, final Object... parts) throws IOException {
        var file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file)) {
            for (var part : parts) {
                out.write(part instanceof byte[] raw ? raw : part.toString().getBytes(StandardCharsets.UTF_8));
            }
        }
        return file;
    }

    private Path writeHugeLine(final String name, final String prefix, final int bytes) throws IOException {
        var file = dir.resolve(name);
        var chunk = "x".repeat(1 << 16).getBytes(StandardCharsets.US_ASCII);
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(prefix.getBytes(StandardCharsets.UTF_8));
            for (int written = 0; written < bytes; written += chunk.length) {
                out.write(chunk);
            }
        }
        return file;
    }

    private static byte[] bytes(final int... values) {
        var result = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = (byte) values[i];
        }
        return result;
    }

    private static RecordingVisitor read(final Path file, final ReaderLimits limits) throws IOException {
        var visitor = new RecordingVisitor();
        try (var reader = DatasetReader.open(file, DataFormat.CSV, limits)) {
            reader.read(visitor);
        }
        return visitor;
    }

    private static InputException readError(final Path file, final ReaderLimits limits) {
        var error = catchThrowableOfType(InputException.class, () -> read(file, limits));
        assertThat(error).as("reading %s should fail", file).isNotNull();
        assertThat(error.getFile()).isEqualTo(file.toString());
        return error;
    }

    private static Path resource(final String name) throws URISyntaxException {
        return Path.of(CsvDatasetReaderTest.class.getResource(name).toURI());
    }
}
