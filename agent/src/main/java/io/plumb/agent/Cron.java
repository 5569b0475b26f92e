package io.plumb.agent;

import java.time.DayOfWeek;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.Locale;

/**
 * A {@code Cron} is a five-field cron expression (minute, hour, day of month, month, day of week) that gives the
 * next time a target is due.
 *
 * <p>Each field is {@code *}, a number, a range {@code a-b}, a step {@code * /n} or {@code a-b/n}, or a comma list
 * of those; months and days of the week also take their three-letter English names, and day 7 is Sunday as 0 is.
 * As in Vixie cron, when both the day of month and the day of week are restricted, a day matching either is due.
 * The shorthands {@code @hourly}, {@code @daily}, {@code @twice-daily}, {@code @weekly} and {@code @monthly} are
 * accepted. A small parser of our own: the ones on Maven Central bring Quartz's six- or seven-field dialects.
 */
public final class Cron {

    /** Twice a day, at midnight and noon: the agent's default schedule. */
    public static final String TWICE_DAILY = "0 0,12 * * *";

    private static final String[] MONTHS = {
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"
    };
    private static final String[] DAYS = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};

    private final String text;
    private final BitSet minutes;
    private final BitSet hours;
    private final BitSet daysOfMonth;
    private final BitSet months;
    private final BitSet daysOfWeek;
    private final boolean anyDayOfMonth;
    private final boolean anyDayOfWeek;

    private Cron(String text, String[] fields) {
        this.text = text;
        this.minutes = field(fields[0], "minute", 0, 59, null);
        this.hours = field(fields[1], "hour", 0, 23, null);
        this.daysOfMonth = field(fields[2], "day of month", 1, 31, null);
        this.months = field(fields[3], "month", 1, 12, MONTHS);
        BitSet days = field(fields[4], "day of week", 0, 7, DAYS);
        if (days.get(7)) {
            days.set(0);
        }
        this.daysOfWeek = days;
        this.anyDayOfMonth = fields[2].equals("*");
        this.anyDayOfWeek = fields[4].equals("*");
    }

    /**
     * Parses an expression.
     *
     * @throws IllegalArgumentException naming the field and what was expected
     */
    public static Cron parse(String text) {
        String trimmed = text.trim();
        String expanded =
                switch (trimmed) {
                    case "@hourly" -> "0 * * * *";
                    case "@daily", "@midnight" -> "0 0 * * *";
                    case "@twice-daily" -> TWICE_DAILY;
                    case "@weekly" -> "0 0 * * 0";
                    case "@monthly" -> "0 0 1 * *";
                    default -> trimmed;
                };
        String[] fields = expanded.split("\\s+");
        if (fields.length != 5) {
            throw new IllegalArgumentException("cron expression \"" + text
                    + "\": expected 5 fields (minute hour day-of-month month day-of-week), found " + fields.length);
        }
        return new Cron(trimmed, fields);
    }

    /** Returns the first minute strictly after {@code after} that the expression matches. */
    public ZonedDateTime next(ZonedDateTime after) {
        ZonedDateTime t = after.truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        // Five years covers every satisfiable expression (29 February within four); beyond that none matches.
        ZonedDateTime limit = t.plusYears(5);
        while (t.isBefore(limit)) {
            if (!months.get(t.getMonthValue())) {
                t = t.withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS).plusMonths(1);
            } else if (!isDayDue(t)) {
                t = t.truncatedTo(ChronoUnit.DAYS).plusDays(1);
            } else if (!hours.get(t.getHour())) {
                t = t.truncatedTo(ChronoUnit.HOURS).plusHours(1);
            } else if (!minutes.get(t.getMinute())) {
                t = t.plusMinutes(1);
            } else {
                return t;
            }
        }
        throw new IllegalArgumentException("cron expression \"" + text + "\" never matches");
    }

    private boolean isDayDue(ZonedDateTime t) {
        boolean dom = daysOfMonth.get(t.getDayOfMonth());
        DayOfWeek day = t.getDayOfWeek();
        boolean dow = daysOfWeek.get(day.getValue() % 7);
        if (anyDayOfMonth && anyDayOfWeek) {
            return true;
        }
        if (anyDayOfMonth) {
            return dow;
        }
        if (anyDayOfWeek) {
            return dom;
        }
        return dom || dow;
    }

    private BitSet field(
            String spec, String name, int min, int max, String @org.jspecify.annotations.Nullable [] names) {
        BitSet bits = new BitSet(max + 1);
        for (String part : spec.split(",", -1)) {
            int step = 1;
            String range = part;
            int slash = part.indexOf('/');
            if (slash >= 0) {
                step = number(part.substring(slash + 1), name, 1, max, null);
                range = part.substring(0, slash);
            }
            int from;
            int to;
            if (range.equals("*")) {
                from = min;
                to = max;
            } else if (range.contains("-")) {
                int dash = range.indexOf('-');
                from = number(range.substring(0, dash), name, min, max, names);
                to = number(range.substring(dash + 1), name, min, max, names);
                if (from > to) {
                    throw new IllegalArgumentException(
                            "cron expression \"" + text + "\": " + name + " range \"" + range + "\" runs backwards");
                }
            } else {
                from = number(range, name, min, max, names);
                to = slash >= 0 ? max : from;
            }
            for (int i = from; i <= to; i += step) {
                bits.set(i);
            }
        }
        return bits;
    }

    private int number(String s, String name, int min, int max, String @org.jspecify.annotations.Nullable [] names) {
        if (names != null) {
            String lower = s.toLowerCase(Locale.ROOT);
            for (int i = 0; i < names.length; i++) {
                if (names[i].equals(lower)) {
                    return min == 1 ? i + 1 : i;
                }
            }
        }
        int value;
        try {
            value = Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "cron expression \"" + text + "\": " + name + " \"" + s + "\" is not a number", e);
        }
        if (value < min || value > max) {
            throw new IllegalArgumentException("cron expression \"" + text + "\": " + name + " " + value
                    + " out of range, expected " + min + " to " + max);
        }
        return value;
    }

    @Override
    public String toString() {
        return text;
    }
}
