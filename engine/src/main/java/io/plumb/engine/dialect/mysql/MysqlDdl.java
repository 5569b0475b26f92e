package io.plumb.engine.dialect.mysql;

import static io.plumb.engine.dialect.mysql.MysqlSpecDialect.CHARSET;
import static io.plumb.engine.dialect.mysql.MysqlSpecDialect.COLLATE;
import static io.plumb.engine.dialect.mysql.MysqlSpecDialect.ENGINE;

import io.plumb.engine.dialect.PlanException;
import io.plumb.engine.schema.Check;
import io.plumb.engine.schema.Column;
import io.plumb.engine.schema.DefaultValue;
import io.plumb.engine.schema.ForeignKey;
import io.plumb.engine.schema.Index;
import io.plumb.engine.schema.IndexPart;
import io.plumb.engine.schema.PrimaryKey;
import io.plumb.engine.schema.ReferenceAction;
import io.plumb.engine.schema.Table;
import io.plumb.engine.spec.SpecAttribute;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** {@code MysqlDdl} writes the clauses of MySQL statements: column definitions, keys, indexes and table options. */
final class MysqlDdl {

    private MysqlDdl() {}

    /** Returns an identifier in backticks. */
    static String quote(String name) {
        return "`" + name.replace("`", "``") + "`";
    }

