package io.mlops.cli;

import io.mlops.util.DurationText;
import io.mlops.util.InputException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.time.Duration;

/** A duration option, read by {@link DurationText} as the Jenkins steps read theirs. */
final class DurationOption implements ITypeConverter<Duration> {
    @Override
    public Duration convert(final String text) {
        try {
            return DurationText.parse("duration", text);
        }
        catch (InputException e) {
            // picocli names the option itself: "Invalid value for option '--timeout': ..."
            throw new TypeConversionException(e.getMessage().substring("duration: ".length()));
        }
    }
}
