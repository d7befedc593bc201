package io.mlops.bench;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.mlops.validation.ColumnSpec;
import io.mlops.validation.ColumnType;
import io.mlops.validation.SchemaFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class DatasetGeneratorTest {
    private static final int ROWS = 1_000;

    @TempDir
    private Path dir;

    @Test
    void shouldWriteTheSameBytesForTheSameSeedAndOtherRowsForAnotherSeed() throws IOException {
        byte[] first = generate(42);
        byte[] again = generate(42);
        byte[] other = generate(7);

        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first).hasSizeBetween(first.length * 9 / 10, first.length * 11 / 10);
    }

    @Test
    void shouldWriteTwentyColumnsShapedLikeThePerformanceDataset() throws IOException {
        byte[] csv = generate(42);
        List<CsvRecord> records = parse(csv);

        assertThat(records.get(0).getFields()).isEqualTo(DatasetGenerator.COLUMNS);
        var rows = records.subList(1, records.size());
        assertThat(rows).hasSize(ROWS).allSatisfy(r -> assertThat(r.getFieldCount()).isEqualTo(20));
        assertThat(csv.length / (double) ROWS).as("bytes per row").isBetween(125.0, 150.0);
        assertThat(rows.stream().map(r -> r.getField(0)).distinct().count()).as("distinct ids").isEqualTo(ROWS);
        long emptyTemp = rows.stream().filter(r -> r.getField(7).isEmpty()).count();
        assertThat(emptyTemp).as("empty temp cells of 1,000 (2%)").isBetween(8L, 35L);
        assertThat(rows).allSatisfy(r -> {
            for (int i = 0; i < 20; i++) {
                assertThat(r.getField(i).isEmpty()).as("column " + i).isEqualTo(i == 7 && r.getField(7).isEmpty());
            }
        });
        var fractionDigits = new HashSet<Integer>();
        for (int column = 5; column < 15; column++) {
            for (CsvRecord row : rows) {
                var value = row.getField(column);
                if (!value.isEmpty()) {
                    fractionDigits.add(value.length() - value.indexOf('.') - 1);
                }
            }
        }
        assertThat(fractionDigits).containsAll(List.of(1, 2, 3, 4, 5, 7, 8, 9))
                .allSatisfy(digits -> assertThat(digits).isBetween(1, 9));
        assertThat(distinct(rows, 15)).isEqualTo(15);
        assertThat(distinct(rows, 16)).isEqualTo(4);
        assertThat(distinct(rows, 17)).isEqualTo(4);
        assertThat(distinct(rows, 18)).as("Zipf segments in 1,000 rows").isBetween(300, 600);
        assertThat(rows.stream().filter(r -> r.getField(17).equals("free")).count()).as("plan is skewed")
                .isGreaterThan(ROWS / 2);
    }

    @Test
    void shouldWriteASchemaThatTheEngineReadsAndTheDataSatisfies() throws IOException {
        var schema = SchemaFile.read(DatasetGenerator.ensureSchema(dir.resolve("schema.yaml")));
        var rows = parse(generate(7));

        assertThat(List.copyOf(schema.columns().keySet())).isEqualTo(DatasetGenerator.COLUMNS);
        assertThat(schema.columns().get("id").isUnique()).isTrue();
        assertThat(schema.columns().get("temp").maxMissingFraction()).isEqualTo(0.05);
        assertThat(schema.columns().values().stream().filter(c -> !c.isNullable()).count()).isEqualTo(19);
        for (int column = 0; column < 20; column++) {
            var spec = schema.columns().get(DatasetGenerator.COLUMNS.get(column));
            for (CsvRecord row : rows.subList(1, rows.size())) {
                var value = row.getField(column);
                if (!value.isEmpty()) {
                    assertThat(satisfies(spec, value)).as(DatasetGenerator.COLUMNS.get(column) + " = " + value)
                            .isTrue();
                }
            }
        }
    }

    @Test
    void shouldReuseACompleteFileAndRegenerateAChangedOne() throws IOException {
        var file = dir.resolve("current.csv");
        DatasetGenerator.ensure(file, ROWS, 42);
        var written = Files.getLastModifiedTime(file);

        assertThat(Files.getLastModifiedTime(DatasetGenerator.ensure(file, ROWS, 42))).isEqualTo(written);
        Files.writeString(file, "truncated");
        assertThat(Files.readAllBytes(DatasetGenerator.ensure(file, ROWS, 42))).isEqualTo(generate(42));
        assertThat(Files.readAllBytes(DatasetGenerator.ensure(file, ROWS, 43))).isEqualTo(generate(43));
    }

    private static boolean satisfies(final ColumnSpec spec, final String value) {
        if (spec.type() == ColumnType.BOOLEAN) {
            return value.equals("true") || value.equals("false");
        }
        if (spec.type().isNumeric()) {
            double number = Double.parseDouble(value);
            return (spec.type() != ColumnType.INTEGER || !value.contains("."))
                    && (spec.min() == null || number >= ((Number) spec.min()).doubleValue())
                    && (spec.max() == null || number <= ((Number) spec.max()).doubleValue());
        }
        return (spec.allowed() == null || spec.allowed().contains(value))
                && (spec.pattern() == null || Pattern.matches(spec.pattern(), value));
    }

    private static int distinct(final List<CsvRecord> rows, final int column) {
        Map<String, Integer> counts = new HashMap<>();
        rows.forEach(r -> counts.merge(r.getField(column), 1, Integer::sum));
        return counts.size();
    }

    private static byte[] generate(final long seed) throws IOException {
        var out = new ByteArrayOutputStream();
        long bytes = new DatasetGenerator(seed).write(out, ROWS);
        assertThat(bytes).isEqualTo(out.size());
        return out.toByteArray();
    }

    private static List<CsvRecord> parse(final byte[] csv) throws IOException {
        try (var reader = CsvReader.builder().ofCsvRecord(new String(csv, StandardCharsets.US_ASCII))) {
            return reader.stream().toList();
        }
    }
}
