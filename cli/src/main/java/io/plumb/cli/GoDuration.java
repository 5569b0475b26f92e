package io.plumb.cli;

import java.time.Duration;

/**
 * {@code GoDuration} prints a duration as Go's {@code time.Duration.String} does, which is what the reference
 * tool's outputs show: {@code 624µs}, {@code 1.234567ms}, {@code 10.5s}, {@code 2m3.5s}.
 */
final class GoDuration {

    private GoDuration() {}

    static String format(Duration duration) {
        long nanos = duration.toNanos();
        if (nanos == 0) {
            return "0s";
        }
        String sign = nanos < 0 ? "-" : "";
        long u = Math.abs(nanos);
        if (u < 1_000) {
            return sign + u + "ns";
        }
        if (u < 1_000_000) {
            return sign + fraction(u, 1_000) + "µs";
        }
        if (u < 1_000_000_000) {
            return sign + fraction(u, 1_000_000) + "ms";
        }
        long hours = u / 3_600_000_000_000L;
        long minutes = u / 60_000_000_000L % 60;
        String seconds = fraction(u % 60_000_000_000L, 1_000_000_000) + "s";
        if (hours > 0) {
            return sign + hours + "h" + minutes + "m" + seconds;
        }
        return minutes > 0 ? sign + minutes + "m" + seconds : sign + seconds;
    }

    // The value in units of `unit`, with the fraction's trailing zeros (and a bare point) removed.
    private static String fraction(long value, long unit) {
        long whole = value / unit;
        long rest = value % unit;
        if (rest == 0) {
            return Long.toString(whole);
        }
        String digits = Long.toString(unit + rest).substring(1).replaceAll("0+$", "");
        return whole + "." + digits;
    }
}
