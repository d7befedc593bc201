package io.mlops.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlops.stats.McNemar;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Metrics, fairness and paired tests against golden/evaluation/expected.json, which
 * make_evaluation_fixtures.py computes with scikit-learn, fairlearn and statsmodels the way MLflow does.
 */
class EvaluationGoldenTest {
    private static final double TOLERANCE = 1e-9;
    private static final JsonNode EXPECTED = json("expected.json");

    @Test
    void shouldComputeBinaryMetricsAsScikitLearn() {
        var data = Table.read("binary.csv");
        assertMetrics(binaryMetrics(data, "1"), EXPECTED.get("binary").get("metrics"));
    }

    @Test
    void shouldComputeBinaryMetricsWithStringLabelsAndAChosenPositiveLabel() {
        var data = Table.read("binary_strings.csv");
        var expected = EXPECTED.get("binary_strings");
        assertMetrics(binaryMetrics(data, expected.get("positiveLabel").asText()), expected.get("metrics"));
    }

    @Test
    void shouldComputeSliceMetrics() {
        var data = Table.read("binary.csv");
        var slices = EXPECTED.get("binary").get("slices").get("segment");
        slices.fields().forEachRemaining(slice -> {
            var rows = data.rowsWhere("segment", slice.getKey());
            assertMetrics(binaryMetrics(data.subset(rows), "1"), slice.getValue().get("metrics"));
        });
    }

    @Test
    void shouldComputeFairnessAsFairlearn() {
        // given
        var data = Table.read("binary.csv");
        var groups = new ArrayList<>(new TreeSet<>(data.column("gender")));
        var group = data.column("gender").stream().mapToInt(groups::indexOf).toArray();

        // when
        var result = Fairness.compute(groups, group, data.is("label", "1"), data.is("prediction", "1"));

        // then
        var expected = EXPECTED.get("binary").get("fairness").get("gender");
        for (var measure : List.of("demographic_parity_difference", "demographic_parity_ratio",
                "equalized_odds_difference")) {
            assertThat(result.measures().get(measure)).as(measure)
                    .isCloseTo(expected.get(measure).asDouble(), within(TOLERANCE));
        }
        expected.get("groups").fields().forEachRemaining(g -> {
            var rates = result.groups().get(g.getKey());
            assertThat(rates.rows()).isEqualTo(g.getValue().get("rows").asLong());
            assertThat(rates.selectionRate()).isCloseTo(g.getValue().get("selectionRate").asDouble(), within(TOLERANCE));
            assertThat(rates.truePositiveRate())
                    .isCloseTo(g.getValue().get("truePositiveRate").asDouble(), within(TOLERANCE));
        });
    }

    @Test
    void shouldComputeMulticlassMetricsAndTheClassTable() {
        // given
        var data = Table.read("multiclass.csv");
        var expected = EXPECTED.get("multiclass");
        var classes = new ArrayList<String>();
        expected.get("classes").forEach(c -> classes.add(c.asText()));
        var scores = new double[classes.size()][];
        for (int c = 0; c < classes.size(); c++) {
            scores[c] = data.doubles("score_" + classes.get(c));
        }

        // when
        var result = MulticlassMetrics.compute(classes, data.indexes("label", classes),
                data.indexes("prediction", classes), scores);

        // then
        assertMetrics(result.metrics(), expected.get("metrics"));
        for (var row : result.classes()) {
            var perClass = expected.get("perClass").get(row.label());
            assertThat(row.precision()).isCloseTo(perClass.get("precision").asDouble(), within(TOLERANCE));
            assertThat(row.recall()).isCloseTo(perClass.get("recall").asDouble(), within(TOLERANCE));
            assertThat(row.f1()).isCloseTo(perClass.get("f1").asDouble(), within(TOLERANCE));
            assertThat(row.support()).isEqualTo(perClass.get("support").asLong());
        }
    }

    @Test
    void shouldComputeRegressionMetrics() {
        var data = Table.read("regression.csv");
        assertMetrics(RegressionMetrics.compute(data.doubles("label"), data.doubles("prediction")),
                EXPECTED.get("regression").get("metrics"));
    }

