package io.mlops.validation;

import io.mlops.report.ErrorReport;
import io.mlops.report.ReportJson;
import io.mlops.report.Status;
import io.mlops.util.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DataValidatorTest {
    private static final String SCHEMA = """
            columns:
              id:      {type: integer, nullable: false, unique: true}
              age:     {type: integer, nullable: false, min: 18, max: 120}
              income:  {type: number, min: 0, maxMissingFraction: 0.1}
              country: {type: string, allowed: [US, DE, FR, IN, BR]}
              email:   {type: string, pattern: '^[^@]+@[^@]+$'}
              signup:  {type: timestamp}
            rows: {min: 10}
            extraColumns: error
            """;
    private static final String HEADER = "id,age,income,country,email,signup";
    private static final String[] COUNTRIES = {"US", "DE", "FR", "IN", "BR"};

    @TempDir
    private Path dir;

    @Test
    void shouldPassCleanData() throws IOException {
        var report = validate(cleanRows(200));

        assertThat(report.status()).isEqualTo(Status.PASSED);
        assertThat(report.checks()).isNotEmpty().allSatisfy(c -> assertThat(c.status()).isEqualTo(Status.PASSED));
        assertThat(report.dataset().rows()).isEqualTo(200);
        assertThat(report.dataset().columns()).isEqualTo(6);
        assertThat(report.dataset().sha256()).hasSize(64);
        assertThat(report.checks()).extracting(CheckResult::name)
                .contains("rows", "type", "nullable", "unique", "min", "max", "maxMissingFraction", "allowed", "pattern");
    }

    @Test
    void shouldProfileEveryColumn() throws IOException {
        var report = validate(cleanRows(200));

        var age = report.columns().get("age");
        assertThat(age.type()).isEqualTo(ColumnType.INTEGER);
        assertThat(age.count()).isEqualTo(200);
        assertThat(age.missing()).isZero();
        assertThat((Double) age.min()).isGreaterThanOrEqualTo(18);
        assertThat(age.mean()).isBetween(30.0, 60.0);
        assertThat(age.stddev()).isPositive();
        assertThat(age.quantiles()).containsKeys("0.01", "0.5", "0.99");
        var income = report.columns().get("income");
        assertThat(income.missing()).isEqualTo(10);
        var country = report.columns().get("country");
        assertThat(country.distinct()).isEqualTo(5);
        assertThat(country.topValues()).hasSize(5);
        assertThat(country.mean()).isNull();
        assertThat(report.columns().get("signup").min()).isEqualTo("2024-01-01T00:00:00Z");
        assertThat(report.columns().keySet()).containsExactly("id", "age", "income", "country", "email", "signup");
    }

    @Test
    void shouldComputeExactMomentsOfANumericColumn() throws IOException {
        var rows = new ArrayList<String>();
        for (int i = 1; i <= 20; i++) {
            rows.add(i + "," + (20 + i) + "," + i * 1.5 + ",US,a" + i + "@x.io,2024-01-01");
        }

        var income = validate(rows).columns().get("income");

        // 1.5 * (1..20): mean 15.75, sample stddev 1.5 * sqrt(35)
        assertThat(income.mean()).isEqualTo(15.75, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(income.stddev()).isEqualTo(1.5 * Math.sqrt(35), org.assertj.core.data.Offset.offset(1e-12));
        assertThat(income.min()).isEqualTo(1.5);
        assertThat(income.max()).isEqualTo(30.0);
    }

    @Test
    void shouldFailNullableOnTheColumnWithAMissingValue() throws IOException {
        var report = validate(change(cleanRows(50), 17, row -> row.replaceFirst(",\\d+,", ",,")));

        assertThat(report.status()).isEqualTo(Status.FAILED);
        assertThat(failed(report)).containsExactly("nullable(age)");
    }

    @Test
    void shouldFailMinAndMaxNamingTheFirstOffendingLine() throws IOException {
        var rows = change(change(cleanRows(50), 4, row -> replaceField(row, 1, "7")), 9,
                row -> replaceField(row, 1, "130"));

        var report = validate(rows);

        assertThat(failed(report)).containsExactly("min(age)", "max(age)");
        assertThat(check(report, "min", "age").message()).contains("1 values are below the minimum 18")
                .contains("first at line 6: '7'");
        assertThat(check(report, "max", "age").message()).contains("first at line 11: '130'");
    }

    @Test
    void shouldFailMaxMissingFractionWhenTooManyIncomesAreMissing() throws IOException {
        var rows = cleanRows(50);
        for (int i = 0; i < 10; i++) {
            rows = change(rows, i * 2 + 1, row -> replaceField(row, 2, ""));
        }

        var report = validate(rows);

        assertThat(failed(report)).containsExactly("maxMissingFraction(income)");
    }

    @Test
    void shouldFailAllowedOnAnUnknownCountry() throws IOException {
        var report = validate(change(cleanRows(50), 30, row -> replaceField(row, 3, "XX")));

        assertThat(failed(report)).containsExactly("allowed(country)");
        assertThat(check(report, "allowed", "country").message()).contains("line 32: 'XX'");
    }

    @Test
    void shouldFailPatternOnAMalformedEmail() throws IOException {
        var report = validate(change(cleanRows(50), 3, row -> replaceField(row, 4, "not-an-email")));

        assertThat(failed(report)).containsExactly("pattern(email)");
    }

    @Test
    void shouldFailUniqueAndConfirmTheDuplicateExactly() throws IOException {
        var report = validate(change(cleanRows(50), 40, row -> replaceField(row, 0, "3")));

        assertThat(failed(report)).containsExactly("unique(id)");
        assertThat(check(report, "unique", "id").message())
                .isEqualTo("1 rows repeat an earlier value, e.g. '3' at lines 4 and 42");
    }

    @Test
    void shouldFailRowsWhenTheDatasetIsTooSmall() throws IOException {
        var report = validate(cleanRows(5));

        assertThat(failed(report)).containsExactly("rows");
        assertThat(check(report, "rows", null).message()).isEqualTo("5 rows, fewer than the 10 required");
    }

    @Test
    void shouldFailOnAMissingAndAnExtraColumn() throws IOException {
        var rows = cleanRows(20).stream().map(row -> row.substring(0, row.lastIndexOf(',')) + ",x").toList();
        var data = write("data.csv", "id,age,income,country,email,extra", rows);

        var report = new DataValidator().validate(ValidationRequest.of(data, schema(SCHEMA)), ProgressListener.NONE);

        assertThat(failed(report)).containsExactly("missingColumn(signup)", "extraColumn(extra)");
    }

    @Test
    void shouldOnlyWarnAboutExtraColumnsWhenTheSchemaSaysSo() throws IOException {
        var data = write("data.csv", "id,age,note", List.of("1,30,a", "2,31,b"));
        var schema = schema("columns:\n  id: {type: integer}\n  age: {type: integer}\nextraColumns: warning\n");

        var report = new DataValidator().validate(ValidationRequest.of(data, schema), ProgressListener.NONE);

        assertThat(report.status()).isEqualTo(Status.PASSED);
        assertThat(check(report, "extraColumn", "note").severity()).isEqualTo(Severity.WARNING);
        assertThat(report.summary()).contains("1 warning");
    }

    @Test
    void shouldNameLineAndColumnOfAValueThatIsNotAnInteger() throws IOException {
        var data = write("data.csv", HEADER, change(cleanRows(50), 11, row -> replaceField(row, 1, "forty")));

        assertThatThrownBy(() -> new DataValidator().validate(ValidationRequest.of(data, schema(SCHEMA)),
                ProgressListener.NONE))
                .isInstanceOfSatisfying(InputException.class, e -> {
                    assertThat(e.getLine()).isEqualTo(13);
                    assertThat(e.getColumn()).isEqualTo(2);
                    assertThat(e.getMessage()).isEqualTo(data + ", line 13, column 2: column 'age': 'forty' is not "
                            + "an integer (schema type integer)");
                });
    }

    @Test
    void shouldNameAMissingReferenceFile() throws IOException {
        var data = write("data.csv", HEADER, cleanRows(20));
        var reference = dir.resolve("missing.csv");

        assertThatThrownBy(() -> new DataValidator().validate(ValidationRequest.of(data, schema(SCHEMA))
                .withReference(reference), ProgressListener.NONE))
                .isInstanceOf(InputException.class)
                .hasMessage(reference + ": cannot read: no such file");
    }

    @Test
    void shouldNameTheLineOfABadValueInTheReferenceReadBesideTheData() throws IOException {
        var data = write("data.csv", HEADER, cleanRows(5_000));
        var reference = write("reference.csv", HEADER, change(cleanRows(50), 30,
                row -> replaceField(row, 1, "forty")));

        assertThatThrownBy(() -> new DataValidator().validate(ValidationRequest.of(data, schema(SCHEMA))
                .withReference(reference), ProgressListener.NONE))
                .isInstanceOf(InputException.class)
                .hasMessage(reference + ", line 32, column 2: column 'age': 'forty' is not an integer (schema type "
                        + "integer)");
    }

    @Test
    void shouldReportTheDatasetsErrorAndStopTheReferencePassWhenBothAreRead() throws IOException {
        var data = write("data.csv", HEADER, change(cleanRows(50), 11, row -> replaceField(row, 1, "forty")));
        var reference = write("reference.csv", HEADER, cleanRows(200_000));

        assertThatThrownBy(() -> new DataValidator().validate(ValidationRequest.of(data, schema(SCHEMA))
                .withReference(reference), ProgressListener.NONE))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith(data + ", line 13, column 2:");
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("mlops-reference"));
    }

    @Test
    void shouldStopBothPassesAndWriteAnErrorReportWhenInterrupted() throws Exception {
        var data = write("data.csv", HEADER, cleanRows(20));
        var reference = write("reference.csv", HEADER, cleanRows(400_000));
        var reports = dir.resolve("reports");
        var failure = new java.util.concurrent.atomic.AtomicReference<Throwable>();
        var started = new java.util.concurrent.CountDownLatch(1);
        var run = new Thread(() -> {
            try {
                new DataValidator().validate(ValidationRequest.of(data, schema(SCHEMA)).withReference(reference)
                        .withReportDir(reports), (file, rows, bytesDone, bytesTotal) -> {
                            if (rows > 20) {
                                // the reference is being read, and the 20-row dataset is done
                                started.countDown();
                            }
                        });
            }
            catch (Throwable e) {
                failure.set(e);
            }
        });

        run.start();
        started.await();
        run.interrupt();
        run.join(30_000);

        assertThat(run.isAlive()).isFalse();
        assertThat(failure.get()).isInstanceOf(IllegalStateException.class).hasMessageContaining("interrupted");
        assertInterruptedReport(reports);
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("mlops-reference"));
    }

    @Test
    void shouldReportAnInterruptedReadAsInterruptedNotAsBadInput() throws IOException {
        // an aborted build interrupts the thread: opening the file then fails with ClosedByInterruptException, which
        // the reader reports as "cannot read"; that is no input problem (no InputException), but no result either
        var data = write("data.csv", HEADER, cleanRows(20));
        var reports = dir.resolve("reports");

        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> new DataValidator().validate(ValidationRequest.of(data, schema(SCHEMA))
                    .withReportDir(reports), ProgressListener.NONE))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("interrupted");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        }
        finally {
            Thread.interrupted();
        }
        assertInterruptedReport(reports);
    }

    /** The ERROR report that replaces whatever an earlier run left, so that no stale result is taken for this one. */
    private static void assertInterruptedReport(final Path reports) throws IOException {
        var error = ReportJson.read(reports.resolve("report.json"), ErrorReport.class);
        assertThat(error.status()).isEqualTo(Status.ERROR);
        assertThat(error.summary()).isEqualTo("validateData was interrupted and stopped before a result");
        assertThat(reports.resolve("junit.xml")).content().contains("interrupted");
    }

    @Test
    void shouldReportBothFilesProgressAsOne() throws IOException {
        var data = write("data.csv", HEADER, cleanRows(100_000));
        var reference = write("reference.csv", HEADER, cleanRows(70_000));
        var names = java.util.concurrent.ConcurrentHashMap.<String>newKeySet();
        var last = new long[3];

        new DataValidator().validate(ValidationRequest.of(data, schema(SCHEMA)).withReference(reference),
                (file, rows, bytesDone, bytesTotal) -> {
                    names.add(file);
                    last[0] = rows;
                    last[1] = bytesDone;
                    last[2] = bytesTotal;
                });

        assertThat(names).containsExactly("data.csv + reference.csv");
        long bytes = Files.size(data) + Files.size(reference);
        assertThat(last).containsExactly(170_000, bytes, bytes);
    }

    @Test
    void shouldInferTypesWithoutASchema() throws IOException {
        var data = write("data.csv", HEADER, cleanRows(30));

        var report = new DataValidator().validate(ValidationRequest.of(data, null), ProgressListener.NONE);

        assertThat(report.status()).isEqualTo(Status.PASSED);
        assertThat(report.checks()).isEmpty();
        assertThat(report.columns().get("id").type()).isEqualTo(ColumnType.INTEGER);
        assertThat(report.columns().get("income").type()).isEqualTo(ColumnType.NUMBER);
        assertThat(report.columns().get("country").type()).isEqualTo(ColumnType.STRING);
        assertThat(report.columns().get("signup").type()).isEqualTo(ColumnType.TIMESTAMP);
    }

    @Test
    void shouldFailTheTypeCheckOfAJsonLinesStringInANumberColumn() throws IOException {
        var data = dir.resolve("data.jsonl");
        Files.writeString(data, """
                {"id": 1, "score": 0.5}
                {"id": 2, "score": "high"}
                {"id": 3, "score": 0.7}
                """);
        var schema = schema("columns:\n  id: {type: integer}\n  score: {type: number}\n");

        var report = new DataValidator().validate(ValidationRequest.of(data, schema), ProgressListener.NONE);

        assertThat(failed(report)).containsExactly("type(score)");
        assertThat(check(report, "type", "score").message()).contains("first at line 2: 'high'");
    }

    @Test
    void shouldValidateParquetWithItsOwnTypes() throws IOException {
        var schema = org.apache.parquet.schema.Types.buildMessage()
                .required(org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.INT64).named("id")
                .optional(org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.DOUBLE).named("score")
                .required(org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.BINARY)
                .as(org.apache.parquet.schema.LogicalTypeAnnotation.stringType()).named("code")
                .named("row");
        var data = dir.resolve("data.parquet");
        var groups = new org.apache.parquet.example.data.simple.SimpleGroupFactory(schema);
        try (var writer = org.apache.parquet.hadoop.example.ExampleParquetWriter
                .builder(new org.apache.parquet.io.LocalOutputFile(data)).withType(schema).build()) {
            for (int i = 1; i <= 100; i++) {
                var row = groups.newGroup().append("id", (long) i).append("code", i % 10 == 0 ? "x" + i : "7");
                if (i % 25 != 0) {
                    row.append("score", i / 100.0);
                }
                writer.write(row);
            }
        }
        var rules = schema("columns:\n  id: {type: integer, unique: true}\n  score: {type: number, max: 1}\n"
                + "  code: {type: integer}\n");

        var report = new DataValidator().validate(ValidationRequest.of(data, rules), ProgressListener.NONE);

        assertThat(report.dataset().format()).isEqualTo("parquet");
        assertThat(report.dataset().rows()).isEqualTo(100);
        assertThat(report.columns().get("score").missing()).isEqualTo(4);
        assertThat(report.columns().get("score").max()).isEqualTo(0.99);
        assertThat(failed(report)).containsExactly("type(code)");
        assertThat(check(report, "type", "code").message()).isEqualTo("100 values are not integer, first at line 1: '7'");
    }

    @Test
    void shouldFindDriftOnAShiftedColumnAndNotOnAnIdenticallyDistributedOne() throws IOException {
        var reference = write("reference.csv", "steady,shifted", twoColumns(3000, 0, 0.0));
        var current = write("current.csv", "steady,shifted", twoColumns(3000, 1, 1.0));

        var report = new DataValidator().validate(ValidationRequest.of(current, null).withReference(reference),
                ProgressListener.NONE);

        assertThat(report.drift().columns().get("shifted").drifted()).isTrue();
        assertThat(report.drift().columns().get("steady").drifted()).isFalse();
        assertThat(report.driftedColumns()).containsExactly("shifted");
        assertThat(report.reference().rows()).isEqualTo(3000);
        assertThat(report.drift().share()).isEqualTo(0.5);
        assertThat(report.status()).isEqualTo(Status.FAILED);
    }

    @Test
    void shouldNotCompareKeysOrTimestampsForDriftUnlessTheSchemaListsThem() throws IOException {
        var reference = write("reference.csv", HEADER, cleanRows(100));
        var current = write("current.csv", HEADER, cleanRows(100).stream().map(row -> "9" + row).toList());

        var report = new DataValidator().validate(ValidationRequest.of(current, schema(SCHEMA))
                .withReference(reference), ProgressListener.NONE);

        assertThat(report.drift().columns()).containsOnlyKeys("age", "income", "country", "email");
    }

    @Test
    void shouldFindTheSameDriftFromSamplesAsFromExactValues() throws IOException {
        var reference = write("reference.csv", "steady,shifted", twoColumns(3000, 0, 0.0));
        var current = write("current.csv", "steady,shifted", twoColumns(3000, 1, 1.0));
        var request = ValidationRequest.of(current, null).withReference(reference);

        var sampled = new DataValidator(0).validate(request, ProgressListener.NONE);

        assertThat(sampled.drift().columns().get("shifted").sampling()).isEqualTo("sample");
        assertThat(sampled.driftedColumns()).containsExactly("shifted");
    }

    /** Two standard normal columns; the second one moved by {@code shift}. */
    private static List<String> twoColumns(final int rows, final int seed, final double shift) {
        var random = new Random(seed);
        var lines = new ArrayList<String>();
        for (int i = 0; i < rows; i++) {
            lines.add(random.nextGaussian() + "," + (random.nextGaussian() + shift));
        }
        return lines;
    }

    private ValidationReport validate(final List<String> rows) throws IOException {
        var data = write("data.csv", HEADER, rows);
        return new DataValidator().validate(ValidationRequest.of(data, schema(SCHEMA)), ProgressListener.NONE);
    }

    private Path schema(final String text) throws IOException {
        var file = dir.resolve("schema.yaml");
        Files.writeString(file, text);
        return file;
    }

    private Path write(final String name, final String header, final List<String> rows) throws IOException {
        var file = dir.resolve(name);
        var lines = new ArrayList<String>();
        lines.add(header);
        lines.addAll(rows);
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }

    private static List<String> cleanRows(final int count) {
        var random = new Random(count);
        var rows = new ArrayList<String>();
        for (int i = 1; i <= count; i++) {
            var income = i % 20 == 0 ? "" : String.valueOf(20_000 + random.nextInt(80_000) + 0.25);
            rows.add(i + "," + (18 + random.nextInt(60)) + "," + income + "," + COUNTRIES[i % COUNTRIES.length]
                    + ",user" + i + "@example.com,2024-01-" + String.format("%02d", 1 + i % 28));
        }
        return rows;
    }

    /** Changes the data row with 0-based index {@code row}, which is on line {@code row + 2} of the file. */
    private static List<String> change(final List<String> rows, final int row, final UnaryOperator<String> edit) {
        var copy = new ArrayList<>(rows);
        copy.set(row, edit.apply(copy.get(row)));
        return copy;
    }

    private static String replaceField(final String row, final int field, final String value) {
        var fields = row.split(",", -1);
        fields[field] = value;
        return String.join(",", fields);
    }

    private static List<String> failed(final ValidationReport report) {
        return report.checks().stream().filter(CheckResult::failed)
                .map(c -> c.column() == null ? c.name() : c.name() + "(" + c.column() + ")").toList();
    }

    private static CheckResult check(final ValidationReport report, final String name, final String column) {
        return report.checks().stream()
                .filter(c -> c.name().equals(name) && java.util.Objects.equals(c.column(), column))
                .findFirst().orElseThrow();
    }
}
