package io.mlops.data;

import io.mlops.util.InputException;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.NanoTime;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Types;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;

import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.BINARY;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.BOOLEAN;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.DOUBLE;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.FLOAT;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.INT32;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.INT64;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.INT96;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ParquetDatasetReaderTest {
    @TempDir
    Path dir;

    @Test
    void shouldReadNumbersBooleansAndStringsWithNullsAsMissing() throws Exception {
        // given
        var schema = Types.buildMessage()
                .required(INT32).named("i32")
                .optional(INT64).named("i64")
                .optional(FLOAT).named("f32")
                .optional(DOUBLE).named("f64")
                .optional(BOOLEAN).named("flag")
                .optional(BINARY).as(LogicalTypeAnnotation.stringType()).named("name")
                .named("record");
        var file = write("types.parquet", schema, List.of(
                row -> row.append("i32", 1).append("i64", 1L << 40).append("f32", 0.5f).append("f64", -2.25)
                        .append("flag", true).append("name", "Zoë"),
                row -> row.append("i32", -7)));

        // when
        var visitor = read(file);

        // then
        assertThat(visitor.calls()).containsExactly(
                "header [i32, i64, f32, f64, flag, name]",
                "row 1 line 1", "0 number 1.0", "1 number 1.099511627776E12", "2 number 0.5", "3 number -2.25",
                "4 bool true", "5 text 'Zoë'", "end",
                "row 2 line 2", "0 number -7.0", "1 missing", "2 missing", "3 missing", "4 missing", "5 missing", "end");
    }

    @Test
    void shouldReadDictionaryEncodedStringsAcrossRowGroups() throws Exception {
        // given 3,000 rows of a three-valued category, in small row groups
        var schema = Types.buildMessage()
                .required(INT64).named("id")
                .optional(BINARY).as(LogicalTypeAnnotation.stringType()).named("country")
                .named("record");
        var rows = new ArrayList<Consumer<Group>>();
        for (long i = 0; i < 3000; i++) {
            long id = i;
            rows.add(row -> row.append("id", id).append("country", List.of("DE", "FR", "US").get((int) (id % 3))));
        }
        var file = write("groups.parquet", schema, rows, 4096, true);
        try (var parquet = ParquetFileReader.open(new LocalInputFile(file))) {
            assertThat(parquet.getRowGroups()).hasSizeGreaterThan(1);
            assertThat(parquet.getRowGroups().get(0).getColumns().get(1).hasDictionaryPage()).isTrue();
        }

        // when
        var visitor = read(file);

        // then every row arrives whole and in order, with its row number as the line
        var calls = visitor.records();
        assertThat(calls).hasSize(3000 * 4);
        assertThat(calls.subList(4 * 2999, 4 * 3000))
                .containsExactly("row 3000 line 3000", "0 number 2999.0", "1 text 'US'", "end");
        assertThat(calls.stream().filter(call -> call.startsWith("1 text 'FR'"))).hasSize(1000);
    }

    @Test
    void shouldFormatTimestampsAsUtcInstantsAndDatesAsIsoDates() throws Exception {
        // given one instant with millisecond, microsecond and nanosecond parts, in every timestamp encoding
        long nanos = Instant.parse("2024-02-29T23:59:58.123456789Z").getEpochSecond() * 1_000_000_000L + 123_456_789L;
        var schema = Types.buildMessage()
                .optional(INT64).as(LogicalTypeAnnotation.timestampType(true, TimeUnit.MILLIS)).named("millis")
                .optional(INT64).as(LogicalTypeAnnotation.timestampType(true, TimeUnit.MICROS)).named("micros")
                .optional(INT64).as(LogicalTypeAnnotation.timestampType(false, TimeUnit.NANOS)).named("nanos")
                .optional(INT96).named("legacy")
                .optional(INT32).as(LogicalTypeAnnotation.dateType()).named("day")
                .optional(INT64).as(LogicalTypeAnnotation.timestampType(true, TimeUnit.MILLIS)).named("before1970")
                .named("record");
        var file = write("times.parquet", schema, List.of(row -> row
                .append("millis", nanos / 1_000_000).append("micros", nanos / 1_000).append("nanos", nanos)
                .append("legacy", new NanoTime(2_440_588 + 19_782, 86_398_123_456_789L).toBinary())
                .append("day", 19_782)
                .append("before1970", -1L)));

        // when
        var visitor = read(file);

        // then
        assertThat(visitor.records()).containsExactly("row 1 line 1",
                "0 text '2024-02-29T23:59:58.123Z'",
                "1 text '2024-02-29T23:59:58.123456Z'",
                "2 text '2024-02-29T23:59:58.123456789Z'",
                "3 text '2024-02-29T23:59:58.123456789Z'",
                "4 text '2024-02-29'",
                "5 text '1969-12-31T23:59:59.999Z'",
                "end");
    }

    @Test
    void shouldReadDecimalsUnsignedIntegersAndUuids() throws Exception {
        // given
        var schema = Types.buildMessage()
                .optional(INT64).as(LogicalTypeAnnotation.decimalType(2, 18)).named("price")
                .optional(FIXED_LEN_BYTE_ARRAY).length(16).as(LogicalTypeAnnotation.decimalType(3, 38)).named("big")
                .optional(INT32).as(LogicalTypeAnnotation.intType(32, false)).named("u32")
                .optional(INT64).as(LogicalTypeAnnotation.intType(64, false)).named("u64")
                .optional(FIXED_LEN_BYTE_ARRAY).length(16).as(LogicalTypeAnnotation.uuidType()).named("uuid")
                .named("record");
        var file = write("decimals.parquet", schema, List.of(row -> row
                .append("price", 1999L)
                .append("big", Binary.fromConstantByteArray(twosComplement16(BigInteger.valueOf(-123_456))))
                .append("u32", -1)
                .append("u64", -1L)
                .append("uuid", Binary.fromConstantByteArray(HexFormat.of().parseHex("123e4567e89b12d3a456426614174000")))));

        // when
        var visitor = read(file);

        // then
        assertThat(visitor.records()).containsExactly("row 1 line 1",
                "0 number 19.99", "1 number -123.456", "2 number 4.294967295E9", "3 number 1.8446744073709552E19",
                "4 text '123e4567-e89b-12d3-a456-426614174000'", "end");
    }

    @Test
    void shouldRejectNestedColumnNamingIt() throws Exception {
        // given
        var schema = Types.buildMessage()
                .required(INT32).named("id")
                .optionalGroup().required(BINARY).as(LogicalTypeAnnotation.stringType()).named("city").named("address")
                .named("record");
        var file = write("nested.parquet", schema, List.of(row -> {
            row.append("id", 1);
            row.addGroup("address").append("city", "Köln");
        }));

        // when
        var error = openError(file);

        // then
        assertThat(error.getColumn()).isEqualTo(2);
        assertThat(error.getDetail()).isEqualTo("column 'address' is a nested group; "
                + "expected flat columns of numbers, booleans, strings, dates or timestamps");
    }

    @Test
    void shouldRejectRepeatedAndListColumns() throws Exception {
        // given
        var repeated = write("repeated.parquet", Types.buildMessage()
                .required(INT32).named("id").repeated(INT32).named("tags").named("record"),
                List.of(row -> row.append("id", 1).append("tags", 2).append("tags", 3)));
        var list = write("list.parquet", Types.buildMessage()
                .optionalList().optionalElement(DOUBLE).named("scores").named("record"), List.of(row -> { }));

        // when
        var repeatedError = openError(repeated);
        var listError = openError(list);

        // then
        assertThat(repeatedError.getColumn()).isEqualTo(2);
        assertThat(repeatedError.getDetail()).startsWith("column 'tags' is repeated (a list of values per row); expected flat columns");
        assertThat(listError.getColumn()).isEqualTo(1);
        assertThat(listError.getDetail()).startsWith("column 'scores' is a nested group (LIST); expected flat columns");
    }

    @Test
    void shouldRejectUnsupportedTypeNamingColumn() throws Exception {
        // given an opaque fixed-length binary column
        var file = write("opaque.parquet", Types.buildMessage()
                .optional(FIXED_LEN_BYTE_ARRAY).length(4).named("blob").named("record"), List.of(row -> { }));

        // when
        var error = openError(file);

        // then
        assertThat(error.getColumn()).isEqualTo(1);
        assertThat(error.getDetail()).startsWith("column 'blob' has the unsupported Parquet type fixed_len_byte_array;");
    }

    @Test
    void shouldRejectStringThatIsNotUtf8NamingRowAndColumn() throws Exception {
        // given a Latin-1 'é' in row 2 of an unannotated binary column
        var schema = Types.buildMessage().optional(BINARY).named("id").optional(BINARY).named("raw").named("record");
        var file = write("latin1.parquet", schema, List.of(
                row -> row.append("id", "a").append("raw", "ok"),
                row -> row.append("id", "b").append("raw", Binary.fromConstantByteArray(new byte[] {'C', (byte) 0xE9}))));

        // when
        var error = catchThrowableOfType(InputException.class, () -> read(file));

        // then
        assertThat(error.getLine()).isEqualTo(2);
        assertThat(error.getColumn()).isEqualTo(2);
        assertThat(error.getDetail()).isEqualTo("column 'raw': the value is not valid UTF-8 text; expected UTF-8 strings");
    }

    @Test
    void shouldRejectFileThatIsNotParquet() throws Exception {
        // given
        var file = Files.writeString(dir.resolve("fake.parquet"), "id,name\n1,a\n");

        // when
        var error = openError(file);

        // then
        assertThat(error.getLine()).isZero();
        assertThat(error.getDetail()).startsWith("cannot read as Parquet: ").endsWith("; expected a Parquet file");
    }

    @Test
    void shouldHashTheFileInASecondPassAndReportFullProgress() throws Exception {
        // given
        var schema = Types.buildMessage().required(INT32).named("id").named("record");
        var file = write("hash.parquet", schema, List.of(row -> row.append("id", 1)));
        var expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));

        // when
        try (var reader = DatasetReader.open(file, DataFormat.PARQUET, ReaderLimits.DEFAULT)) {
            assertThat(reader.bytesRead()).isZero();
            reader.read(new RecordingVisitor());

            // then
            assertThat(reader.sha256()).isEqualTo(expected);
            assertThat(reader.bytesRead()).isEqualTo(Files.size(file)).isEqualTo(reader.totalBytes());
        }
    }

    /** Writes plain-encoded values in one row group. */
    private Path write(final String name, final MessageType schema, final List<Consumer<Group>> rows) throws IOException {
        return write(name, schema, rows, 128 << 20, false);
    }

    private Path write(final String name, final MessageType schema, final List<Consumer<Group>> rows,
                       final long rowGroupBytes, final boolean dictionary) throws IOException {
        var file = dir.resolve(name);
        var groups = new SimpleGroupFactory(schema);
        try (var writer = ExampleParquetWriter.builder(new LocalOutputFile(file))
                .withType(schema)
                .withRowGroupSize(rowGroupBytes)
                .withPageSize(1024)
                .withDictionaryEncoding(dictionary)
                .build()) {
            for (var row : rows) {
                var group = groups.newGroup();
                row.accept(group);
                writer.write(group);
            }
        }
        return file;
    }

    private static byte[] twosComplement16(final BigInteger value) {
        var minimal = value.toByteArray();
        var padded = new byte[16];
        Arrays.fill(padded, 0, 16 - minimal.length, value.signum() < 0 ? (byte) 0xFF : 0);
        System.arraycopy(minimal, 0, padded, 16 - minimal.length, minimal.length);
        return padded;
    }

    private static RecordingVisitor read(final Path file) throws IOException {
        var visitor = new RecordingVisitor();
        try (var reader = DatasetReader.open(file, DataFormat.PARQUET, ReaderLimits.DEFAULT)) {
            reader.read(visitor);
        }
        return visitor;
    }

    private static InputException openError(final Path file) {
        var error = catchThrowableOfType(InputException.class,
                () -> DatasetReader.open(file, DataFormat.PARQUET, ReaderLimits.DEFAULT).close());
        assertThat(error).as("opening %s should fail", file).isNotNull();
        assertThat(error.getFile()).isEqualTo(file.toString());
        return error;
    }
}