    @Test
    void shouldTestTheAucDifferenceAsDeLongAndAccuracyAsMcNemar() {
        // given: baseline rows are in another order; pair them by id
        var candidate = Table.read("binary.csv");
        var baseline = Table.read("binary_baseline.csv").orderedBy("id", candidate.column("id"));
        var actual = candidate.is("label", "1");

        // when
        var delong = DeLong.test(actual, candidate.doubles("score"), baseline.doubles("score"));
        var candidateRight = candidate.is("prediction", "1");
        var baselineRight = baseline.is("prediction", "1");
        long b = 0;
        long c = 0;
        for (int i = 0; i < actual.length; i++) {
            boolean candidateOk = candidateRight[i] == actual[i];
            boolean baselineOk = baselineRight[i] == actual[i];
            b += candidateOk && !baselineOk ? 1 : 0;
            c += !candidateOk && baselineOk ? 1 : 0;
        }
        var mcnemar = McNemar.test(b, c);

        // then
        var expected = EXPECTED.get("comparison");
        assertThat(delong.difference()).isCloseTo(expected.get("delong").get("difference").asDouble(), within(TOLERANCE));
        assertThat(delong.variance())
                .isCloseTo(expected.get("delong").get("varianceOfDifference").asDouble(), within(1e-15));
        assertThat(delong.z()).isCloseTo(expected.get("delong").get("z").asDouble(), within(TOLERANCE));
        assertThat(delong.pValue()).isCloseTo(expected.get("delong").get("pValue").asDouble(), within(TOLERANCE));
        assertThat(b).isEqualTo(expected.get("mcnemar").get("b").asLong());
        assertThat(c).isEqualTo(expected.get("mcnemar").get("c").asLong());
        assertThat(mcnemar.pValue()).isCloseTo(expected.get("mcnemar").get("pValueExact").asDouble(), within(TOLERANCE));
    }

    @Test
    void shouldHandleTheEdgeCasesAsScikitLearn() {
        for (JsonNode edge : EXPECTED.get("edgeCases")) {
            if (!"binary".equals(edge.get("task").asText()) || !edge.has("score")) {
                continue;
            }
            var positive = edge.get("positiveLabel").asText();
            int n = edge.get("label").size();
            var actual = new boolean[n];
            var predicted = new boolean[n];
            var score = new double[n];
            for (int i = 0; i < n; i++) {
                actual[i] = edge.get("label").get(i).asText().equals(positive);
                predicted[i] = edge.get("prediction").get(i).asText().equals(positive);
                score[i] = edge.get("score").get(i).asDouble();
            }
            var metrics = BinaryMetrics.compute(actual, predicted, score);
            edge.get("metrics").fields().forEachRemaining(m -> {
                var value = metrics.get(m.getKey());
                if (m.getValue().isNull()) {
                    assertThat(value.doubleValue()).as(edge.get("name") + ": " + m.getKey()).isNaN();
                }
                else {
                    assertThat(value.doubleValue()).as(edge.get("name") + ": " + m.getKey())
                            .isCloseTo(m.getValue().asDouble(), within(TOLERANCE));
                }
            });
        }
    }

    private static Map<String, Number> binaryMetrics(final Table data, final String positive) {
        return BinaryMetrics.compute(data.is("label", positive), data.is("prediction", positive),
                data.doubles("score"));
    }

    private static void assertMetrics(final Map<String, Number> actual, final JsonNode expected) {
        expected.fields().forEachRemaining(metric -> {
            assertThat(actual).as("metric " + metric.getKey()).containsKey(metric.getKey());
            double value = actual.get(metric.getKey()).doubleValue();
            double wanted = metric.getValue().asDouble();
            assertThat(value).as(metric.getKey()).isCloseTo(wanted, within(TOLERANCE * Math.max(1, Math.abs(wanted))));
        });
    }

    private static JsonNode json(final String name) {
        try (InputStream in = EvaluationGoldenTest.class.getResourceAsStream("/golden/evaluation/" + name)) {
            return new ObjectMapper().readTree(in);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A small fixture CSV (no quoting) read into columns. */
    private record Table(List<String> header, List<String[]> rows) {
        static Table read(final String name) {
            try (InputStream in = EvaluationGoldenTest.class.getResourceAsStream("/golden/evaluation/" + name)) {
                var lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
                var rows = new ArrayList<String[]>();
                for (String line : lines.subList(1, lines.size())) {
                    rows.add(line.split(",", -1));
                }
                return new Table(List.of(lines.get(0).split(",")), rows);
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        List<String> column(final String name) {
            int index = header.indexOf(name);
            return rows.stream().map(r -> r[index]).toList();
        }

        double[] doubles(final String name) {
            return column(name).stream().mapToDouble(Double::parseDouble).toArray();
        }

        boolean[] is(final String name, final String value) {
            var column = column(name);
            var result = new boolean[column.size()];
            for (int i = 0; i < result.length; i++) {
                result[i] = column.get(i).equals(value);
            }
            return result;
        }

        int[] indexes(final String name, final List<String> classes) {
            return column(name).stream().mapToInt(classes::indexOf).toArray();
        }

        List<Integer> rowsWhere(final String name, final String value) {
            var column = column(name);
            var result = new ArrayList<Integer>();
            for (int i = 0; i < column.size(); i++) {
                if (column.get(i).equals(value)) {
                    result.add(i);
                }
            }
            return result;
        }

        Table subset(final List<Integer> indexes) {
            return new Table(header, indexes.stream().map(rows::get).toList());
        }

        Table orderedBy(final String key, final List<String> order) {
            int index = header.indexOf(key);
            var byKey = new HashMap<String, String[]>();
            rows.forEach(r -> byKey.put(r[index], r));
            return new Table(header, order.stream().map(byKey::get).toList());
        }
    }
}
