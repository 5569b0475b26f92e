package io.plumb.engine.migrate;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Locale;

/**
 * {@code RevisionTimes} writes and reads {@code executed_at} as the reference tool's SQLite driver stores times:
 * {@code 2006-01-02 15:04:05.999999999-07:00}.
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
}
