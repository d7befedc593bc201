package io.mlops.validation.drift;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** Reads the fixtures written by golden/drift/make_drift_fixtures.py (scipy and numpy expectations). */
public final class GoldenFixtures {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private GoldenFixtures() {
    }

    public static JsonNode read(final String name) {
        try (InputStream in = GoldenFixtures.class.getResourceAsStream("/golden/drift/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture golden/drift/" + name);
            }
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Stream<JsonNode> entries(final String name, final String list) {
        return StreamSupport.stream(read(name).get(list).spliterator(), false);
    }

    /** A run-length encoded sample {"values": [...], "counts": [...]}, expanded. */
    static double[] values(final JsonNode encoded) {
        double[] values = doubles(encoded.get("values"));
        long[] counts = new long[encoded.get("counts").size()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = encoded.get("counts").get(i).asLong();
        }
        return Samples.expand(values, counts);
    }

    static double[] doubles(final JsonNode array) {
        double[] values = new double[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).asDouble();
        }
        return values;
    }

    /** A {"value": count, ...} object as counts. */
    static Map<String, Long> counts(final JsonNode object) {
        Map<String, Long> counts = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            counts.put(name, object.get(name).asLong());
        }
        return counts;
    }
}