    /** Returns a string literal. */
    static String literal(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    /** Returns a column definition, as in {@code CREATE TABLE} and {@code ADD/MODIFY COLUMN}. */
    static String column(Column column, MysqlFlavour flavour) {
        StringBuilder out = new StringBuilder(quote(column.name()))
                .append(' ')
                .append(column.type().sql());
        Map<String, String> options = column.options();
        if ("true".equals(options.get(MysqlSpecDialect.UNSIGNED))) {
            out.append(" unsigned");
        }
        if (options.containsKey(CHARSET)) {
            out.append(" CHARACTER SET ").append(options.get(CHARSET));
        }
        if (options.containsKey(COLLATE)) {
            out.append(" COLLATE ").append(options.get(COLLATE));
        }
        column.generated().ifPresent(g -> out.append(" GENERATED ALWAYS AS (")
                .append(g.expr())
                .append(") ")
                .append(g.kind().toUpperCase(Locale.ROOT)));
        // MariaDB refuses NULL and NOT NULL on generated columns; their nullability follows the expression.
        if (column.generated().isEmpty()) {
            out.append(column.nullable() ? " NULL" : " NOT NULL");
        }
        column.defaultValue().ifPresent(d -> out.append(" DEFAULT ").append(defaultSql(d, flavour)));
        if (column.autoIncrement()) {
            out.append(" AUTO_INCREMENT");
        }
        if (options.containsKey(MysqlSpecDialect.ON_UPDATE)) {
            out.append(" ON UPDATE ").append(options.get(MysqlSpecDialect.ON_UPDATE));
        }
        column.comment().ifPresent(c -> out.append(" COMMENT ").append(literal(c)));
        return out.toString();
    }

    /**
     * Returns a default's SQL. MySQL 8 accepts expression defaults only in parentheses, except the current-time
     * functions. On MariaDB a current-time default is written as the server prints it, in parentheses ({@code
     * (current_timestamp(6))}, {@code (current_timestamp())}), as the reference writes the defaults it inspected there.
     */
    private static String defaultSql(DefaultValue value, MysqlFlavour flavour) {
        if (value instanceof DefaultValue.Literal) {
            return value.sql();
        }
        if (MysqlCanonical.isNow(value.sql())) {
            String now = MysqlCanonical.now(value.sql());
            return flavour == MysqlFlavour.MARIADB ? mariadbNow(now) : now;
        }
        return value.sql().startsWith("(") ? value.sql() : "(" + value.sql() + ")";
    }

    // CURRENT_TIMESTAMP(6) as MariaDB prints it: (current_timestamp(6)); without a precision, (current_timestamp()).
    private static String mariadbNow(String now) {
        String precision =
                now.equals("CURRENT_TIMESTAMP") ? "" : now.substring("CURRENT_TIMESTAMP(".length(), now.length() - 1);
        return "(current_timestamp(" + precision + "))";
    }

    /** Returns the key parts of an index or primary key: {@code (`a`, `b`(10) DESC)}. */
    static String parts(List<IndexPart> parts) {
        return parts.stream()
                .map(p -> {
                    String value = p.isExpression() ? "(" + p.value() + ")" : quote(p.value());
                    String prefix = p.options().get(MysqlSpecDialect.PREFIX);
                    return value + (prefix == null ? "" : "(" + prefix + ")") + (p.desc() ? " DESC" : "");
                })
                .collect(Collectors.joining(", ", "(", ")"));
    }

    /** Returns an index definition without a leading verb: {@code UNIQUE INDEX `i` (`a`)}. */
    static String index(Index index) {
        String type = index.options().getOrDefault(MysqlSpecDialect.TYPE, "").toUpperCase(Locale.ROOT);
        String kind =
                switch (type) {
                    case "FULLTEXT" -> "FULLTEXT INDEX ";
                    case "SPATIAL" -> "SPATIAL INDEX ";
                    default -> index.unique() ? "UNIQUE INDEX " : "INDEX ";
                };
        StringBuilder out =
                new StringBuilder(kind).append(quote(index.name())).append(' ').append(parts(index.parts()));
        if (type.equals("HASH") || type.equals("BTREE")) {
            out.append(" USING ").append(type);
        }
        String parser = index.options().get(MysqlSpecDialect.PARSER);
        if (parser != null) {
            out.append(" WITH PARSER ").append(parser);
        }
        index.comment().ifPresent(c -> out.append(" COMMENT ").append(literal(c)));
        return out.toString();
    }

    /**
     * Returns a foreign key definition: {@code CONSTRAINT `fk` FOREIGN KEY (...) REFERENCES ...}, with an action
     * clause for each action but {@code RESTRICT}, the server's default, which it stores as if none were written
     * (as the reference writes the actions a key names and none for a key that names none; an HCL key that names
     * none reads as {@code RESTRICT}, {@link MysqlSpecDialect#defaultAction}).
     *
     * @param table the key's table, whose columns a {@code SET NULL} action needs nullable
     * @throws PlanException for a {@code SET NULL} action on a {@code NOT NULL} column, which the server refuses
     *     with no word on why
     */
    static String foreignKey(Table table, ForeignKey fk, boolean qualified) {
        if (fk.onUpdate() == ReferenceAction.SET_NULL || fk.onDelete() == ReferenceAction.SET_NULL) {
            for (String name : fk.columns()) {
                table.column(name).filter(c -> !c.nullable()).ifPresent(c -> {
                    throw new PlanException("foreign key constraint was \"" + name + "\" SET NULL, but column \"" + name
                            + "\" is NOT NULL");
                });
            }
        }
        String ref = qualified ? quote(fk.refSchema()) + "." + quote(fk.refTable()) : quote(fk.refTable());
        StringBuilder out = new StringBuilder(fk.name().isEmpty() ? "" : "CONSTRAINT " + quote(fk.name()) + " ")
                .append("FOREIGN KEY ")
                .append(names(fk.columns()))
                .append(" REFERENCES ")
                .append(ref)
                .append(' ')
                .append(names(fk.refColumns()));
        if (fk.onUpdate() != ReferenceAction.RESTRICT) {
            out.append(" ON UPDATE ").append(fk.onUpdate().sql());
        }
        if (fk.onDelete() != ReferenceAction.RESTRICT) {
            out.append(" ON DELETE ").append(fk.onDelete().sql());
        }
        return out.toString();
    }

    /**
     * Returns a check definition; {@code enforced = false} becomes MySQL 8's {@code NOT ENFORCED}.
     *
     * @param table the table's name, for the error
     * @throws PlanException for a check that is not enforced on MariaDB, which has no such checks
     */
    static String check(Check check, MysqlFlavour flavour, String table) {
        String sql = (check.name().isEmpty() ? "" : "CONSTRAINT " + quote(check.name()) + " ") + "CHECK ("
                + check.expr() + ")";
        if (!"false".equals(check.options().get(MysqlSpecDialect.ENFORCED))) {
            return sql;
        }
        if (flavour == MysqlFlavour.MARIADB) {
            String what = check.name().isEmpty() ? "check (" + check.expr() + ")" : "check \"" + check.name() + "\"";
            throw new PlanException(what + " of table \"" + table
                    + "\": enforced = false needs MySQL 8 (NOT ENFORCED), found mariadb, which enforces every check");
        }
        return sql + " NOT ENFORCED";
    }

    /** Returns a primary key definition: {@code PRIMARY KEY (`id`)}, with {@code USING} for a declared type. */
    static String primaryKey(PrimaryKey key) {
        String type = key.options().getOrDefault(MysqlSpecDialect.TYPE, "").toUpperCase(Locale.ROOT);
        return "PRIMARY KEY " + parts(key.parts()) + (type.isEmpty() ? "" : " USING " + type);
    }

    /** Returns the table options of {@code CREATE TABLE} or {@code ALTER TABLE}, each with a leading space. */
    static String tableOptions(Table table, List<String> only) {
        List<String> out = new ArrayList<>();
        Map<String, String> options = table.options();
        if (options.containsKey(ENGINE) && only.contains(ENGINE)) {
            out.add("ENGINE " + options.get(ENGINE));
        }
        if (options.containsKey(CHARSET) && only.contains(CHARSET)) {
            out.add("CHARSET " + options.get(CHARSET));
        }
        if (options.containsKey(COLLATE) && only.contains(COLLATE)) {
            out.add("COLLATE " + options.get(COLLATE));
        }
        if (table.comment().isPresent() && only.contains(SpecAttribute.COMMENT)) {
            out.add("COMMENT " + literal(table.comment().get()));
        }
        if (options.containsKey(SpecAttribute.AUTO_INCREMENT) && only.contains(SpecAttribute.AUTO_INCREMENT)) {
            out.add("AUTO_INCREMENT " + options.get(SpecAttribute.AUTO_INCREMENT));
        }
        return out.isEmpty() ? "" : " " + String.join(" ", out);
    }

    static final List<String> TABLE_OPTIONS =
            List.of(ENGINE, CHARSET, COLLATE, SpecAttribute.COMMENT, SpecAttribute.AUTO_INCREMENT);

    private static String names(List<String> columns) {
        return columns.stream().map(MysqlDdl::quote).collect(Collectors.joining(", ", "(", ")"));
    }
}
