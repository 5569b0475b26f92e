package io.plumb.engine.dialect.mysql;

import io.plumb.engine.schema.Column;
import io.plumb.engine.schema.ColumnType;
import io.plumb.engine.schema.DefaultValue;
import io.plumb.engine.schema.Generated;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A {@code MysqlColumnRow} is one row of {@code information_schema.COLUMNS} as the server wrote it, and the column
 * it describes: the servers spell defaults, {@code ON UPDATE} and generated columns differently, and this is where
 * both spellings become one model.
 *
 * @param schema {@code TABLE_SCHEMA}
 * @param name {@code COLUMN_NAME}
 * @param columnType {@code COLUMN_TYPE}, such as {@code int(10) unsigned}
 * @param dataType {@code DATA_TYPE}, such as {@code longtext}
 * @param nullable whether {@code IS_NULLABLE} is {@code YES}
 * @param columnDefault {@code COLUMN_DEFAULT}
 * @param extra {@code EXTRA}, such as {@code DEFAULT_GENERATED on update CURRENT_TIMESTAMP}
 * @param charset {@code CHARACTER_SET_NAME}
 * @param collation {@code COLLATION_NAME}
 * @param comment {@code COLUMN_COMMENT}
 * @param generation {@code GENERATION_EXPRESSION}
 */
record MysqlColumnRow(
        String schema,
        String name,
        String columnType,
        String dataType,
        boolean nullable,
        @Nullable String columnDefault,
        String extra,
        @Nullable String charset,
        @Nullable String collation,
        String comment,
        String generation) {

    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");
    private static final List<String> NUMERIC = List.of("bool", "decimal", "float", "double", "bit", "year");

    /** Reads the current row of the inspector's column query. */
    static MysqlColumnRow of(ResultSet rs) throws SQLException {
        return new MysqlColumnRow(
                rs.getString("TABLE_SCHEMA"),
                rs.getString("COLUMN_NAME"),
                rs.getString("COLUMN_TYPE"),
                orEmpty(rs.getString("DATA_TYPE")),
                "YES".equals(rs.getString("IS_NULLABLE")),
                rs.getString("COLUMN_DEFAULT"),
                orEmpty(rs.getString("EXTRA")),
                rs.getString("CHARACTER_SET_NAME"),
                rs.getString("COLLATION_NAME"),
                orEmpty(rs.getString("COLUMN_COMMENT")),
                orEmpty(rs.getString("GENERATION_EXPRESSION")));
    }

    /** Returns the column this row describes on a server of the given flavour. */
    Column column(MysqlFlavour flavour) {
        MysqlTypes.Parsed parsed = MysqlTypes.parse(columnType);
        String lowerExtra = extra.toLowerCase(Locale.ROOT);
        Map<String, String> options = new LinkedHashMap<>();
        if (parsed.unsigned()) {
            options.put(MysqlSpecDialect.UNSIGNED, "true");
        }
        int onUpdate = lowerExtra.indexOf("on update ");
        if (onUpdate >= 0) {
            options.put(MysqlSpecDialect.ON_UPDATE, MysqlCanonical.now(extra.substring(onUpdate + 10)));
        }
        if (charset != null) {
            options.put(MysqlSpecDialect.CHARSET, charset);
        }
        if (collation != null) {
            options.put(MysqlSpecDialect.COLLATE, collation);
        }
        Optional<Generated> generated = generation.isEmpty()
                ? Optional.empty()
                : Optional.of(new Generated(
                        generation(flavour),
                        lowerExtra.contains("stored") || lowerExtra.contains("persistent") ? "STORED" : "VIRTUAL"));
        Optional<DefaultValue> defaultValue =
                generated.isPresent() ? Optional.empty() : defaultValue(parsed.type(), lowerExtra, flavour);
        return new Column(
                name,
                parsed.type(),
                nullable,
                defaultValue,
                generated,
                lowerExtra.contains("auto_increment"),
                comment.isEmpty() ? Optional.empty() : Optional.of(comment),
                options,
                Optional.of(columnType));
    }

    /** Returns whether the server keeps this column as {@code longtext}, as MariaDB keeps JSON. */
    boolean isLongtext() {
        return dataType.equalsIgnoreCase("longtext");
    }

    // MySQL 8 wraps generation expressions in parentheses (`(`n` * 2)`); MariaDB does not.
    private String generation(MysqlFlavour flavour) {
        String own = expression(generation);
        return flavour == MysqlFlavour.MYSQL ? MysqlCanonical.unwrap(own) : own;
    }

    /**
     * Returns an expression without the qualifier of the column's own schema (MariaDB's {@code nextval(`db`.`seq`)}),
     * as a view's query is read ({@link MysqlObjectTexts#unqualified}): read on a dev database, it would otherwise
     * name the dev schema.
     */
    private String expression(String text) {
        return MysqlObjectTexts.unqualified(text, schema);
    }

    /**
     * Reads the column default. MariaDB quotes string defaults and spells a missing default on a nullable column
     * {@code NULL}; MySQL writes string defaults bare and marks expressions {@code DEFAULT_GENERATED}.
     */
    private Optional<DefaultValue> defaultValue(ColumnType type, String lowerExtra, MysqlFlavour flavour) {
        String text = columnDefault;
        if (text == null) {
            return Optional.empty();
        }
        if (flavour == MysqlFlavour.MARIADB) {
            if (text.equals("NULL")) {
                return Optional.empty();
            }
            if (text.startsWith("'") || NUMBER.matcher(text).matches() || text.startsWith("b'")) {
                return Optional.of(new DefaultValue.Literal(text));
            }
            return Optional.of(new DefaultValue.RawExpr(MysqlCanonical.now(expression(text))));
        }
        if (lowerExtra.contains("default_generated")) {
            return Optional.of(new DefaultValue.RawExpr(MysqlCanonical.now(expression(text))));
        }
        boolean numeric = type instanceof ColumnType.Named named
                && (MysqlTypes.INTEGERS.contains(named.name()) || NUMERIC.contains(named.name()));
        return Optional.of(new DefaultValue.Literal(numeric ? text : "'" + text.replace("'", "''") + "'"));
    }

    private static String orEmpty(@Nullable String text) {
        return text == null ? "" : text;
    }
}
