package io.mlops.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The one Jackson setup for report.json of every kind: pretty-printed with {@code "key": value} and one array
 * element per line, {@link java.time.Instant}s as ISO-8601 text, and unknown properties ignored on reading so
 * that older readers accept newer reports.
 *
 * <p>JSON has no NaN or Infinity, so a non-finite {@code double} is written as {@code null} (as JavaScript's
 * {@code JSON.stringify} does). Reading {@code null} back yields {@code null} for a {@code Double} and NaN for
 * a primitive {@code double}.
 *
 * <p>Reports are read by data binding ({@link #read}). Where start-up matters (validateData's 1,000-row target,
 * ERROR reports) they are written with {@link #stream}: a {@link JsonGenerator} with the same layout, since data
 * binding introspects every report type by reflection the first time it meets it, over 100 ms of a short
 * command-line run; tests hold each such writer to the mapper's output byte for byte. Other reports (model
 * evaluation, whose bootstrap takes seconds anyway) are written by the mapper itself ({@link #toJson}).
 */
public final class ReportJson {
    private static final JsonFactory FACTORY = new JsonFactory();

    private ReportJson() {
    }

    /** Writes one report's fields as a JSON document. */
    @FunctionalInterface
    public interface Body {
        void write(JsonGenerator json) throws IOException;
    }

    /**
     * Streams a report.json document: {@code body} writes the top-level object's fields between the braces
     * this method writes. The text ends with a newline.
     */
    public static String stream(final Body body) {
        var text = new StringWriter();
        try (var json = FACTORY.createGenerator(text)) {
            json.setPrettyPrinter(prettyPrinter());
            json.writeStartObject();
            body.write(json);
            json.writeEndObject();
        }
        catch (IOException e) {
            // writing to a StringWriter does no I/O; only a value the writer cannot represent gets here
            throw new UncheckedIOException("cannot write report.json", e);
        }
        return text.append('\n').toString();
    }

    /** Writes a double, or null when it is NaN or infinite. */
    public static void number(final JsonGenerator json, final double value) throws IOException {
        if (Double.isFinite(value)) {
            json.writeNumber(value);
        }
        else {
            json.writeNull();
        }
    }

    /** Writes a Double, or null when it is null, NaN or infinite. */
    public static void number(final JsonGenerator json, final Double value) throws IOException {
        if (value == null) {
            json.writeNull();
        }
        else {
            number(json, value.doubleValue());
        }
    }

    /** Writes a Double field, or omits it when the value is null (a {@code NON_NULL} property). */
    public static void optionalNumber(final JsonGenerator json, final String name, final Double value)
            throws IOException {
        if (value != null) {
            json.writeFieldName(name);
            number(json, value.doubleValue());
        }
    }

    /**
     * Writes a plain value as data binding would: null, text, a boolean, a number, an {@link Instant}, or a list
     * or map of these.
     *
     * @throws IllegalArgumentException for any other type: a report's writer must say how to write it
     */
    public static void value(final JsonGenerator json, final Object value) throws IOException {
        if (value == null) {
            json.writeNull();
        }
        else if (value instanceof String text) {
            json.writeString(text);
        }
        else if (value instanceof Boolean bool) {
            json.writeBoolean(bool);
        }
        else if (value instanceof Double number) {
            number(json, number.doubleValue());
        }
        else if (value instanceof Float number) {
            if (Float.isFinite(number)) {
                json.writeNumber(number.floatValue());
            }
            else {
                json.writeNull();
            }
        }
        else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            json.writeNumber(((Number) value).longValue());
        }
        else if (value instanceof BigDecimal decimal) {
            json.writeNumber(decimal);
        }
        else if (value instanceof BigInteger integer) {
            json.writeNumber(integer);
        }
        else if (value instanceof Instant instant) {
            json.writeString(instant.toString());
        }
        else if (value instanceof List<?> list) {
            json.writeStartArray();
            for (Object element : list) {
                value(json, element);
            }
            json.writeEndArray();
        }
        else if (value instanceof Map<?, ?> map) {
            json.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                json.writeFieldName(String.valueOf(entry.getKey()));
                value(json, entry.getValue());
            }
            json.writeEndObject();
        }
        else {
            throw new IllegalArgumentException("no report.json form for a " + value.getClass().getName());
        }
    }

    /** A new mapper with the report.json setup, for callers that need trees or their own readers. */
    public static ObjectMapper newMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(nonFiniteDoubles())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .defaultPrettyPrinter(prettyPrinter())
                .build();
    }

    private static DefaultPrettyPrinter prettyPrinter() {
        var separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        return new DefaultPrettyPrinter(separators)
                .withArrayIndenter(new DefaultIndenter("  ", "\n"))
                .withObjectIndenter(new DefaultIndenter("  ", "\n"));
    }

    /**
     * Serialises a report (or any value) as report.json text by data binding, ending with a newline: the
     * reference the streamed writers are tested against.
     */
    public static String toJson(final Object report) {
        try {
            return Mapper.INSTANCE.writeValueAsString(report) + "\n";
        }
        catch (IOException e) {
            // only a broken serializer of our own types can get here: writing to a String does no I/O
            throw new UncheckedIOException("cannot serialise " + report.getClass().getSimpleName(), e);
        }
    }

    /** Reads report.json text into a report type. */
    public static <T> T fromJson(final String json, final Class<T> type) throws IOException {
        return Mapper.INSTANCE.readValue(json, type);
    }

    /** Reads a report.json file into a report type. */
    public static <T> T read(final Path file, final Class<T> type) throws IOException {
        return fromJson(Files.readString(file, StandardCharsets.UTF_8), type);
    }

    /** Reads a report.json file (or another JSON file of a step, e.g. baseline metrics) as a tree. */
    public static JsonNode readTree(final Path file) throws IOException {
        return Mapper.INSTANCE.readTree(file.toFile());
    }

    /** The mapper, built on first use: a step that only writes reports never pays for data binding. */
    private static final class Mapper {
        static final ObjectMapper INSTANCE = newMapper();
    }

    private static SimpleModule nonFiniteDoubles() {
        var module = new SimpleModule("mlops-non-finite-doubles");
        var doubles = new NonFiniteAsNull();
        module.addSerializer(Double.class, doubles);
        module.addSerializer(double.class, doubles);
        module.addSerializer(Float.class, new NonFiniteFloatAsNull());
        module.addSerializer(float.class, new NonFiniteFloatAsNull());
        module.addDeserializer(double.class, new NumberDeserializers.DoubleDeserializer(double.class, Double.NaN));
        return module;
    }

    /** Writes NaN and ±Infinity as null, every other double as a JSON number. */
    private static final class NonFiniteAsNull extends JsonSerializer<Double> {
        @Override
        public void serialize(final Double value, final JsonGenerator generator, final SerializerProvider provider)
                throws IOException {
            if (Double.isFinite(value)) {
                generator.writeNumber(value);
            }
            else {
                generator.writeNull();
            }
        }
    }

    /** Writes NaN and ±Infinity as null, every other float as a JSON number. */
    private static final class NonFiniteFloatAsNull extends JsonSerializer<Float> {
        @Override
        public void serialize(final Float value, final JsonGenerator generator, final SerializerProvider provider)
                throws IOException {
            if (Float.isFinite(value)) {
                generator.writeNumber(value);
            }
            else {
                generator.writeNull();
            }
        }
    }
}
