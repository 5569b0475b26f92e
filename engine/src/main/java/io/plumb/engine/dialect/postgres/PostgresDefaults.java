package io.plumb.engine.dialect.postgres;

import io.plumb.engine.schema.ColumnType;
import io.plumb.engine.schema.DefaultValue;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code PostgresDefaults} reads the default expressions PostgreSQL stores ({@code 'anon'::character varying},
 * {@code (-1)}, {@code now()}) back into the literals and expressions a schema file declares.
 *
 * <p>A quoted literal with a cast loses the cast, as the reference's inspection drops it, only on a column of a type
 * whose values a quoted string spells: strings, binary, network, geometric, date and time, JSON, UUID, XML, arrays
 * and enums ({@code 'unknown'::character varying} is {@code "unknown"}); on a boolean or numeric column only when
 * the string is a boolean or a number ({@code '1.5'::numeric} is {@code 1.5}). On every other type (intervals, bit
 * strings, money, text search, ranges, object identifiers, domains, composite and extension types) the default
 * stays the expression PostgreSQL printed, cast and all: {@code sql("'03:00:00'::interval")}.
 */
final class PostgresDefaults {

    // A quoted literal and the cast after it: 'it''s'::text, 'a'::character varying(10), '{}'::integer[],
    // 'x'::"Schema"."Enum".
    private static final Pattern CAST_LITERAL = Pattern.compile("('(?:[^']|'')*')::(.+)");
    private static final Pattern QUOTED = Pattern.compile("'(?:[^']|'')*'");
    // Only a bare number is a number literal, as the reference reads it: a parenthesised one ((-1), which PostgreSQL
    // prints for a negative constant it does not label) or one with a cast ((1)::bigint) is an expression.
    private static final Pattern NUMBER = Pattern.compile("(-?[0-9]+(?:\\.[0-9]+)?(?:[eE][-+]?[0-9]+)?)");
    private static final Pattern NUMERIC_TEXT = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

    private static final Set<String> LITERAL_TYPES = Set.of(
            "text",
            "character varying",
            "character",
            "bpchar",
            "name",
            "bytea",
            "cidr",
            "inet",
            "macaddr",
            "macaddr8",
            "circle",
            "line",
            "lseg",
            "box",
            "path",
            "polygon",
            "point",
            "geometry",
            "date",
            "time",
            "timetz",
            "timestamp",
            "timestamptz",
            "json",
            "jsonb",
            "uuid",
            "xml");
    private static final Set<String> NUMERIC_TYPES =
            Set.of("smallint", "integer", "bigint", "xid", "xid8", "real", "double precision", "numeric");

    private PostgresDefaults() {}

    /** Returns the default a stored expression stands for, on a column of the given type (not an enum). */
    static DefaultValue fromCatalog(String expr, ColumnType type) {
        return fromCatalog(expr, type, false);
    }

    /** Returns the default a stored expression stands for, on a column of the given type, an enum or not. */
    static DefaultValue fromCatalog(String expr, ColumnType type, boolean enumType) {
        String text = expr.trim();
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.equals("true") || lower.equals("false")) {
            return new DefaultValue.Literal(lower);
        }
        Matcher number = NUMBER.matcher(text);
        if (number.matches()) {
            return new DefaultValue.Literal(number.group(1));
        }
        if (QUOTED.matcher(text).matches()) {
            return new DefaultValue.Literal(text);
        }
        Matcher literal = CAST_LITERAL.matcher(text);
        if (!literal.matches()) {
            return new DefaultValue.RawExpr(text);
        }
        String quoted = literal.group(1);
        String inner = quoted.substring(1, quoted.length() - 1);
        String name = typeName(type);
        if (enumType || name.endsWith("[]") || LITERAL_TYPES.contains(name)) {
            return new DefaultValue.Literal(quoted);
        }
        if (name.equals("boolean") && (inner.equals("true") || inner.equals("false"))) {
            return new DefaultValue.Literal(inner);
        }
        if (NUMERIC_TYPES.contains(name) && NUMERIC_TEXT.matcher(inner).matches()) {
            return new DefaultValue.Literal(inner);
        }
        return new DefaultValue.RawExpr(text);
    }

    // The canonical name without arguments: "character varying", "timestamptz", "integer[]", or a raw type's SQL.
    private static String typeName(ColumnType type) {
        ColumnType canonical = PostgresTypes.canonical(type);
        return canonical instanceof ColumnType.Named named
                ? named.name()
                : canonical.sql().trim().toLowerCase(Locale.ROOT);
    }
}
