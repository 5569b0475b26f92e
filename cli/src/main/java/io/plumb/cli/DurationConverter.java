package io.plumb.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A {@code DurationConverter} reads a duration the way Go's {@code time.ParseDuration} and {@code go test
 * -timeout} do ({@code 90s}, {@code 5m}, {@code 1h30m}, {@code 250ms}), or in ISO-8601 form ({@code PT5M}).
 */
final class DurationConverter implements ITypeConverter<Duration> {
    private static final Pattern WHOLE = Pattern.compile("(?:\\d+(?:\\.\\d+)?(?:ns|us|µs|ms|s|m|h))+");
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|s|m|h)");

    @Override
    public Duration convert(String value) {
        Duration duration = parse(value.trim());
        if (duration.isNegative() || duration.isZero()) {
            throw new TypeConversionException("duration must be positive, found \"" + value + "\"");
        }
        return duration;
    }

    private static Duration parse(String value) {
        if (value.startsWith("P") || value.startsWith("p")) {
            try {
                return Duration.parse(value);
            } catch (DateTimeParseException e) {
                throw invalid(value);
            }
        }
        if (!WHOLE.matcher(value).matches()) {
            throw invalid(value);
        }
        double nanos = 0;
        Matcher part = PART.matcher(value);
        while (part.find()) {
            nanos += Double.parseDouble(part.group(1)) * nanosPer(part.group(2));
        }
        // Go's time.ParseDuration refuses what does not fit in int64 nanoseconds (about 292 years); Math.round
        // would quietly cap it.
        if (nanos >= 0x1p63) {
            throw new TypeConversionException(
                    "invalid duration \"" + value + "\": out of range, expected at most 2562047h47m16s");
        }
        return Duration.ofNanos(Math.round(nanos));
    }

    private static double nanosPer(String unit) {
        return switch (unit) {
            case "ns" -> 1;
            case "us", "µs" -> 1e3;
            case "ms" -> 1e6;
            case "s" -> 1e9;
            case "m" -> 60e9;
            default -> 3600e9;
        };
    }

    private static TypeConversionException invalid(String value) {
        return new TypeConversionException(
                "invalid duration \"" + value + "\": expected a number with a unit, such as 30s, 5m or 1h30m");
    }
}
