package io.mlops.validation;

import io.mlops.util.InputException;
import io.mlops.validation.drift.DriftMethod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SchemaFileTest {
    private static final String DOCUMENTED = """
            columns:
              id:      {type: integer, nullable: false, unique: true}
              age:     {type: integer, nullable: false, min: 18, max: 120}
              income:  {type: number, min: 0, maxMissingFraction: 0.05}
              country: {type: string, allowed: [US, DE, FR, IN, BR]}
              email:   {type: string, pattern: '^[^@]+@[^@]+$'}
              signup:  {type: timestamp}
            rows: {min: 1000}
            extraColumns: error        # error | warning | ignore
            drift:                     # used when a reference dataset is given
              method: auto             # auto | ks | chi2 | z | wasserstein | jensen_shannon | psi
              threshold: null          # null = the method's default
              shareThreshold: 0.5
              columns: [age, income, country]   # default: every column in both datasets
            """;

    @TempDir
    private Path dir;

    @Test
    void shouldReadTheSchemaOfTheDesign() throws IOException {
        var file = write("schema.yaml", DOCUMENTED);

        var schema = SchemaFile.read(file);

        assertThat(schema.columns()).containsOnlyKeys("id", "age", "income", "country", "email", "signup");
        assertThat(schema.columns().keySet()).containsExactly("id", "age", "income", "country", "email", "signup");
        var age = schema.columns().get("age");
        assertThat(age.type()).isEqualTo(ColumnType.INTEGER);
        assertThat(age.isNullable()).isFalse();
        assertThat(age.min()).isEqualTo(18);
        assertThat(schema.columns().get("id").isUnique()).isTrue();
        assertThat(schema.columns().get("income").maxMissingFraction()).isEqualTo(0.05);
        assertThat(schema.columns().get("country").allowed()).containsExactly("US", "DE", "FR", "IN", "BR");
        assertThat(schema.rows().min()).isEqualTo(1000);
        assertThat(schema.extraColumnsPolicy()).isEqualTo(ExtraColumns.ERROR);
        assertThat(schema.driftSpec().method()).isEqualTo(DriftMethod.AUTO);
        assertThat(schema.driftSpec().columns()).containsExactly("age", "income", "country");
    }

    @Test
    void shouldReadJsonSchemas() throws IOException {
        var file = write("schema.json", """
                {"columns": {"age": {"type": "integer", "max": 120}}, "extraColumns": "warning"}
                """);

        var schema = SchemaFile.read(file);

        assertThat(schema.columns().get("age").max()).isEqualTo(120);
        assertThat(schema.extraColumnsPolicy()).isEqualTo(ExtraColumns.WARNING);
    }

    @Test
    void shouldWriteWhatItReadsBack() throws IOException {
        var schema = SchemaFile.read(write("schema.yaml", DOCUMENTED));
        var copy = dir.resolve("copy.yaml");

        SchemaFile.write(schema, copy);

        assertThat(SchemaFile.read(copy)).isEqualTo(schema);
        assertThat(Files.readString(copy)).contains("  age:").contains("{type: integer, nullable: false, min: 18");
    }

    @Test
    void shouldWriteBoundsThatReadBackExactly() throws IOException {
        var schema = new DataSchema(Map.of("score", new ColumnSpec(ColumnType.NUMBER, null, null, 0.1234567891,
                12345678.9, null, null, null)), null, ExtraColumns.IGNORE, null);
        var file = dir.resolve("bounds.yaml");

        SchemaFile.write(schema, file);

        var read = SchemaFile.read(file).columns().get("score");
        assertThat(read.min()).isEqualTo(0.1234567891);
        assertThat(read.max()).isEqualTo(12345678.9);
    }

    @Test
    void shouldQuoteNamesAndValuesThatYamlWouldReadDifferently() throws IOException {
        var schema = new DataSchema(Map.of("no", new ColumnSpec(ColumnType.STRING, null, null, null, null, null,
                List.of("yes", "01", "it's", "a: b"), null)), null, ExtraColumns.IGNORE, null);
        var file = dir.resolve("tricky.yaml");

        SchemaFile.write(schema, file);

        assertThat(SchemaFile.read(file).columns().get("no").allowed()).containsExactly("yes", "01", "it's", "a: b");
    }

    @Test
    void shouldNameLineAndColumnOfAYamlSyntaxError() throws IOException {
        var file = write("broken.yaml", "columns:\n  age: {type: integer}\n  income: {type: number}}\n");

        assertThatThrownBy(() -> SchemaFile.read(file))
                .isInstanceOfSatisfying(InputException.class, e -> {
                    assertThat(e.getFile()).isEqualTo(file.toString());
                    assertThat(e.getLine()).isEqualTo(3);
                    assertThat(e.getColumn()).isPositive();
                    assertThat(e.getMessage()).startsWith(file + ", line 3, column").contains("invalid schema")
                            .contains("expected <block end>, but found '}'");
                    assertThat(e.getMessage()).doesNotContain("\n");
                });
    }

    @Test
    void shouldNameAnUnknownConstraintAndItsLine() throws IOException {
        var file = write("typo.yaml", "columns:\n  age: {type: integer}\n  income: {type: number, mni: 0}\n");

        assertThatThrownBy(() -> SchemaFile.read(file))
                .isInstanceOfSatisfying(InputException.class, e -> {
                    assertThat(e.getLine()).isEqualTo(3);
                    assertThat(e.getDetail()).contains("mni").contains("columns.income");
                });
    }

    @Test
    void shouldRejectAnUnknownTypeNamingTheExpectedOnes() throws IOException {
        var file = write("type.yaml", "columns:\n  age: {type: int}\n");

        assertThatThrownBy(() -> SchemaFile.read(file))
                .isInstanceOfSatisfying(InputException.class, e -> {
                    assertThat(e.getLine()).isEqualTo(2);
                    assertThat(e.getDetail()).contains("unknown column type 'int'").contains("integer, number");
                });
    }

    @Test
    void shouldNameTheLineOfAValueOfTheWrongKind() throws IOException {
        var file = write("kind.yaml", "columns:\n  id: {type: integer}\n  age: {type: integer, nullable: maybe}\n");

        assertThatThrownBy(() -> SchemaFile.read(file))
                .isInstanceOfSatisfying(InputException.class, e -> {
                    assertThat(e.getLine()).isEqualTo(3);
                    assertThat(e.getDetail()).isEqualTo("invalid schema: at columns.age.nullable: expected true or "
                            + "false, found 'maybe'");
                });
    }

    @Test
    void shouldRejectAColumnDefinedTwice() throws IOException {
        var file = write("twice.yaml", "columns:\n  age: {type: integer}\n  age: {type: number}\n");

        assertThatThrownBy(() -> SchemaFile.read(file))
                .isInstanceOfSatisfying(InputException.class, e -> {
                    assertThat(e.getLine()).isEqualTo(3);
                    assertThat(e.getDetail()).isEqualTo("invalid schema: at columns: column 'age' is defined twice");
                });
    }

    @Test
    void shouldRejectBoundsOnAStringColumn() throws IOException {
        var file = write("bounds.yaml", "columns:\n  name: {type: string, min: 3}\n");

        assertThatThrownBy(() -> SchemaFile.read(file))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("column 'name': min/max need type integer, number or timestamp");
    }

    @Test
    void shouldRejectAnInvalidPattern() throws IOException {
        var file = write("pattern.yaml", "columns:\n  email: {type: string, pattern: '[a-'}\n");

        assertThatThrownBy(() -> SchemaFile.read(file))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("column 'email': pattern is not a valid regular expression");
    }

    @Test
    void shouldRejectAMissingFractionAboveOne() throws IOException {
        var file = write("fraction.yaml", "columns:\n  income: {type: number, maxMissingFraction: 5}\n");

        assertThatThrownBy(() -> SchemaFile.read(file))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("maxMissingFraction must be between 0 and 1");
    }

    @Test
    void shouldRejectATimestampBoundThatIsNotIso() throws IOException {
        var file = write("ts.yaml", "columns:\n  signup: {type: timestamp, min: 'last week'}\n");

        assertThatThrownBy(() -> SchemaFile.read(file))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("'last week' is not an ISO-8601 timestamp");
    }

    @Test
    void shouldReportAnUnreadableSchemaFile() {
        var missing = dir.resolve("missing.yaml");

        assertThatThrownBy(() -> SchemaFile.read(missing))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith(missing + ": cannot read schema");
    }

    private Path write(final String name, final String content) throws IOException {
        var file = dir.resolve(name);
        Files.writeString(file, content);
        return file;
    }
}
