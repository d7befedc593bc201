package io.mlops.data;

import io.mlops.util.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class JsonLinesDatasetReaderTest {
    @TempDir
    Path dir;

    @Test
    void shouldReadStringsNumbersBooleansNullsAndAbsentKeys() throws Exception {
        // given a fixture with escaped quotes, a null, a blank line, an absent key and keys in another order
        var file = Path.of(JsonLinesDatasetReaderTest.class.getResource("/data/people.jsonl").toURI());

        // when
        var visitor = read(file, ReaderLimits.DEFAULT);

        // then missing columns come after the present ones, and the blank line 3 still counts
        assertThat(visitor.calls()).containsExactly(
                "header [id, name, score, active]",
                "row 1 line 1", "0 number 1.0", "1 text 'Alice'", "2 number 3.5", "3 bool true", "end",
                "row 2 line 2", "0 number 2.0", "1 text 'Bob \"B\"'", "2 missing", "3 bool false", "end",
                "row 3 line 4", "0 number 3.0", "3 bool true", "1 missing", "2 missing", "end",
                "row 4 line 5", "1 text 'Zoë'", "0 number 4.0", "2 number -2000.0", "3 missing", "end");
    }

    @Test
    void shouldAcceptCrLfAndBlankLastLines() throws Exception {
        // given
        var file = write("crlf.jsonl", "{\"a\": \"x\"}\r\n\r\n{\"a\": 12345678901234567890}\r\n  \r\n");

        // when
        var visitor = read(file, ReaderLimits.DEFAULT);

        // then
        assertThat(visitor.records()).containsExactly(
                "row 1 line 1", "0 text 'x'", "end",
                "row 2 line 3", "0 number 1.2345678901234567E19", "end");
    }

    @Test
    void shouldSkipByteOrderMark() throws Exception {
        // given
        var file = dir.resolve("bom.jsonl");
        Files.write(file, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '"', 'a', '"', ':', '1', '}', '\n'});

        // when
        var visitor = read(file, ReaderLimits.DEFAULT);

        // then
        assertThat(visitor.calls()).containsExactly("header [a]", "row 1 line 1", "0 number 1.0", "end");
    }

    @Test
    void shouldRejectKeyNotInFirstRecordNamingLineAndKey() throws Exception {
        // given
        var file = write("unknown.jsonl", "{\"a\": 1, \"b\": 2}\n{\"a\": 1, \"c\": 3}\n");

        // when
        var error = readError(file, ReaderLimits.DEFAULT);

        // then the column is where the key starts
        assertThat(error.getLine()).isEqualTo(2);
        assertThat(error.getColumn()).isEqualTo(10);
        assertThat(error.getDetail()).isEqualTo("key 'c' is not in the first record, whose keys define the columns");
    }

    @Test
    void shouldRejectNestedObjectNamingLineAndColumn() throws Exception {
        // given
        var file = write("nested.jsonl", "{\"a\": 1, \"b\": 2}\n{\"a\": 1, \"b\": {\"c\": 3}}\n");

        // when
        var error = readError(file, ReaderLimits.DEFAULT);

        // then
        assertThat(error.getLine()).isEqualTo(2);
        assertThat(error.getColumn()).isEqualTo(15);
        assertThat(error.getDetail()).isEqualTo(
                "key 'b' holds a nested object; expected a string, number, boolean or null (flatten nested data first)");
    }

    @Test
    void shouldRejectArrayInFirstRecord() throws Exception {
        // given
        var file = write("array.jsonl", "{\"tags\": [1, 2]}\n");

        // when
        var error = readError(file, ReaderLimits.DEFAULT);

        // then
        assertThat(error.getLine()).isEqualTo(1);
        assertThat(error.getColumn()).isEqualTo(10);
        assertThat(error.getDetail()).startsWith("key 'tags' holds an array; expected a string, number, boolean or null");
    }

    @Test
    void shouldRejectMalformedJsonWithJacksonsColumn() throws Exception {
        // given a missing comma on line 2
        var file = write("malformed.jsonl", "{\"a\": 1, \"b\": 2}\n{\"a\": 1 \"b\": 2}\n");

        // when
        var error = readError(file, ReaderLimits.DEFAULT);

        // then
        assertThat(error.getLine()).isEqualTo(2);
        assertThat(error.getColumn()).isEqualTo(9);
        assertThat(error.getDetail())
                .startsWith("malformed JSON: Unexpected character ('\"' (code 34)): was expecting comma")
                .endsWith("; expected one JSON object per line")
                .doesNotContain("\n", "Source");
    }

    @Test
    void shouldRejectObjectSpreadOverTwoLines() throws Exception {
        // given pretty-printed JSON rather than JSON Lines
        var file = write("pretty.jsonl", "{\"a\": 1,\n \"b\": 2}\n");

        // when
        var error = readError(file, ReaderLimits.DEFAULT);

        // then
        assertThat(error.getLine()).isEqualTo(1);
        assertThat(error.getDetail()).startsWith("malformed JSON: Unexpected end-of-input");
    }

    @Test
    void shouldRejectTwoObjectsOnOneLine() throws Exception {
        // given
        var file = write("two.jsonl", "{\"a\": 1} {\"a\": 2}\n");

        // when
        var error = readError(file, ReaderLimits.DEFAULT);

        // then
        assertThat(error.getLine()).isEqualTo(1);
        assertThat(error.getColumn()).isEqualTo(10);
        assertThat(error.getDetail()).isEqualTo("more than one JSON value on the line; expected one object per line");
    }

    @Test
    void shouldRejectLineThatIsNotAnObject() throws Exception {
        // given
        var file = write("array-line.jsonl", "{\"a\": 1}\n[1, 2]\n");

        // when
        var error = readError(file, ReaderLimits.DEFAULT);

        // then
        assertThat(error.getLine()).isEqualTo(2);
        assertThat(error.getColumn()).isEqualTo(1);
        assertThat(error.getDetail()).isEqualTo("found an array; expected a JSON object on each line");
    }

    @Test
    void shouldRejectRepeatedKey() throws Exception {
        // given
        var file = write("repeat.jsonl", "{\"a\": 1, \"b\": 2}\n{\"a\": 1, \"a\": 2}\n");

        // when
        var error = readError(file, ReaderLimits.DEFAULT);

        // then
        assertThat(error.getLine()).isEqualTo(2);
        assertThat(error.getDetail()).isEqualTo("key 'a' appears twice in the record; expected each key once");
    }

    @Test
    void shouldRejectNumberBeyondDoubleRange() throws Exception {
        // given
        var file = write("huge-number.jsonl", "{\"a\": 1e999}\n");

        // when
        var error = readError(file, ReaderLimits.DEFAULT);

        // then
        assertThat(error.getDetail()).isEqualTo("number 1e999 of key 'a' is out of range; expected a number that fits a 64-bit float");
    }

    @Test
    void shouldRejectLineLongerThanLimit() throws Exception {
        // given a limit of 19 characters, a 19-character line 1 and a 20-character line 2 (CRLF does not count)
        var file = write("long.jsonl", "{\"a\": \"0123456789\"}\r\n{\"a\": \"0123456789X\"}\r\n");

        // when
        var error = readError(file, new ReaderLimits(19, 10));

        // then
        assertThat(error.getLine()).isEqualTo(2);
        assertThat(error.getColumn()).isZero();
        assertThat(error.getDetail()).isEqualTo("line is longer than 19 characters; expected at most 19");
    }

    @Test
    void shouldCountCharactersNotBytesAgainstTheLimit() throws Exception {
        // given a 21-character line holding 26 bytes of UTF-8
        var file = write("utf8.jsonl", "{\"a\": \"Zoë Köln äöü\"}\n");

        // when
        var visitor = read(file, new ReaderLimits(21, 10));

        // then
        assertThat(visitor.records()).containsExactly("row 1 line 1", "0 text 'Zoë Köln äöü'", "end");
    }

    @Test
    void shouldFailFastInBoundedMemoryOnHugeLine() throws Exception {
        // given a 32 MiB line and a limit of 1,000 characters
        var file = dir.resolve("huge.jsonl");
        var chunk = " ".repeat(1 << 16).getBytes(StandardCharsets.US_ASCII);
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write("{\"a\": 1}\n{\"a\":".getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < 512; i++) {
                out.write(chunk);
            }
        }

        // when
        InputException error;
        long bytesRead;
        try (var reader = DatasetReader.open(file, DataFormat.JSONL, new ReaderLimits(1000, 10))) {
            error = catchThrowableOfType(InputException.class, () -> reader.read(new RecordingVisitor()));
            bytesRead = reader.bytesRead();
        }

        // then
        assertThat(error.getLine()).isEqualTo(2);
        assertThat(error.getDetail()).startsWith("line is longer than 1000 characters");
        assertThat(bytesRead).isLessThanOrEqualTo(1L << 20);
    }

    @Test
    void shouldRejectInvalidUtf8InString() throws Exception {
        // given a Latin-1 'é' inside a string on line 2
        var file = dir.resolve("latin1.jsonl");
        Files.write(file, new byte[] {'{', '"', 'a', '"', ':', '1', '}', '\n', '{', '"', 'a', '"', ':', '"', 'C', (byte) 0xE9, '"', '}', '\n'});

        // when
        var error = readError(file, ReaderLimits.DEFAULT);

        // then
        assertThat(error.getLine()).isEqualTo(2);
        assertThat(error.getDetail()).startsWith("malformed JSON: Invalid UTF-8");
    }

    @Test
    void shouldRejectFirstRecordWithoutKeys() throws Exception {
        // given
        var file = write("no-keys.jsonl", "\n{}\n{\"a\": 1}\n");

        // when
        var error = readError(file, ReaderLimits.DEFAULT);

        // then
        assertThat(error.getLine()).isEqualTo(2);
        assertThat(error.getDetail()).isEqualTo("the first record has no keys; expected an object whose keys name the columns");
    }

    @Test
    void shouldRejectFirstRecordWithTooManyKeys() throws Exception {
        // given
        var file = write("wide.jsonl", "{\"a\": 1, \"b\": 2, \"c\": 3}\n");

        // when
        var error = readError(file, new ReaderLimits(100, 2));

        // then
        assertThat(error.getColumn()).isEqualTo(18);
        assertThat(error.getDetail()).isEqualTo("the first record has more than 2 keys; expected at most 2 columns");
    }

    @Test
    void shouldRejectEmptyFile() throws Exception {
        // given
        var file = write("blank.jsonl", "\n \n");

        // when
        var error = readError(file, ReaderLimits.DEFAULT);

        // then
        assertThat(error.getMessage()).isEqualTo(file + ": the file is empty; expected one JSON object per line");
    }

    @Test
    void shouldHashTheWholeFileAndCountItsBytes() throws Exception {
        // given
        var file = write("hash.jsonl", "{\"a\": 1}\n\n");
        var expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));

        // when
        try (var reader = DatasetReader.open(file, DataFormat.JSONL, ReaderLimits.DEFAULT)) {
            reader.read(new RecordingVisitor());

            // then
            assertThat(reader.sha256()).isEqualTo(expected);
            assertThat(reader.bytesRead()).isEqualTo(Files.size(file)).isEqualTo(reader.totalBytes());
        }
    }

    private Path write(final String name, final String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    private static RecordingVisitor read(final Path file, final ReaderLimits limits) throws IOException {
        var visitor = new RecordingVisitor();
        try (var reader = DatasetReader.open(file, DataFormat.JSONL, limits)) {
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
}
