package io.mlops.util;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Durations as people write them, read the same way by {@code mlops train --timeout} and the {@code trainModel}
 * step's {@code timeout}: days, hours, minutes and seconds such as {@code 6h}, {@code 90m}, {@code 1h30m},
 * {@code 45s} or {@code 2d} (spaces and upper case allowed); ISO-8601 such as {@code PT6H}; and, as Jenkins' own
 * timeouts, a plain number of minutes.
 */
public final class DurationText {
    private static final Pattern WHOLE = Pattern.compile("(\\d{1,7}[dhms])+");
    private static final Pattern PART = Pattern.compile("(\\d{1,7})([dhms])");
    private static final Pattern MINUTES = Pattern.compile("\\d{1,7}");

    private DurationText() {
    }

    /**
     * Reads a positive duration.
     *
     * @param field the parameter's name, for the message
     * @param text  what the user wrote
     * @throws InputException naming the field when the text is no duration, or not longer than zero
     */
    public static Duration parse(final String field, final String text) {
        var compact = text.replace(" ", "").toLowerCase(Locale.ROOT);
        Duration duration;
        try {
            if (MINUTES.matcher(compact).matches()) {
                duration = Duration.ofMinutes(Long.parseLong(compact));
            }
            else if (compact.startsWith("p")) {
                duration = Duration.parse(compact.toUpperCase(Locale.ROOT));
            }
            else if (compact.length() <= 24 && WHOLE.matcher(compact).matches()) {
                duration = Duration.ZERO;
                var parts = PART.matcher(compact);
                while (parts.find()) {
                    duration = duration.plus(Long.parseLong(parts.group(1)), unit(parts.group(2)));
                }
            }
            else {
                throw new DateTimeParseException("not a duration", compact, 0);
            }
        }
        catch (DateTimeParseException | ArithmeticException e) {
            throw new InputException(field + ": '" + text.strip() + "' is not a duration: expected hours, minutes "
                    + "and seconds such as 6h, 90m or 1h30m, or a number of minutes");
        }
        if (duration.isZero() || duration.isNegative()) {
            throw new InputException(field + ": must be longer than 0, got '" + text.strip() + "'");
        }
        return duration;
    }

    private static ChronoUnit unit(final String letter) {
        return switch (letter) {
            case "d" -> ChronoUnit.DAYS;
            case "h" -> ChronoUnit.HOURS;
            case "m" -> ChronoUnit.MINUTES;
            default -> ChronoUnit.SECONDS;
        };
    }
}
