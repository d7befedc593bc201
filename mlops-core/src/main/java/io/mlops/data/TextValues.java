package io.mlops.data;

import ch.randelshofer.fastdoubleparser.JavaDoubleParser;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Parses field text into typed values without creating a String per field. Every method either returns the
 * value or throws {@link IllegalArgumentException}; callers turn that into a located input error.
 */
public final class TextValues {
    private static final int MAX_SAFE_DIGITS = 18;
    /** At most 15 decimal digits always make an integer below 2^53, which a double holds exactly. */
    private static final int MAX_EXACT_DIGITS = 15;
    /** Powers of ten that a double holds exactly (all up to 10^22; the fast path needs up to 10^15). */
    private static final double[] POWERS_OF_TEN = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15};

    private TextValues() {
    }

    /** Parses an optionally signed decimal integer. */
    public static long parseLong(final char[] buffer, final int offset, final int length) {
        int i = offset;
        int end = offset + length;
        while (i < end && buffer[i] == ' ') {
            i++;
        }
        while (end > i && buffer[end - 1] == ' ') {
            end--;
        }
        boolean negative = false;
        if (i < end && (buffer[i] == '-' || buffer[i] == '+')) {
            negative = buffer[i] == '-';
            i++;
        }
        int digits = end - i;
        if (digits <= 0) {
            throw new IllegalArgumentException("no digits");
        }
        if (digits > MAX_SAFE_DIGITS) {
            // Rare: let Long.parseLong decide about the overflow boundary.
            return Long.parseLong(new String(buffer, offset, length).trim());
        }
        long value = 0;
        for (; i < end; i++) {
            int digit = buffer[i] - '0';
            if (digit < 0 || digit > 9) {
                throw new IllegalArgumentException("not a digit");
            }
            value = value * 10 + digit;
        }
        return negative ? -value : value;
    }

    /** Parses a decimal or scientific number (Java syntax, plus NaN and Infinity). */
    public static double parseDouble(final char[] buffer, final int offset, final int length) {
        double plain = parsePlainDecimal(buffer, offset, length);
        if (!Double.isNaN(plain)) {
            return plain;
        }
        try {
            return JavaDoubleParser.parseDouble(buffer, offset, length);
        }
        catch (NumberFormatException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /**
     * The common shape of a CSV number, {@code [-]digits[.digits]} with at most 15 digits, or NaN for any other
     * text. The digits form an exact integer and 10^fraction is exact, so one division, which IEEE 754 rounds
     * correctly, gives the correctly rounded value, the same double as {@link Double#parseDouble} (Clinger,
     * "How to read floating point numbers accurately", 1990: the fast path).
     */
    private static double parsePlainDecimal(final char[] buffer, final int offset, final int length) {
        int i = offset;
        int end = offset + length;
        boolean negative = i < end && buffer[i] == '-';
        if (negative) {
            i++;
        }
        long significand = 0;
        int digits = 0;
        int point = -1;
        for (; i < end; i++) {
            char c = buffer[i];
            if (c >= '0' && c <= '9') {
                significand = significand * 10 + (c - '0');
                digits++;
            }
            else if (c == '.' && point < 0) {
                point = digits;
            }
            else {
                return Double.NaN;
            }
        }
        if (digits == 0 || digits > MAX_EXACT_DIGITS) {
            return Double.NaN;
        }
        double value = significand / POWERS_OF_TEN[point < 0 ? 0 : digits - point];
        return negative ? -value : value;
    }

    /** Parses true/false, yes/no, t/f, y/n or 1/0, ignoring case and surrounding spaces. */
    public static boolean parseBoolean(final char[] buffer, final int offset, final int length) {
        // most files write exactly true or false: decided without the case-insensitive comparisons below
        if (length == 4 && buffer[offset] == 't' && buffer[offset + 1] == 'r' && buffer[offset + 2] == 'u'
                && buffer[offset + 3] == 'e') {
            return true;
        }
        if (length == 5 && buffer[offset] == 'f' && buffer[offset + 1] == 'a' && buffer[offset + 2] == 'l'
                && buffer[offset + 3] == 's' && buffer[offset + 4] == 'e') {
            return false;
        }
        int start = offset;
        int end = offset + length;
        while (start < end && buffer[start] == ' ') {
            start++;
        }
        while (end > start && buffer[end - 1] == ' ') {
            end--;
        }
        if (matches(buffer, start, end, "true") || matches(buffer, start, end, "yes")
                || matches(buffer, start, end, "1") || matches(buffer, start, end, "t")
                || matches(buffer, start, end, "y")) {
            return true;
        }
        if (matches(buffer, start, end, "false") || matches(buffer, start, end, "no")
                || matches(buffer, start, end, "0") || matches(buffer, start, end, "f")
                || matches(buffer, start, end, "n")) {
            return false;
        }
        throw new IllegalArgumentException("not a boolean");
    }

    private static boolean matches(final char[] buffer, final int start, final int end, final String word) {
        if (end - start != word.length()) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            if (Character.toLowerCase(buffer[start + i]) != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Parses an ISO-8601 date or date-time into epoch seconds: {@code 2024-01-31},
     * {@code 2024-01-31T12:30[:45[.123]]} with {@code T} or a space, and an optional {@code Z} or
     * {@code ±hh:mm} offset (none means UTC).
     */
    public static double parseTimestamp(final String text) {
        var s = text.trim();
        if (s.length() < 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
            throw new IllegalArgumentException("not a date");
        }
        var days = LocalDate.of(digits(s, 0, 4), digits(s, 5, 2), digits(s, 8, 2)).toEpochDay();
        double seconds = days * 86_400.0;
        if (s.length() == 10) {
            return seconds;
        }
        char separator = s.charAt(10);
        if ((separator != 'T' && separator != 't' && separator != ' ') || s.length() < 16 || s.charAt(13) != ':') {
            throw new IllegalArgumentException("not a time");
        }
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int i = 16;
        double second = 0;
        if (i < s.length() && s.charAt(i) == ':') {
            second = digits(s, i + 1, 2);
            i += 3;
            if (i < s.length() && (s.charAt(i) == '.' || s.charAt(i) == ',')) {
                int start = ++i;
                while (i < s.length() && Character.isDigit(s.charAt(i))) {
                    i++;
                }
                if (i == start) {
                    throw new IllegalArgumentException("empty fraction");
                }
                second += Double.parseDouble("0." + s.substring(start, i));
            }
        }
        if (hour > 23 || minute > 59 || second >= 61) {
            throw new IllegalArgumentException("time out of range");
        }
        int offsetSeconds = offset(s, i);
        return seconds + hour * 3600 + minute * 60 + second - offsetSeconds;
    }

    private static int offset(final String s, final int i) {
        if (i == s.length()) {
            return 0;
        }
        char c = s.charAt(i);
        if ((c == 'Z' || c == 'z') && i + 1 == s.length()) {
            return 0;
        }
        if (c != '+' && c != '-') {
            throw new IllegalArgumentException("bad offset");
        }
        int hours = digits(s, i + 1, 2);
        int rest = i + 3;
        if (rest < s.length() && s.charAt(rest) == ':') {
            rest++;
        }
        int minutes = rest == s.length() ? 0 : digits(s, rest, 2);
        if (rest != s.length() && rest + 2 != s.length()) {
            throw new IllegalArgumentException("bad offset");
        }
        int total = hours * 3600 + minutes * 60;
        return c == '-' ? -total : total;
    }

    private static int digits(final String s, final int from, final int count) {
        if (from + count > s.length()) {
            throw new IllegalArgumentException("too short");
        }
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("not a digit");
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /**
     * Formats a number exactly and without exponent, so that it reads back as the same double (in YAML, JSON or
     * a category value): integers without a fraction, others as the shortest decimal that {@link Double#toString}
     * gives; NaN and infinities by name.
     */
    public static String formatNumber(final double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** Shortens a value for messages. */
    public static String clip(final String value) {
        var oneLine = value.replace('\n', ' ').replace('\r', ' ');
        return oneLine.length() <= 40 ? oneLine : oneLine.substring(0, 37) + "...";
    }
}
