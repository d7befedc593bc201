package io.mlops.data;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.mlops.util.InputException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the lines of a JSON Lines file, one flat object each, with Jackson's streaming parser and
 * passes their values to a {@link RecordVisitor}. The keys of the first object, in order, are the
 * columns; a later object may leave keys out (missing) but may not add new ones.
 */
final class JsonRecordParser {
    private final JsonFactory factory = new JsonFactoryBuilder()
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .build();
    private final String file;
    private final ReaderLimits limits;
    private final RecordVisitor visitor;
    private final Map<String, Integer> columnOfKey = new HashMap<>();
    /** For each column, the last row that gave it a value: finds absent and repeated keys without clearing per row. */
    private long[] rowOfLastValue;
    private long row;
    private long line;

    JsonRecordParser(final String file, final ReaderLimits limits, final RecordVisitor visitor) {
        this.file = file;
        this.limits = limits;
        this.visitor = visitor;
    }

    /**
     * Parses one line holding one JSON object.
     *
     * @param lineNumber the 1-based line in the file, for errors
     * @throws InputException when the line is not one flat JSON object with known keys
     */
    void parse(final byte[] buffer, final int offset, final int length, final long lineNumber) throws IOException {
        line = lineNumber;
        try {
            if (!hasHeader()) {
                readColumns(buffer, offset, length);
            }
            readRecord(buffer, offset, length);
        } catch (JsonProcessingException e) {
            var location = e.getLocation();
            throw new InputException(file, line, location == null ? 0 : location.getColumnNr(),
                    "malformed JSON: " + jacksonProblem(e) + "; expected one JSON object per line");
        }
    }

    /** Whether the first object, which names the columns, has been read. */
    boolean hasHeader() {
        return rowOfLastValue != null;
    }

    private void readColumns(final byte[] buffer, final int offset, final int length) throws IOException {
        var keys = new ArrayList<String>();
        try (JsonParser parser = factory.createParser(buffer, offset, length)) {
            requireObject(parser);
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                var key = parser.currentName();
                if (keys.size() == limits.maxColumns()) {
                    throw located(parser, "the first record has more than %d keys; expected at most %d columns"
                            .formatted(limits.maxColumns(), limits.maxColumns()));
                }
                if (columnOfKey.putIfAbsent(key, keys.size()) != null) {
                    throw located(parser, "key '%s' appears twice in the record; expected each key once".formatted(key));
                }
                keys.add(key);
                parser.nextToken();
                requireScalar(parser, key);
            }
        }
        if (keys.isEmpty()) {
            throw new InputException(file, line, 0, "the first record has no keys; expected an object whose keys name the columns");
        }
        rowOfLastValue = new long[keys.size()];
        visitor.header(List.copyOf(keys));
    }

    private void readRecord(final byte[] buffer, final int offset, final int length) throws IOException {
        try (JsonParser parser = factory.createParser(buffer, offset, length)) {
            requireObject(parser);
            visitor.startRecord(++row, line);
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                var key = parser.currentName();
                Integer column = columnOfKey.get(key);
                if (column == null) {
                    throw located(parser, "key '%s' is not in the first record, whose keys define the columns".formatted(key));
                }
                if (rowOfLastValue[column] == row) {
                    throw located(parser, "key '%s' appears twice in the record; expected each key once".formatted(key));
                }
                rowOfLastValue[column] = row;
                parser.nextToken();
                value(parser, column, key);
            }
            if (parser.nextToken() != null) {
                throw located(parser, "more than one JSON value on the line; expected one object per line");
            }
        }
        for (int column = 0; column < rowOfLastValue.length; column++) {
            if (rowOfLastValue[column] != row) {
                visitor.missing(column);
            }
        }
        visitor.endRecord();
    }

    private void value(final JsonParser parser, final int column, final String key) throws IOException {
        switch (parser.currentToken()) {
            case VALUE_STRING -> visitor.text(column, parser.getTextCharacters(), parser.getTextOffset(),
                    parser.getTextLength());
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                double number = parser.getDoubleValue();
                if (Double.isInfinite(number)) {
                    throw located(parser, "number %s of key '%s' is out of range; expected a number that fits a 64-bit float"
                            .formatted(parser.getText(), key));
                }
                visitor.number(column, number);
            }
            case VALUE_TRUE -> visitor.bool(column, true);
            case VALUE_FALSE -> visitor.bool(column, false);
            case VALUE_NULL -> visitor.missing(column);
            default -> requireScalar(parser, key);
        }
    }

    private void requireObject(final JsonParser parser) throws IOException {
        var token = parser.nextToken();
        if (token != JsonToken.START_OBJECT) {
            throw located(parser, "found %s; expected a JSON object on each line".formatted(describe(token)));
        }
    }

    private void requireScalar(final JsonParser parser, final String key) {
        var token = parser.currentToken();
        if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
            throw located(parser, "key '%s' holds %s; expected a string, number, boolean or null (flatten nested data first)"
                    .formatted(key, describe(token)));
        }
    }

    private InputException located(final JsonParser parser, final String detail) {
        return new InputException(file, line, parser.currentTokenLocation().getColumnNr(), detail);
    }

    private static String describe(final JsonToken token) {
        if (token == null) {
            return "nothing";
        }
        return switch (token) {
            case START_OBJECT -> "a nested object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.asString() == null ? token.name() : "'" + token.asString() + "'";
        };
    }

    /** Jackson's own explanation, cut to one line and without its echo of the source location. */
    private static String jacksonProblem(final JsonProcessingException e) {
        var message = String.valueOf(e.getOriginalMessage());
        message = message.lines().findFirst().orElse(message);
        int sourceEcho = message.indexOf(" (start marker at [Source:");
        return sourceEcho < 0 ? message : message.substring(0, sourceEcho);
    }
}
