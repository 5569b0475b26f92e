package io.plumb.engine.dialect.postgres;

import io.plumb.engine.schema.ColumnType;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code PostgresTypes} knows PostgreSQL's type names: those the HCL spec accepts, and the canonical name each one
 * is inspected as, which is also how two spellings of one type compare.
 *
 * <p>Canonical names follow the reference tool's inspect output: {@code integer}, {@code bigint}, {@code smallint},
 * {@code character varying(n)}, {@code character(n)}, {@code boolean}, {@code double precision}, {@code real},
 * {@code numeric(p,s)}, {@code timestamp}, {@code timestamptz}, {@code time}, {@code timetz} (a time precision is
 * kept only when it is not the default 6), and the serial types as declared.
 */
final class PostgresTypes {

    /** The type names the HCL spec accepts, as HCL spells them (words joined by underscores). */
    static final Set<String> NAMES = Set.of(
            "bit",
            "bit_varying",
            "varchar",
            "character_varying",
            "char",
            "character",
            "bpchar",
            "int2",
            "int4",
            "int8",
            "int",
            "integer",
            "smallint",
            "bigint",
            "text",
            "boolean",
            "bool",
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
            "point",
            "polygon",
            "date",
            "time",
            "timetz",
            "timestamp",
            "timestamptz",
            "double_precision",
            "real",
            "float",
            "float4",
            "float8",
            "numeric",
            "decimal",
            "smallserial",
            "serial",
            "bigserial",
            "serial2",
            "serial4",
            "serial8",
            "xml",
            "json",
            "jsonb",
            "uuid",
            "money",
            "tsvector",
            "tsquery",
            "int4range",
            "int4multirange",
            "int8range",
            "int8multirange",
            "numrange",
            "nummultirange",
            "tsrange",
            "tsmultirange",
            "tstzrange",
            "tstzmultirange",
            "daterange",
            "datemultirange",
            "hstore",
            "xid",
            "xid8",
            "interval",
            "year",
            "month",
            "day",
            "hour",
            "minute",
            "second",
            "year_to_month",
            "day_to_hour",
            "day_to_minute",
            "day_to_second",
            "hour_to_minute",
            "hour_to_second",
            "minute_to_second",
            "name",
            // The object identifier types and the pseudo-types a routine may take or return, as the reference's
            // spec registers them (a function returns trigger, void or record; an argument is anyelement).
            "oid",
            "regclass",
            "regcollation",
            "regconfig",
            "regdictionary",
            "regnamespace",
            "regoper",
            "regoperator",
            "regproc",
            "regprocedure",
            "regrole",
            "regtype",
            "any",
            "anyelement",
            "anyarray",
            "anynonarray",
            "anyenum",
            "internal",
            "record",
            "trigger",
            "event_trigger",
            "void",
            "unknown");

    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("int", "integer"),
            Map.entry("int4", "integer"),
            Map.entry("int2", "smallint"),
            Map.entry("int8", "bigint"),
            Map.entry("varchar", "character varying"),
            Map.entry("char", "character"),
            Map.entry("bool", "boolean"),
            Map.entry("float8", "double precision"),
            Map.entry("float4", "real"),
            Map.entry("decimal", "numeric"),
            Map.entry("serial4", "serial"),
            Map.entry("serial2", "smallserial"),
            Map.entry("serial8", "bigserial"),
            Map.entry("timestamp without time zone", "timestamp"),
            Map.entry("timestamp with time zone", "timestamptz"),
            Map.entry("time without time zone", "time"),
            Map.entry("time with time zone", "timetz"),
            // The one type name whose underscore is its own, which the HCL reader turns into a blank.
            Map.entry("event trigger", "event_trigger"));

    private static final Set<String> TIMES = Set.of("timestamp", "timestamptz", "time", "timetz", "interval");

    /**
     * The fields an interval type can be restricted to ({@code interval day to second(4)}), which the HCL spec names
     * without the word interval ({@code day_to_second(4)}), as the reference does.
     */
    static final Set<String> INTERVAL_FIELDS = Set.of(
            "year",
            "month",
            "day",
            "hour",
            "minute",
            "second",
            "year to month",
            "day to hour",
            "day to minute",
            "day to second",
            "hour to minute",
            "hour to second",
            "minute to second");

    private static final String INTERVAL = "interval ";

    // format_type spells a time precision inside the name: "timestamp(3) with time zone".
    private static final Pattern FORMATTED = Pattern.compile("([a-z_ ]+?)(?:\\(([0-9, ]+)\\))?([a-z ]*)");

    private PostgresTypes() {}

    /** Returns the canonical form of a type; raw types and unknown names come back as they are. */
    static ColumnType canonical(ColumnType type) {
        if (!(type instanceof ColumnType.Named named)) {
            return type;
        }
        String name = named.name().toLowerCase(Locale.ROOT);
        name = ALIASES.getOrDefault(name, name);
        List<String> args = named.args();
        // bpchar(n) is character(n), but bpchar alone is blank-padded text of any length, where character is
        // character(1).
        if (name.equals("bpchar") && !args.isEmpty()) {
            name = "character";
        }
        if (name.equals("float") && args.size() == 1) {
            // PostgreSQL reads float(1..24) as real and float(25..53) as double precision.
            return ColumnType.Named.of(Integer.parseInt(args.get(0)) <= 24 ? "real" : "double precision");
        }
        if (name.equals("float")) {
            return ColumnType.Named.of("double precision");
        }
        if (INTERVAL_FIELDS.contains(name)) {
            name = INTERVAL + name;
        }
        if ((TIMES.contains(name) || name.startsWith(INTERVAL)) && args.equals(List.of("6"))) {
            args = List.of();
        }
        return new ColumnType.Named(name, args);
    }

    /** Returns the type as the HCL spec names it: an interval restricted to fields by its fields alone. */
    static ColumnType hclType(ColumnType type) {
        if (type instanceof ColumnType.Named named
                && named.name().startsWith(INTERVAL)
                && INTERVAL_FIELDS.contains(named.name().substring(INTERVAL.length()))) {
            return new ColumnType.Named(named.name().substring(INTERVAL.length()), named.args());
        }
        return type;
    }

    /**
     * Returns the type that {@code format_type} spells, in canonical form: a name PostgreSQL ships as a named type,
     * anything else (arrays, user-defined types) as raw SQL.
     */
    static ColumnType fromCatalog(String formatted) {
        Matcher m = FORMATTED.matcher(formatted);
        if (!m.matches()) {
            return new ColumnType.Raw(formatted);
        }
        String name = (m.group(1).trim() + m.group(3)).trim();
        String hclName = ALIASES.getOrDefault(name, name).replace(' ', '_');
        if (name.startsWith(INTERVAL) && INTERVAL_FIELDS.contains(name.substring(INTERVAL.length()))) {
            hclName = "interval";
        }
        if (!NAMES.contains(hclName)) {
            return new ColumnType.Raw(formatted);
        }
        List<String> args = m.group(2) == null
                ? List.of()
                : List.of(m.group(2).replace(" ", "").split(","));
        return canonical(new ColumnType.Named(name, args));
    }

    /** Returns whether the type holds text, on which numeric defaults stay strings. */
    static boolean isString(ColumnType type) {
        ColumnType c = canonical(type);
        return c instanceof ColumnType.Named n
                && Set.of("text", "character varying", "character", "bpchar", "name", "xml", "json", "jsonb")
                        .contains(n.name());
    }
}
