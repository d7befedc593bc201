package io.mlops.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** Durations as people write them: {@code 90s}, {@code 30m}, {@code 6h}, {@code 1h30m}, {@code 2d}, or ISO {@code PT6H}. */
final class DurationText implements ITypeConverter<Duration> {
    private static final Pattern PART = Pattern.compile("(\\d+)([dhms])");
    private static final Pattern WHOLE = Pattern.compile("(\\d+[dhms])+");

    @Override
    public Duration convert(final String text) {
        var value = text.strip().toLowerCase(java.util.Locale.ROOT);
        if (value.startsWith("p")) {
            try {
                return Duration.parse(value.toUpperCase(java.util.Locale.ROOT));
            }
            catch (DateTimeParseException e) {
                throw invalid(text);
            }
        }
        if (!WHOLE.matcher(value).matches()) {
            throw invalid(text);
        }
        var duration = Duration.ZERO;
        var parts = PART.matcher(value);
        while (parts.find()) {
            long amount = Long.parseLong(parts.group(1));
            duration = duration.plus(switch (parts.group(2)) {
                case "d" -> Duration.ofDays(amount);
                case "h" -> Duration.ofHours(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofSeconds(amount);
            });
        }
        return duration;
    }

    private static TypeConversionException invalid(final String text) {
        return new TypeConversionException("'" + text + "' is not a duration: expected e.g. 90s, 30m, 6h or 1h30m");
    }
}
