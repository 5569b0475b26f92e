package io.plumb.engine.dialect.mysql;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code MysqlEventSchedule} is the {@code ON SCHEDULE} clause of an event, in the form {@code SHOW CREATE EVENT}
 * prints it: {@code AT '2030-01-01 00:00:00'}, or {@code EVERY 1 DAY STARTS '...' ENDS '...'}.
 *
 * @param at the time of a one-time event, or empty
 * @param every the interval of a recurring event ({@code 1 DAY}, {@code '1:30' HOUR_MINUTE}), or empty
 * @param starts when a recurring event starts, or empty
 * @param ends when a recurring event ends, or empty
 */
record MysqlEventSchedule(String at, String every, String starts, String ends) {

    private static final Pattern SQL =
            Pattern.compile("AT '([^']*)'|EVERY (.+?)(?: STARTS '([^']*)')?(?: ENDS '([^']*)')?", Pattern.DOTALL);

    /** Returns the schedule of a one-time event. */
    static MysqlEventSchedule at(String at) {
        return new MysqlEventSchedule(at, "", "", "");
    }

    /** Returns the clause's SQL. */
    String sql() {
        if (!at.isEmpty()) {
            return "AT '" + at + "'";
        }
        // The field is the last word; a value of several numbers ('1:30' HOUR_MINUTE) is quoted.
        String text = every.trim();
        int space = text.lastIndexOf(' ');
        String value = space < 0 ? text : text.substring(0, space).trim();
        String field = space < 0 ? "" : text.substring(space + 1).toUpperCase(java.util.Locale.ROOT);
        value = value.matches("\\d+") || value.startsWith("'") ? value : "'" + value + "'";
        StringBuilder sql = new StringBuilder("EVERY ").append(value);
        if (!field.isEmpty()) {
            sql.append(' ').append(field);
        }
        if (!starts.isEmpty()) {
            sql.append(" STARTS '").append(starts).append('\'');
        }
        if (!ends.isEmpty()) {
            sql.append(" ENDS '").append(ends).append('\'');
        }
        return sql.toString();
    }

    /** Parses a clause that {@link #sql()} wrote. */
    static MysqlEventSchedule parse(String sql) {
        Matcher m = SQL.matcher(sql);
        if (!m.matches()) {
            return new MysqlEventSchedule("", sql.replaceFirst("^EVERY ", ""), "", "");
        }
        if (m.group(1) != null) {
            return at(m.group(1));
        }
        String every = m.group(2).replaceFirst("^'([^']*)'", "$1");
        return new MysqlEventSchedule(
                "", every, m.group(3) == null ? "" : m.group(3), m.group(4) == null ? "" : m.group(4));
    }
}
