package io.plumb.engine.dialect.postgres;

import io.plumb.engine.plan.ConcurrentIndex;
import io.plumb.engine.schema.Check;
import io.plumb.engine.schema.Column;
import io.plumb.engine.schema.ForeignKey;
import io.plumb.engine.schema.Index;
import io.plumb.engine.schema.IndexPart;
import io.plumb.engine.schema.PrimaryKey;
import io.plumb.engine.spec.SpecAttribute;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code PostgresDdl} writes the pieces of PostgreSQL statements: quoted names, column definitions, key, check and
 * index clauses, as the reference tool spells them ({@code "name" character varying(255) NULL DEFAULT 'anon'}).
 *
 * @param qualified whether table names carry their schema
 * @param indent the indentation of the lines of {@code CREATE TABLE}, or empty for one line
 * @param concurrent whether indexes of existing tables are created and dropped concurrently
 */
record PostgresDdl(boolean qualified, String indent, ConcurrentIndex concurrent) {

    /** Returns the items of a {@code CREATE TABLE} body in parentheses, on one line or one per line. */
    String body(List<String> items) {
        if (indent.isEmpty()) {
            return "(" + String.join(", ", items) + ")";
        }
        return "(\n" + indent + String.join(",\n" + indent, items) + "\n)";
    }

