package io.mlops.report;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ReportJsonTest {
    record Sample(double primitive, Double boxed, Map<String, Double> values, Object any, float small, Instant at) {
    }

    record Narrow(String name) {
    }

    @Test
    void shouldWriteInstantsAsIso8601Text() {
        // given
        var sample = new Sample(1.5, 2.5, Map.of(), "x", 1f, Instant.parse("2025-03-01T12:00:00.250Z"));

        // when
        var json = ReportJson.toJson(sample);

        // then
        assertThat(json).contains("\"at\": \"2025-03-01T12:00:00.250Z\"");
    }

    @Test
    void shouldWriteNonFiniteNumbersAsNullSoThatStrictParsersAcceptTheJson() throws Exception {
        // given
        var values = new LinkedHashMap<String, Double>();
        values.put("undefined", Double.NaN);
        values.put("unbounded", Double.NEGATIVE_INFINITY);
        values.put("finite", 0.25);
        var sample = new Sample(Double.NaN, Double.POSITIVE_INFINITY, values, Double.NaN, Float.NaN, null);

        // when
        var json = ReportJson.toJson(sample);

        // then
        var strict = JsonMapper.builder().disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();
        var tree = strict.readTree(json);
        assertThat(tree.get("primitive").isNull()).isTrue();
        assertThat(tree.get("boxed").isNull()).isTrue();
        assertThat(tree.get("values").get("undefined").isNull()).isTrue();
        assertThat(tree.get("values").get("unbounded").isNull()).isTrue();
        assertThat(tree.get("values").get("finite").doubleValue()).isEqualTo(0.25);
        assertThat(tree.get("any").isNull()).isTrue();
        assertThat(tree.get("small").isNull()).isTrue();
        assertThat(json).doesNotContain("NaN", "Infinity");
    }

    @Test
    void shouldReadNullBackAsNanForPrimitiveDoublesAndNullForBoxedOnes() throws Exception {
        // given
        var json = ReportJson.toJson(new Sample(Double.NaN, Double.NaN, Map.of(), null, 2f, null));

        // when
        var read = ReportJson.fromJson(json, Sample.class);

        // then
        assertThat(read.primitive()).isNaN();
        assertThat(read.boxed()).isNull();
        assertThat(read.small()).isEqualTo(2f);
    }

    @Test
    void shouldRoundTripFiniteValuesAndInstants() throws Exception {
        // given
        var sample = new Sample(-0.125, 1e-12, Map.of("a", 3.0), "text", 0.5f, Instant.parse("2024-12-31T23:59:59Z"));

        // when
        var read = ReportJson.fromJson(ReportJson.toJson(sample), Sample.class);

        // then
        assertThat(read).isEqualTo(sample);
    }

    @Test
    void shouldIgnoreUnknownPropertiesWhenReading() throws Exception {
        // given
        var json = "{\"schemaVersion\": 2, \"name\": \"kept\", \"addedLater\": {\"x\": [1, 2]}}";

        // when
        var read = ReportJson.fromJson(json, Narrow.class);

        // then
        assertThat(read.name()).isEqualTo("kept");
    }

    @Test
    void shouldPrettyPrintOneValuePerLineWithTrailingNewline() {
        // given
        var sample = new Narrow("x");

        // when
        var json = ReportJson.toJson(Map.of("list", java.util.List.of(1, 2), "empty", java.util.List.of(), "o", sample));

        // then
        assertThat(json).endsWith("}\n").contains("\"name\": \"x\"").contains("[\n").contains("\"empty\": []")
                .doesNotContain("\r");
    }
}
