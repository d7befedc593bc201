package io.mlops.data;

import org.apache.parquet.column.Dictionary;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.UUID;

/**
 * The parquet-java converters that turn the values of one Parquet column into
 * {@link RecordVisitor} calls, one class per kind of value. parquet-java calls them only for
 * present values; the reader reports nulls itself.
 */
final class ParquetValues {
    private ParquetValues() {
    }

    /** A value the reader cannot accept; the reader adds the file, row and column. */
    static final class BadValue extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadValue(final String detail) {
            super(detail, null, false, false);
        }
    }

    /** Base of the converters: which column they fill and where its values go. */
    abstract static class ColumnValues extends PrimitiveConverter {
        final int column;
        final RecordVisitor visitor;

        ColumnValues(final int column, final RecordVisitor visitor) {
            this.column = column;
            this.visitor = visitor;
        }
    }

    /** INT32, INT64, FLOAT and DOUBLE, plain or as signed integer types. */
    static final class Numbers extends ColumnValues {
        Numbers(final int column, final RecordVisitor visitor) {
            super(column, visitor);
        }

        @Override
        public void addInt(final int value) {
            visitor.number(column, value);
        }

        @Override
        public void addLong(final long value) {
            visitor.number(column, value);
        }

        @Override
        public void addFloat(final float value) {
            visitor.number(column, value);
        }

        @Override
        public void addDouble(final double value) {
            visitor.number(column, value);
        }
    }

    /** Unsigned integer types, stored in the signed INT32 and INT64 bit patterns. */
    static final class UnsignedNumbers extends ColumnValues {
        UnsignedNumbers(final int column, final RecordVisitor visitor) {
            super(column, visitor);
        }

        @Override
        public void addInt(final int value) {
            visitor.number(column, Integer.toUnsignedLong(value));
        }

        @Override
        public void addLong(final long value) {
            // halve (keeping the lowest bit for correct rounding) so the value fits a signed long
            visitor.number(column, value >= 0 ? value : (double) (value >>> 1 | value & 1) * 2.0);
        }
    }

    /** DECIMAL stored as INT32, INT64, BINARY or FIXED_LEN_BYTE_ARRAY (big-endian two's complement). */
    static final class Decimals extends ColumnValues {
        private static final long EXACT_DOUBLE_LIMIT = 1L << 53;
        private static final double[] POWERS_OF_TEN = {
            1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
            1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
        };
        private final int scale;

        Decimals(final int column, final RecordVisitor visitor, final int scale) {
            super(column, visitor);
            this.scale = scale;
        }

        @Override
        public void addInt(final int value) {
            addLong(value);
        }

        @Override
        public void addLong(final long unscaled) {
            if (unscaled > -EXACT_DOUBLE_LIMIT && unscaled < EXACT_DOUBLE_LIMIT && scale < POWERS_OF_TEN.length) {
                // both operands are exact doubles, so IEEE division rounds the true decimal correctly
                visitor.number(column, unscaled / POWERS_OF_TEN[scale]);
            } else {
                visitor.number(column, BigDecimal.valueOf(unscaled, scale).doubleValue());
            }
        }

        @Override
        public void addBinary(final Binary value) {
            visitor.number(column, new BigDecimal(new BigInteger(value.getBytesUnsafe()), scale).doubleValue());
        }
    }

    /** BOOLEAN. */
    static final class Booleans extends ColumnValues {
        Booleans(final int column, final RecordVisitor visitor) {
            super(column, visitor);
        }

        @Override
        public void addBoolean(final boolean value) {
            visitor.bool(column, value);
        }
    }

    /**
     * UTF-8 strings (STRING, ENUM, JSON or unannotated BINARY). Dictionary-encoded values, the usual
     * encoding of categorical columns, are decoded once per dictionary entry.
     */
    static final class Texts extends ColumnValues {
        private final int maxChars;
        private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        private char[] chars = new char[64];
        private Dictionary dictionary;
        private char[][] dictionaryChars;

        Texts(final int column, final RecordVisitor visitor, final int maxChars) {
            super(column, visitor);
            this.maxChars = maxChars;
        }

        @Override
        public boolean hasDictionarySupport() {
            return true;
        }

        @Override
        public void setDictionary(final Dictionary newDictionary) {
            dictionary = newDictionary;
            dictionaryChars = new char[newDictionary.getMaxId() + 1][];
        }

        @Override
        public void addValueFromDictionary(final int id) {
            char[] text = dictionaryChars[id];
            if (text == null) {
                int length = decode(dictionary.decodeToBinary(id));
                text = Arrays.copyOf(chars, length);
                dictionaryChars[id] = text;
            }
            visitor.text(column, text, 0, text.length);
        }

        @Override
        public void addBinary(final Binary value) {
            visitor.text(column, chars, 0, decode(value));
        }

        /** Decodes into {@link #chars}, copying ASCII directly and leaving the rest to the JDK decoder. */
        private int decode(final Binary value) {
            int length = value.length();
            if (chars.length < length) {
                chars = new char[Math.max(length, 2 * chars.length)];
            }
            ByteBuffer bytes = value.toByteBuffer();
            if (bytes.hasArray()) {
                byte[] array = bytes.array();
                int from = bytes.arrayOffset() + bytes.position();
                int i = 0;
                while (i < length && array[from + i] >= 0) {
                    chars[i] = (char) array[from + i];
                    i++;
                }
                if (i == length) {
                    return checkLength(length);
                }
            }
            var out = CharBuffer.wrap(chars);
            decoder.reset();
            if (decoder.decode(bytes, out, true).isError()) {
                throw new BadValue("the value is not valid UTF-8 text; expected UTF-8 strings");
            }
            decoder.flush(out);
            return checkLength(out.position());
        }

        private int checkLength(final int length) {
            if (length > maxChars) {
                throw new BadValue("the value is longer than %d characters; expected at most %d"
                        .formatted(maxChars, maxChars));
            }
            return length;
        }
    }

    /** TIMESTAMP(MILLIS|MICROS|NANOS) on INT64, as ISO-8601 text in UTC. */
    static final class Timestamps extends ColumnValues {
        private final long unitsPerSecond;
        private final int nanosPerUnit;
        private final char[] chars = new char[IsoTimeText.MAX_CHARS];

        Timestamps(final int column, final RecordVisitor visitor, final TimeUnit unit) {
            super(column, visitor);
            this.unitsPerSecond = switch (unit) {
                case MILLIS -> 1_000L;
                case MICROS -> 1_000_000L;
                case NANOS -> 1_000_000_000L;
            };
            this.nanosPerUnit = (int) (1_000_000_000L / unitsPerSecond);
        }

        @Override
        public void addLong(final long value) {
            long seconds = Math.floorDiv(value, unitsPerSecond);
            int nanos = (int) Math.floorMod(value, unitsPerSecond) * nanosPerUnit;
            visitor.text(column, chars, 0, IsoTimeText.instant(seconds, nanos, chars));
        }
    }

    /** The legacy INT96 timestamp of Impala, Hive and Spark: nanoseconds of the day, then the Julian day, little-endian. */
    static final class Int96Timestamps extends ColumnValues {
        private static final long JULIAN_DAY_OF_EPOCH = 2_440_588L;
        private static final long NANOS_PER_SECOND = 1_000_000_000L;
        private final char[] chars = new char[IsoTimeText.MAX_CHARS];

        Int96Timestamps(final int column, final RecordVisitor visitor) {
            super(column, visitor);
        }

        @Override
        public void addBinary(final Binary value) {
            byte[] bytes = value.getBytesUnsafe();
            long nanosOfDay = littleEndian(bytes, 0, 8);
            long julianDay = littleEndian(bytes, 8, 4);
            long seconds = (julianDay - JULIAN_DAY_OF_EPOCH) * 86_400L + Math.floorDiv(nanosOfDay, NANOS_PER_SECOND);
            int nanos = (int) Math.floorMod(nanosOfDay, NANOS_PER_SECOND);
            visitor.text(column, chars, 0, IsoTimeText.instant(seconds, nanos, chars));
        }

        private static long littleEndian(final byte[] bytes, final int from, final int count) {
            long result = 0;
            for (int i = count - 1; i >= 0; i--) {
                result = result << 8 | bytes[from + i] & 0xFF;
            }
            return count == 4 ? (int) result : result;
        }
    }

    /** DATE on INT32 (days since 1970-01-01), as {@code yyyy-MM-dd}. */
    static final class Dates extends ColumnValues {
        private final char[] chars = new char[IsoTimeText.MAX_CHARS];

        Dates(final int column, final RecordVisitor visitor) {
            super(column, visitor);
        }

        @Override
        public void addInt(final int epochDay) {
            visitor.text(column, chars, 0, IsoTimeText.date(epochDay, chars));
        }
    }

    /** TIME on INT32 (millis) or INT64 (micros, nanos), as ISO-8601 {@code HH:mm:ss[.fraction]}. */
    static final class Times extends ColumnValues {
        private final long nanosPerUnit;

        Times(final int column, final RecordVisitor visitor, final TimeUnit unit) {
            super(column, visitor);
            this.nanosPerUnit = switch (unit) {
                case MILLIS -> 1_000_000L;
                case MICROS -> 1_000L;
                case NANOS -> 1L;
            };
        }

        @Override
        public void addInt(final int value) {
            addLong(value);
        }

        @Override
        public void addLong(final long value) {
            String text;
            try {
                text = DateTimeFormatter.ISO_LOCAL_TIME.format(LocalTime.ofNanoOfDay(value * nanosPerUnit));
            } catch (DateTimeException e) {
                throw new BadValue("time of day %d is out of range; expected a time between 00:00 and 24:00".formatted(value));
            }
            visitor.text(column, text.toCharArray(), 0, text.length());
        }
    }

    /** UUID on FIXED_LEN_BYTE_ARRAY(16), as the usual 36-character text. */
    static final class Uuids extends ColumnValues {
        Uuids(final int column, final RecordVisitor visitor) {
            super(column, visitor);
        }

        @Override
        public void addBinary(final Binary value) {
            var bytes = ByteBuffer.wrap(value.getBytesUnsafe());
            var text = new UUID(bytes.getLong(0), bytes.getLong(8)).toString();
            visitor.text(column, text.toCharArray(), 0, text.length());
        }
    }
}