    /** Returns a double-quoted identifier. */
    static String quote(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /** Returns a single-quoted string literal. */
    static String literal(String text) {
        return '\'' + text.replace("'", "''") + '\'';
    }

    /** Returns quoted identifiers joined by commas. */
    static String names(Collection<String> names) {
        return names.stream().map(PostgresDdl::quote).collect(Collectors.joining(", "));
    }

    /** Returns a table name, qualified by its schema when the plan is. */
    String table(String schema, String table) {
        return qualified ? quote(schema) + "." + quote(table) : quote(table);
    }

    /** Returns an index name, qualified by its schema when the plan is (indexes live in their table's schema). */
    String index(String schema, String index) {
        return table(schema, index);
    }

    /** Returns a column definition. */
    static String column(Column column) {
        StringBuilder sql = new StringBuilder(quote(column.name()))
                .append(' ')
                .append(column.type().sql())
                .append(collate(column))
                .append(column.nullable() ? " NULL" : " NOT NULL");
        column.defaultValue().ifPresent(d -> sql.append(" DEFAULT ").append(d.sql()));
        column.generated()
                .ifPresent(g ->
                        sql.append(" GENERATED ALWAYS AS (").append(g.expr()).append(") STORED"));
        if (Identity.isIdentity(column)) {
            sql.append(' ').append(Identity.clause(column));
        }
        return sql.toString();
    }

    /** Returns the {@code COLLATE} clause of a column with a collation, with its leading space, or nothing. */
    static String collate(Column column) {
        String collation = column.options().get(PostgresSpecDialect.COLLATE);
        return collation == null ? "" : " COLLATE " + quote(collation);
    }

    /**
     * Returns whether an index is a table constraint (UNIQUE or EXCLUDE), which {@code ALTER TABLE} adds and drops,
     * rather than an index of its own.
     */
    static boolean isConstraint(Index index) {
        return isUnique(index) || isExclusion(index);
    }

    /** Returns whether an index is a UNIQUE constraint. */
    static boolean isUnique(Index index) {
        return SpecAttribute.isUniqueConstraint(index);
    }

    /** Returns whether an index is an exclusion constraint. */
    static boolean isExclusion(Index index) {
        return SpecAttribute.isExclusionConstraint(index);
    }

    /** Returns the clause of a UNIQUE or EXCLUDE constraint, for {@code CREATE TABLE} or {@code ALTER TABLE ADD}. */
    static String constraint(Index index) {
        return isExclusion(index) ? exclude(index) : unique(index);
    }

    /**
     * Returns an EXCLUDE constraint clause: the access method, each part with its operator ({@code "room" WITH =}),
     * then {@code INCLUDE} and the {@code WHERE} predicate of a partial constraint.
     */
    static String exclude(Index index) {
        String method = index.options().getOrDefault(PostgresSpecDialect.TYPE, "GIST");
        String parts = index.parts().stream()
                .map(part -> part(part) + " WITH " + part.options().getOrDefault(SpecAttribute.OP, "="))
                .collect(Collectors.joining(", "));
        String where =
                index.where().map(w -> " WHERE " + PostgresExpressions.wrap(w)).orElse("");
        return "CONSTRAINT " + quote(index.name()) + " EXCLUDE USING " + method + " (" + parts + ")"
                + include(index.options()) + where;
    }

    /**
     * Returns a UNIQUE constraint clause; {@code NULLS NOT DISTINCT} comes before the columns, {@code INCLUDE}
     * after them.
     */
    static String unique(Index index) {
        String nulls = nullsNotDistinct(index) ? "NULLS NOT DISTINCT " : "";
        return "CONSTRAINT " + quote(index.name()) + " UNIQUE " + nulls + "(" + parts(index.parts()) + ")"
                + include(index.options());
    }

    /** Returns a primary key clause, with its {@code INCLUDE} columns. */
    static String primaryKey(PrimaryKey key) {
        String constraint = key.name().isEmpty() ? "" : "CONSTRAINT " + quote(key.name()) + " ";
        return constraint + "PRIMARY KEY (" + parts(key.parts()) + ")" + include(key.options());
    }

    /** Returns whether an index or UNIQUE constraint treats NULLs as equal (PostgreSQL 15). */
    static boolean nullsNotDistinct(Index index) {
        return "false".equals(index.options().get(PostgresSpecDialect.NULLS_DISTINCT));
    }

    /** Returns the {@code INCLUDE} clause of an index or key with covering columns, with its leading space. */
    private static String include(Map<String, String> options) {
        String include = options.get(PostgresSpecDialect.INCLUDE);
        return include == null ? "" : " INCLUDE (" + names(List.of(include.split(","))) + ")";
    }

    /** Returns a foreign key clause; the referenced table is qualified when the plan is or it is in another schema. */
    String foreignKey(String schema, ForeignKey fk) {
        String ref = qualified || !fk.refSchema().equals(schema)
                ? quote(fk.refSchema()) + "." + quote(fk.refTable())
                : quote(fk.refTable());
        String constraint = fk.name().isEmpty() ? "" : "CONSTRAINT " + quote(fk.name()) + " ";
        return constraint + "FOREIGN KEY (" + names(fk.columns()) + ") REFERENCES " + ref + " ("
                + names(fk.refColumns()) + ") ON UPDATE " + fk.onUpdate().sql() + " ON DELETE "
                + fk.onDelete().sql()
                + (fk.deferral().sql().isEmpty() ? "" : " " + fk.deferral().sql());
    }

    /** Returns a check clause; an expression already in parentheses, as inspected ({@code (a > 0)}), gets no more. */
    static String check(Check check) {
        String constraint = check.name().isEmpty() ? "" : "CONSTRAINT " + quote(check.name()) + " ";
        String inherit = "true".equals(check.options().get(PostgresSpecDialect.NO_INHERIT)) ? " NO INHERIT" : "";
        return constraint + "CHECK " + PostgresExpressions.wrap(check.expr()) + inherit;
    }

    /** Returns a {@code CREATE INDEX} statement, {@code CONCURRENTLY} when asked. */
    String createIndex(String schema, String table, Index index, boolean concurrently) {
        StringBuilder sql = new StringBuilder(index.unique() ? "CREATE UNIQUE INDEX " : "CREATE INDEX ")
                .append(concurrently ? "CONCURRENTLY " : "")
                .append(quote(index.name()))
                .append(" ON ")
                .append(table(schema, table));
        String method = index.options().get(PostgresSpecDialect.TYPE);
        if (method != null) {
            sql.append(" USING ").append(method);
        }
        sql.append(" (").append(parts(index.parts())).append(')').append(include(index.options()));
        if (nullsNotDistinct(index)) {
            sql.append(" NULLS NOT DISTINCT");
        }
        String pagesPerRange = index.options().get(PostgresSpecDialect.PAGE_PER_RANGE);
        if (pagesPerRange != null) {
            sql.append(" WITH (pages_per_range = ").append(pagesPerRange).append(')');
        }
        index.where().ifPresent(w -> sql.append(" WHERE ").append(w));
        return sql.toString();
    }

    private static String parts(List<IndexPart> parts) {
        return parts.stream().map(PostgresDdl::part).collect(Collectors.joining(", "));
    }

    private static String part(IndexPart part) {
        StringBuilder sql = new StringBuilder(part.isExpression() ? "(" + part.value() + ")" : quote(part.value()));
        String ops = part.options().get(PostgresSpecDialect.OPS);
        if (ops != null) {
            sql.append(' ').append(ops);
        }
        if (part.desc()) {
            sql.append(" DESC");
        }
        if (part.options().containsKey(PostgresSpecDialect.NULLS_FIRST)) {
            sql.append(" NULLS FIRST");
        } else if (part.options().containsKey(PostgresSpecDialect.NULLS_LAST)) {
            sql.append(" NULLS LAST");
        }
        return sql.toString();
    }
}
