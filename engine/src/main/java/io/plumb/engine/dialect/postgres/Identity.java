package io.plumb.engine.dialect.postgres;

import io.plumb.engine.schema.Column;
import io.plumb.engine.schema.ColumnType;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code Identity} is how the model keeps a PostgreSQL identity column, which it has no field for: column options
 * {@code identity} ({@code ALWAYS} or {@code BY_DEFAULT}), and {@code identity_start} and {@code
 * identity_increment} when they are not 1, which the HCL spec reads from and writes as the column's {@code identity {
 * generated = ALWAYS start = 10 increment = 10 }} block. It also maps integer types to their serial spelling.
 */
final class Identity {

    /** The option naming how the identity is generated. */
    static final String GENERATED = "identity";

    /** The option holding the start value, when it is not 1. */
    static final String START = "identity_start";

    /** The option holding the increment, when it is not 1. */
    static final String INCREMENT = "identity_increment";

    private Identity() {}

    /** Returns the options of an identity column from its catalog code ({@code a}, {@code d}) and sequence. */
    static Map<String, String> options(String code, long start, long increment) {
        return options(code.equals("a") ? "ALWAYS" : "BY_DEFAULT", Long.toString(start), Long.toString(increment));
    }

    /** Returns the options of an identity column, leaving out a start or increment of 1. */
    static Map<String, String> options(String generated, String start, String increment) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put(GENERATED, generated);
        if (!start.equals("1")) {
            options.put(START, start);
        }
        if (!increment.equals("1")) {
            options.put(INCREMENT, increment);
        }
        return options;
    }

    /** Returns whether the column is an identity column. */
    static boolean isIdentity(Column column) {
        return column.options().containsKey(GENERATED);
    }

    /** Returns the {@code GENERATED ... AS IDENTITY} clause of an identity column. */
    static String clause(Column column) {
        Map<String, String> options = column.options();
        String kind = options.getOrDefault(GENERATED, "BY_DEFAULT").replace('_', ' ');
        String start = options.get(START);
        String increment = options.get(INCREMENT);
        StringBuilder sql = new StringBuilder("GENERATED ").append(kind).append(" AS IDENTITY");
        if (start != null || increment != null) {
            sql.append(" (");
            if (start != null) {
                sql.append("START WITH ").append(start);
            }
            if (increment != null) {
                sql.append(start != null ? " " : "").append("INCREMENT BY ").append(increment);
            }
            sql.append(')');
        }
        return sql.toString();
    }

    /** Returns the serial type of an integer type whose default draws from an owned sequence. */
    static ColumnType serial(ColumnType type) {
        if (type instanceof ColumnType.Named named) {
            return switch (named.name()) {
                case "smallint" -> ColumnType.Named.of("smallserial");
                case "bigint" -> ColumnType.Named.of("bigserial");
                case "integer" -> ColumnType.Named.of("serial");
                default -> type;
            };
        }
        return type;
    }
}
