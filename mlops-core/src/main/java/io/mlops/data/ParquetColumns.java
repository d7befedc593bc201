package io.mlops.data;

import io.mlops.util.InputException;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DateLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.EnumLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.IntLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.JsonLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.StringLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.UUIDLogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The columns of a flat Parquet schema: checks that each one is a single primitive value the
 * readers can pass on, and picks the converter for it from its physical and logical type.
 */
final class ParquetColumns {
    private static final String EXPECTED =
            "expected flat columns of numbers, booleans, strings, dates or timestamps";

    private final MessageType schema;
    private final List<String> names;

    private ParquetColumns(final MessageType schema, final List<String> names) {
        this.schema = schema;
        this.names = names;
    }

    /**
     * Checks a file's schema.
     *
     * @throws InputException naming the first column that is nested, repeated or of a type the readers do not support
     */
    static ParquetColumns of(final String file, final MessageType schema, final ReaderLimits limits) {
        if (schema.getFieldCount() > limits.maxColumns()) {
            throw new InputException(file, 0, limits.maxColumns() + 1, "the file has %d columns; expected at most %d"
                    .formatted(schema.getFieldCount(), limits.maxColumns()));
        }
        var names = new ArrayList<String>();
        for (int i = 0; i < schema.getFieldCount(); i++) {
            Type field = schema.getType(i);
            String problem = problemWith(field);
            if (problem != null) {
                throw new InputException(file, 0, i + 1, "column '%s' %s; %s".formatted(field.getName(), problem, EXPECTED));
            }
            names.add(field.getName());
        }
        return new ParquetColumns(schema, List.copyOf(names));
    }

    List<String> names() {
        return names;
    }

    /** One converter per column, in schema order, each feeding the visitor. */
    ParquetValues.ColumnValues[] converters(final RecordVisitor visitor, final ReaderLimits limits) {
        var converters = new ParquetValues.ColumnValues[names.size()];
        for (int i = 0; i < converters.length; i++) {
            converters[i] = converter(schema.getType(i).asPrimitiveType(), i, visitor, limits.maxFieldChars());
        }
        return converters;
    }

    private static String problemWith(final Type field) {
        if (!field.isPrimitive()) {
            return "is a nested group" + (field.getLogicalTypeAnnotation() == null ? "" : " (" + field.getLogicalTypeAnnotation() + ")");
        }
        if (field.isRepetition(Type.Repetition.REPEATED)) {
            return "is repeated (a list of values per row)";
        }
        // one decision table for both questions: a type is supported when it gets a converter
        if (converter(field.asPrimitiveType(), 0, null, 0) == null) {
            return "has the unsupported Parquet type " + describe(field.asPrimitiveType());
        }
        return null;
    }

    /** The converter for a primitive column, or {@code null} when its type is not supported. */
    private static ParquetValues.ColumnValues converter(final PrimitiveType type, final int column,
                                                       final RecordVisitor visitor, final int maxChars) {
        LogicalTypeAnnotation logical = type.getLogicalTypeAnnotation();
        return switch (type.getPrimitiveTypeName()) {
            case BOOLEAN -> logical == null ? new ParquetValues.Booleans(column, visitor) : null;
            case FLOAT, DOUBLE -> logical == null ? new ParquetValues.Numbers(column, visitor) : null;
            case INT32, INT64 -> integerConverter(logical, column, visitor);
            case INT96 -> new ParquetValues.Int96Timestamps(column, visitor);
            case BINARY -> {
                if (logical == null || logical instanceof StringLogicalTypeAnnotation
                        || logical instanceof EnumLogicalTypeAnnotation || logical instanceof JsonLogicalTypeAnnotation) {
                    yield new ParquetValues.Texts(column, visitor, maxChars);
                }
                yield logical instanceof DecimalLogicalTypeAnnotation decimal
                        ? new ParquetValues.Decimals(column, visitor, decimal.getScale()) : null;
            }
            case FIXED_LEN_BYTE_ARRAY -> {
                if (logical instanceof DecimalLogicalTypeAnnotation decimal) {
                    yield new ParquetValues.Decimals(column, visitor, decimal.getScale());
                }
                yield logical instanceof UUIDLogicalTypeAnnotation ? new ParquetValues.Uuids(column, visitor) : null;
            }
        };
    }

    private static ParquetValues.ColumnValues integerConverter(final LogicalTypeAnnotation logical, final int column,
                                                              final RecordVisitor visitor) {
        if (logical == null) {
            return new ParquetValues.Numbers(column, visitor);
        }
        if (logical instanceof IntLogicalTypeAnnotation integer) {
            return integer.isSigned()
                    ? new ParquetValues.Numbers(column, visitor) : new ParquetValues.UnsignedNumbers(column, visitor);
        }
        if (logical instanceof DecimalLogicalTypeAnnotation decimal) {
            return new ParquetValues.Decimals(column, visitor, decimal.getScale());
        }
        if (logical instanceof TimestampLogicalTypeAnnotation timestamp) {
            return new ParquetValues.Timestamps(column, visitor, timestamp.getUnit());
        }
        if (logical instanceof DateLogicalTypeAnnotation) {
            return new ParquetValues.Dates(column, visitor);
        }
        if (logical instanceof TimeLogicalTypeAnnotation time) {
            return new ParquetValues.Times(column, visitor, time.getUnit());
        }
        return null;
    }

    private static String describe(final PrimitiveType type) {
        var logical = type.getLogicalTypeAnnotation();
        return type.getPrimitiveTypeName().name().toLowerCase(Locale.ROOT)
                + (logical == null ? "" : " (" + logical + ")");
    }
}
