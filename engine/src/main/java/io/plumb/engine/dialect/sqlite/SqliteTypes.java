package io.plumb.engine.dialect.sqlite;

import io.plumb.engine.schema.ColumnType;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code SqliteTypes} maps the types SQLite columns declare to the model: the names of Atlas's SQLite type registry
 * become {@link ColumnType.Named}, anything else stays {@link ColumnType.Raw} as written.
 */
public final class SqliteTypes {

    /** The type names Atlas's SQLite driver knows, multi-word names with single spaces. */
    public static final Set<String> NAMES = Set.of(
            "real",
            "blob",
            "text",
            "integer",
            "int",
            "tinyint",
            "smallint",
            "mediumint",
            "bigint",
            "unsigned big int",
            "int2",
            "int8",
            "uint64",
            "double",
            "double precision",
            "float",
            "character",
            "varchar",
            "varying character",
            "nchar",
            "native character",
            "nvarchar",
            "clob",
            "numeric",
            "decimal",
            "bool",
            "boolean",
            "date",
            "datetime",
            "json",
            "uuid",
            "jsonb");

    /**
     * The type names the reference's SQLite driver parses into a type of its own (the registry's names and {@code
     * char}, {@code time} and {@code timestamp}): it plans them by the name alone, lower case, without size,
     * precision or scale, which SQLite ignores anyway; any other type it writes as declared.
     */
    private static final Set<String> PLANNED_BY_NAME = Stream.concat(
                    NAMES.stream(), Stream.of("char", "time", "timestamp"))
            .collect(Collectors.toUnmodifiableSet());

    private static final Pattern DECLARED =
            Pattern.compile("([A-Za-z_][A-Za-z0-9_]*(?:\\s+[A-Za-z_][A-Za-z0-9_]*)*)\\s*(?:\\(([^()]*)\\))?");

    private SqliteTypes() {}

    /**
     * Returns a type as the planner writes it and the differ compares it, as the reference does: a known type by its
     * lower-case name alone ({@code VARCHAR(255)} is {@code varchar}, {@code decimal(10,2)} is {@code decimal}), any
     * other type as written. Inspected HCL keeps the arguments ({@code varchar(255)}); only the plan drops them.
     */
    public static String planned(ColumnType type) {
        String sql = type.sql();
        Matcher m = DECLARED.matcher(sql.trim());
        if (m.matches()) {
            String name = m.group(1).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
            if (PLANNED_BY_NAME.contains(name)) {
                return name;
            }
        }
        return sql;
    }

    /**
     * Parses a declared type such as {@code VARCHAR(255)} or {@code UNSIGNED BIG INT}.
     *
     * <p>A column declared without a type has BLOB affinity in SQLite, so it reads as {@code blob}: HCL has no way
     * to write an empty type, and planning {@code blob} gives the column the same affinity.
     */
    public static ColumnType parse(String declared) {
        String trimmed = declared.trim();
        if (trimmed.isEmpty()) {
            return ColumnType.Named.of("blob");
        }
        Matcher m = DECLARED.matcher(trimmed);
        if (!m.matches()) {
            return new ColumnType.Raw(declared);
        }
        String name = m.group(1).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        if (!NAMES.contains(name)) {
            return new ColumnType.Raw(declared);
        }
        String args = m.group(2);
        if (args == null) {
            return ColumnType.Named.of(name);
        }
        List<String> list = Arrays.stream(args.split(",", -1)).map(String::trim).toList();
        if (list.stream().anyMatch(String::isEmpty)) {
            return new ColumnType.Raw(declared);
        }
        return new ColumnType.Named(name, list);
    }
}
