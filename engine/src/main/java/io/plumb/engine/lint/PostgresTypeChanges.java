package io.plumb.engine.lint;

import io.plumb.engine.schema.ColumnType;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code PostgresTypeChanges} tells which column type changes make PostgreSQL rewrite the table (PG301): all of
 * them, except the binary-coercible ones its {@code ALTER TABLE} documentation lists, which keep the rows as they
 * are: a longer or unlimited {@code varchar} or {@code varbit}, {@code varchar} to {@code text} and back to an
 * unlimited {@code varchar}, a {@code numeric} of the same scale with a larger or no precision, a larger or default
 * precision of the time types, and {@code cidr} to {@code inet}.
 */
final class PostgresTypeChanges {

    private static final Map<String, String> ALIASES = Map.of(
            "varchar", "character varying",
            "varbit", "bit varying",
            "decimal", "numeric",
            "timestamp without time zone", "timestamp",
            "timestamp with time zone", "timestamptz",
            "time without time zone", "time",
            "time with time zone", "timetz");

    private static final Set<String> LENGTHS = Set.of("character varying", "bit varying");
    private static final Set<String> TIMES = Set.of("timestamp", "timestamptz", "time", "timetz", "interval");

    /** PostgreSQL's precision of the time types when none is given. */
    private static final int DEFAULT_TIME_PRECISION = 6;

    private PostgresTypeChanges() {}

    /** Returns whether changing a column from one type to another rewrites the table. */
    static boolean rewrites(ColumnType from, ColumnType to) {
        if (from.sql().equalsIgnoreCase(to.sql())) {
            return false;
        }
        if (!(from instanceof ColumnType.Named f) || !(to instanceof ColumnType.Named t)) {
            return true;
        }
        String fromName = name(f);
        String toName = name(t);
        if (fromName.equals("character varying") && toName.equals("text")
                || fromName.equals("text")
                        && toName.equals("character varying")
                        && t.args().isEmpty()
                || fromName.equals("cidr") && toName.equals("inet")) {
            return false;
        }
        if (!fromName.equals(toName)) {
            return true;
        }
        if (LENGTHS.contains(fromName)) {
            return !(t.args().isEmpty()
                    || (number(f, 0).isPresent()
                            && number(t, 0).orElse(0) >= number(f, 0).get()));
        }
        if (fromName.equals("numeric")) {
            return !numericWidens(f, t);
        }
        if (TIMES.contains(fromName)) {
            return number(t, 0).orElse(DEFAULT_TIME_PRECISION) < number(f, 0).orElse(DEFAULT_TIME_PRECISION);
        }
        return true;
    }

    private static boolean numericWidens(ColumnType.Named from, ColumnType.Named to) {
        if (to.args().isEmpty()) {
            return true;
        }
        if (from.args().isEmpty()) {
            return false;
        }
        int fromScale = number(from, 1).orElse(0);
        int toScale = number(to, 1).orElse(0);
        return fromScale == toScale
                && number(to, 0).orElse(0) >= number(from, 0).orElse(0);
    }

    private static String name(ColumnType.Named type) {
        String name = type.name().toLowerCase(Locale.ROOT);
        return ALIASES.getOrDefault(name, name);
    }

    private static Optional<Integer> number(ColumnType.Named type, int index) {
        List<String> args = type.args();
        if (index >= args.size()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(args.get(index).strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
