package io.plumb.engine.dialect.mysql;

import io.plumb.engine.schema.ColumnType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code MysqlTypes} knows the type names of MySQL and MariaDB and reads the {@code COLUMN_TYPE} text of {@code
 * information_schema} into the model, dropping the integer display widths that carry no meaning.
 */
final class MysqlTypes {

    /** The type names of the reference tool's MySQL registry, HCL spelling. */
    static final Set<String> NAMES = Set.of(
            "bool",
            "boolean",
            "bit",
            "tinyint",
            "smallint",
            "mediumint",
            "int",
            "integer",
            "bigint",
            "decimal",
            "numeric",
            "float",
            "double",
            "real",
            "timestamp",
            "date",
            "time",
            "datetime",
            "year",
            "varchar",
            "char",
            "varbinary",
            "binary",
            "blob",
            "tinyblob",
            "mediumblob",
            "longblob",
            "json",
            "text",
            "tinytext",
            "mediumtext",
            "longtext",
            "geometry",
            "point",
            "multipoint",
            "linestring",
            "multilinestring",
            "polygon",
            "multipolygon",
            "geometrycollection",
            "inet4",
            "inet6",
            "enum",
            "set");

    /** The integer types, whose arguments are display widths. */
    static final Set<String> INTEGERS = Set.of("tinyint", "smallint", "mediumint", "int", "integer", "bigint");

    private static final Pattern COLUMN_TYPE = Pattern.compile("([a-z0-9_ ]+?)\\s*(?:\\((.*)\\))?((?:\\s+\\w+)*)");

    private MysqlTypes() {}

    /**
     * A parsed column type.
     *
     * @param type the type in the model
     * @param unsigned whether the type was declared {@code unsigned}
     */
    record Parsed(ColumnType type, boolean unsigned) {}

    /** Parses {@code COLUMN_TYPE} text such as {@code int(10) unsigned}, {@code enum('a','b')}, {@code tinyint(1)}. */
    static Parsed parse(String columnType) {
        String text = columnType.trim();
        Matcher m = COLUMN_TYPE.matcher(text.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return new Parsed(new ColumnType.Raw(text), false);
        }
        String name = m.group(1).trim();
        boolean unsigned = m.group(3) != null && m.group(3).contains("unsigned");
        if (!NAMES.contains(name)) {
            return new Parsed(new ColumnType.Raw(text), false);
        }
        String rawArgs = m.group(2);
        // Enum and set values keep their case, so they are taken from the original text.
        List<String> args = rawArgs == null
                ? List.of()
                : splitArgs(text.substring(text.indexOf('(') + 1, text.indexOf('(') + 1 + rawArgs.length()));
        if (name.equals("tinyint") && args.equals(List.of("1"))) {
            return new Parsed(ColumnType.Named.of("bool"), unsigned);
        }
        // Integer display widths and year's (4) are spelling, not type.
        if (INTEGERS.contains(name) || name.equals("year")) {
            return new Parsed(ColumnType.Named.of(name), unsigned);
        }
        return new Parsed(new ColumnType.Named(name, args), unsigned);
    }

    /** Splits type arguments at the commas that are outside quoted strings. */
    static List<String> splitArgs(String args) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < args.length(); i++) {
            char c = args.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                out.add(current.toString().trim());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        out.add(current.toString().trim());
        return out;
    }
}
