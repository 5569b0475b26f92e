package io.plumb.engine.migrate;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * {@code RevisionTimes} writes and reads {@code executed_at} as the reference tool's SQLite driver stores times:
 * {@code 2006-01-02 15:04:05.999999999-07:00}.
 *
 * <p>Reading is on the path of every {@code migrate} run, once per revision (a migration test reads a few hundred
 * per case), so that exact shape is read by hand; anything else goes through the formatter, which also reads an
 * ISO-8601 {@code T} and explains what it cannot read.
 */
final class RevisionTimes {

    private static final DateTimeFormatter FORMAT = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd HH:mm:ss")
            .optionalStart()
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
            .optionalEnd()
            .appendOffset("+HH:MM", "+00:00")
            .toFormatter(Locale.ROOT);

    private RevisionTimes() {}

    static String format(Instant instant) {
        return FORMAT.format(instant.atOffset(ZoneOffset.UTC));
    }

    static Instant parse(String text) {
        String trimmed = text.trim();
        Instant canonical = canonical(trimmed);
        if (canonical != null) {
            return canonical;
        }
        try {
            return OffsetDateTime.parse(trimmed, FORMAT).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(trimmed.replace(' ', 'T'));
            } catch (DateTimeParseException again) {
                throw new MigrateException("revisions table: executed_at \"" + text + "\" is not a time", again);
            }
        }
    }

    /**
     * Reads {@code yyyy-MM-dd HH:mm:ss[.f...]+HH:MM} (one to nine fraction digits, either sign), the shape {@link
     * #format} writes; returns null for anything else, including out-of-range fields, for the formatter to judge.
     */
    static @Nullable Instant canonical(String text) {
        int length = text.length();
        int fractionEnd = 19;
        if (length > 19 && text.charAt(19) == '.') {
            fractionEnd = 20;
            while (fractionEnd < length && isDigit(text.charAt(fractionEnd))) {
                fractionEnd++;
            }
            if (fractionEnd == 20 || fractionEnd > 29) {
                return null;
            }
        }
        if (length != fractionEnd + 6
                || !separated(text, 4, '-')
                || !separated(text, 7, '-')
                || !separated(text, 10, ' ')
                || !separated(text, 13, ':')
                || !separated(text, 16, ':')
                || !separated(text, fractionEnd + 3, ':')) {
            return null;
        }
        char sign = text.charAt(fractionEnd);
        if (sign != '+' && sign != '-') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        int offsetHours = digits(text, fractionEnd + 1, 2);
        int offsetMinutes = digits(text, fractionEnd + 4, 2);
        if (year < 0
                || month < 0
                || day < 0
                || hour < 0
                || minute < 0
                || second < 0
                || offsetHours < 0
                || offsetMinutes < 0) {
            return null;
        }
        int nanos = 0;
        for (int i = 20; i < 29; i++) {
            nanos = nanos * 10 + (i < fractionEnd ? text.charAt(i) - '0' : 0);
        }
        try {
            ZoneOffset offset = sign == '+'
                    ? ZoneOffset.ofHoursMinutes(offsetHours, offsetMinutes)
                    : ZoneOffset.ofHoursMinutes(-offsetHours, -offsetMinutes);
            return LocalDateTime.of(year, month, day, hour, minute, second, nanos)
                    .toInstant(offset);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static boolean separated(String text, int at, char separator) {
        return text.charAt(at) == separator;
    }

    // The value of a run of decimal digits, or -1 when one is not a digit.
    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
