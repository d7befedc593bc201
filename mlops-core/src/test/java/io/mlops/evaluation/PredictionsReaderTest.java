package io.mlops.evaluation;

import io.mlops.data.DataFormat;
import io.mlops.util.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class PredictionsReaderTest {
    @TempDir
    private Path dir;

    @Test
    void shouldReadTheGoldenBinaryFileIntoTheMetricsScikitLearnGives() throws Exception {
        // when
        var predictions = PredictionsReader.read(golden("binary.csv"), DataFormat.CSV, Task.BINARY,
                PredictionColumns.DEFAULT, null, List.of("segment", "gender"));

        // then
        assertThat(predictions.rows()).isEqualTo(2000);
        assertThat(predictions.classes()).containsExactly("0", "1");
        assertThat(predictions.attributes().get("gender").values()).containsExactly("F", "M", "X");
        var metrics = Evaluator.measure(predictions).metrics();
        assertThat(metrics.get("roc_auc").doubleValue()).isCloseTo(0.7795639737442449, within(1e-12));
        assertThat(metrics.get("true_positives")).isEqualTo(463L);
    }

    @Test
    void shouldReadTheSamePredictionsFromJsonLinesAndParquetWithTypedValues() throws Exception {
        // given: the golden binary file as JSON Lines (numbers as numbers) and as Parquet (int32, double, binary)
        var lines = Files.readAllLines(golden("binary.csv")).subList(1, 2001);
        var jsonl = new StringBuilder();
        var schema = org.apache.parquet.schema.MessageTypeParser.parseMessageType("message p { required binary id "
                + "(UTF8); required int32 label; required int32 prediction; required double score; }");
        var parquet = dir.resolve("binary.parquet");
        var groups = new org.apache.parquet.example.data.simple.SimpleGroupFactory(schema);
        try (var writer = org.apache.parquet.hadoop.example.ExampleParquetWriter
                .builder(new org.apache.parquet.io.LocalOutputFile(parquet)).withType(schema).build()) {
            for (String line : lines) {
                var f = line.split(",");
                jsonl.append(String.format(java.util.Locale.ROOT,
                        "{\"id\": \"%s\", \"label\": %s, \"prediction\": %s, \"score\": %s}%n", f[0], f[1], f[2], f[3]));
                var group = groups.newGroup();
                group.add("id", f[0]);
                group.add("label", Integer.parseInt(f[1]));
                group.add("prediction", Integer.parseInt(f[2]));
                group.add("score", Double.parseDouble(f[3]));
                writer.write(group);
            }
        }
        var json = write("binary.jsonl", jsonl.toString());

        // when
        var fromCsv = Evaluator.measure(read(golden("binary.csv"), Task.BINARY)).metrics();
        var fromJson = Evaluator.measure(PredictionsReader.read(json, DataFormat.JSONL, Task.BINARY,
                PredictionColumns.DEFAULT, null, List.of())).metrics();
        var fromParquet = Evaluator.measure(PredictionsReader.read(parquet, DataFormat.PARQUET, Task.BINARY,
                PredictionColumns.DEFAULT, null, List.of())).metrics();

        // then
        assertThat(fromJson).isEqualTo(fromCsv);
        assertThat(fromParquet).isEqualTo(fromCsv);
    }

    @Test
    void shouldPutAGivenPositiveLabelLast() throws Exception {
        // when
        var yes = PredictionsReader.read(golden("binary_strings.csv"), DataFormat.CSV, Task.BINARY,
                PredictionColumns.DEFAULT, "yes", List.of());
        var no = PredictionsReader.read(golden("binary_strings.csv"), DataFormat.CSV, Task.BINARY,
                PredictionColumns.DEFAULT, "no", List.of());

        // then
        assertThat(yes.classes()).containsExactly("no", "yes");
        assertThat(no.classes()).containsExactly("yes", "no");
    }

    @Test
    void shouldSortNumericLabelsAsNumbersAndWriteThemOneWay() throws Exception {
        // given: 10 sorts after 9 as a number; 1.0 and 1 are one class
        var file = write("labels.csv", "label,prediction\n9,10\n10,1.0\n1,9\n");

        // when
        var predictions = PredictionsReader.read(file, DataFormat.CSV, Task.MULTICLASS, PredictionColumns.DEFAULT,
                null, List.of());

        // then
        assertThat(predictions.classes()).containsExactly("1", "9", "10");
        assertThat(predictions.label()).containsExactly(1, 2, 0);
        assertThat(predictions.predicted()).containsExactly(2, 0, 1);
    }

    @Test
    void shouldNameLineAndColumnOfABadValue() {
        // given
        var missing = write("missing.csv", "id,label,prediction,score\n1,1,1,0.9\n2,,0,0.2\n");
        var notProbability = write("score.csv", "id,label,prediction,score\n1,1,1,0.9\n2,0,0,1.7\n");
        var notNumber = write("target.csv", "label,prediction\n1.5,2\nabc,2\n");

        // then
        assertThatThrownBy(() -> read(missing, Task.BINARY)).isInstanceOf(InputException.class)
                .hasMessage(missing + ", line 3, column 2: label: missing value: every row needs its label");
        assertThatThrownBy(() -> read(notProbability, Task.BINARY))
                .hasMessage(notProbability + ", line 3, column 4: score: expected a probability between 0 and 1, "
                        + "found '1.7'");
        assertThatThrownBy(() -> read(notNumber, Task.REGRESSION))
                .hasMessage(notNumber + ", line 3, column 1: label: expected a number, found 'abc'");
    }

    @Test
    void shouldNameTheColumnsThereAreWhenOneIsMissing() {
        var file = write("columns.csv", "truth,prediction\n1,1\n");
        assertThatThrownBy(() -> read(file, Task.BINARY))
                .hasMessageContaining("no label column 'label'; the columns are truth, prediction");
    }

    @Test
    void shouldRefuseMoreThanTwoClassesForABinaryTask() {
        var file = write("three.csv", "label,prediction\na,b\nc,a\n");
        assertThatThrownBy(() -> read(file, Task.BINARY)).hasMessageContaining("3 classes")
                .hasMessageContaining("use the multiclass task");
    }

    private static Predictions read(final Path file, final Task task) throws Exception {
        return PredictionsReader.read(file, DataFormat.CSV, task, PredictionColumns.DEFAULT, null, List.of());
    }

    private Path write(final String name, final String text) {
        try {
            return Files.writeString(dir.resolve(name), text);
        }
        catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Path golden(final String name) throws URISyntaxException {
        return Path.of(PredictionsReaderTest.class.getResource("/golden/evaluation/" + name).toURI());
    }
}
