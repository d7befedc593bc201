package io.mlops.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one Jackson setup for report.json of every kind: pretty-printed with {@code "key": value} and one array
 * element per line, {@link java.time.Instant}s as ISO-8601 text, and unknown properties ignored on reading so
 * that older readers accept newer reports.
 *
 * <p>JSON has no NaN or Infinity, so a non-finite {@code double} is written as {@code null} (as JavaScript's
 * {@code JSON.stringify} does). Reading {@code null} back yields {@code null} for a {@code Double} and NaN for
 * a primitive {@code double}.
 */
public final class ReportJson {
    private static final ObjectMapper MAPPER = newMapper();

    private ReportJson() {
    }

    /** A new mapper with the report.json setup, for callers that need trees or their own readers. */
    public static ObjectMapper newMapper() {
        var separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        var printer = new DefaultPrettyPrinter(separators)
                .withArrayIndenter(new DefaultIndenter("  ", "\n"))
                .withObjectIndenter(new DefaultIndenter("  ", "\n"));
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(nonFiniteDoubles())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .defaultPrettyPrinter(printer)
                .build();
    }

    /** Serialises a report (or any value) as report.json text, ending with a newline. */
    public static String toJson(final Object report) {
        try {
            return MAPPER.writeValueAsString(report) + "\n";
        }
        catch (IOException e) {
            // only a broken serializer of our own types can get here: writing to a String does no I/O
            throw new UncheckedIOException("cannot serialise " + report.getClass().getSimpleName(), e);
        }
    }

    /** Reads report.json text into a report type. */
    public static <T> T fromJson(final String json, final Class<T> type) throws IOException {
        return MAPPER.readValue(json, type);
    }

    /** Reads a report.json file into a report type. */
    public static <T> T read(final Path file, final Class<T> type) throws IOException {
        return fromJson(Files.readString(file, StandardCharsets.UTF_8), type);
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
