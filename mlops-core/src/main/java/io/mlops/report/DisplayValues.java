package io.mlops.report;

import io.mlops.util.NumberText;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How values read for people in report.md, report.html and junit.xml (report.json keeps full precision):
 * counts with thousands separators, other numbers to four significant digits, tiny and huge ones in
 * scientific notation, missing values as a dash. Always {@link Locale#ROOT}, so reports do not depend on
 * the agent's locale.
 */
public final class DisplayValues {
    /** Shown where a value is missing or not applicable. */
    public static final String NONE = "—";

    private static final DateTimeFormatter UTC_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private DisplayValues() {
    }

    /** Any value: numbers as by {@link #number(double)}, collections and maps comma-separated, null as a dash. */
    public static String of(final Object value) {
        if (value == null) {
            return NONE;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return count(((Number) value).longValue());
        }
        if (value instanceof Number number) {
            return number(number.doubleValue());
        }
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream().map(e -> e.getKey() + ": " + of(e.getValue()))
                    .collect(Collectors.joining(", "));
        }
        if (value instanceof Collection<?> values) {
            return values.stream().map(DisplayValues::of).collect(Collectors.joining(", "));
        }
        if (value instanceof Instant instant) {
            return time(instant);
        }
        return value.toString();
    }

    /** A count with thousands separators: {@code 12,345}. */
    public static String count(final long count) {
        return String.format(NumberText.LOCALE, "%,d", count);
    }

    /** A measurement: {@code 0.08123}, {@code 3.142}, {@code 12,345.68}, {@code 1.23e-05}, {@code NaN}. */
    public static String number(final double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "∞" : "-∞";
        }
        double magnitude = Math.abs(value);
        if (value == Math.rint(value) && magnitude < 1e15) {
            return count((long) value);
        }
        if (magnitude < 1e-4 || magnitude >= 1e15) {
            return scientific(value);
        }
        if (magnitude >= 1000) {
            return String.format(NumberText.LOCALE, "%,.2f", value);
        }
        return new BigDecimal(value).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }

    /** A fraction as a percentage with up to one decimal: {@code 0.125} becomes {@code 12.5%}. */
    public static String percent(final double fraction) {
        if (!Double.isFinite(fraction)) {
            return number(fraction);
        }
        var percent = BigDecimal.valueOf(fraction * 100).setScale(1, java.math.RoundingMode.HALF_UP)
                .stripTrailingZeros();
        return (percent.signum() == 0 ? "0" : percent.toPlainString()) + "%";
    }

    /** A duration: {@code 850 ms}, {@code 12.3 s}, {@code 2 min 05 s}, {@code 1 h 02 min}. */
    public static String duration(final long millis) {
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return String.format(NumberText.LOCALE, "%.1f s", millis / 1000.0);
        }
        long seconds = millis / 1000;
        if (seconds < 3600) {
            return String.format(NumberText.LOCALE, "%d min %02d s", seconds / 60, seconds % 60);
        }
        return String.format(NumberText.LOCALE, "%d h %02d min", seconds / 3600, seconds % 3600 / 60);
    }

    /** A point in time in UTC, to the second. */
    public static String time(final Instant instant) {
        return instant == null ? NONE : UTC_TIME.format(instant);
    }

    private static String scientific(final double value) {
        var text = String.format(NumberText.LOCALE, "%.3e", value);
        int exponent = text.indexOf('e');
        var mantissa = text.substring(0, exponent).replaceAll("\\.?0+$", "");
        return mantissa + text.substring(exponent);
    }
}
