package io.plumb.engine.dialect.mysql;

import static io.plumb.engine.dialect.mysql.MysqlDdl.quote;

import io.plumb.engine.dialect.PlanException;
import io.plumb.engine.dialect.PlanOptions;
import io.plumb.engine.dialect.Planner;
import io.plumb.engine.plan.ObjectOrder;
import io.plumb.engine.plan.Plan;
import io.plumb.engine.plan.PlannedChange;
import io.plumb.engine.schema.Column;
import io.plumb.engine.schema.ColumnType;
import io.plumb.engine.schema.ForeignKey;
import io.plumb.engine.schema.Schema;
import io.plumb.engine.schema.SchemaChange;
import io.plumb.engine.schema.Table;
import io.plumb.engine.schema.TableChange;
import io.plumb.engine.spec.SpecAttribute;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code MysqlPlanner} turns schema changes into MySQL and MariaDB statements: {@code CREATE/DROP DATABASE},
 * {@code CREATE TABLE} with its keys and options, and one {@code ALTER TABLE} per changed table (a second one first
 * when keys or checks are replaced, since one statement cannot drop and re-add the same name). The servers commit
 * each DDL statement themselves, so a transaction around a plan changes nothing, and a plan is not one that must run
 * outside one: a migration file of it gets no {@code atlas:txmode} directive, as the reference writes none. Views, routines, triggers and events ({@link
 * MysqlObjectDdl}) go around the table changes in the {@link ObjectOrder}, and schema drops come last.
 */
public final class MysqlPlanner implements Planner {

    private final MysqlFlavour flavour;
    private final MysqlVersion version;

    /** Creates the planner of a flavour's newest servers. */
    public MysqlPlanner(MysqlFlavour flavour) {
        this(flavour, MysqlVersion.NEWEST);
    }

    /** Creates the planner of a server of a flavour and version. */
    public MysqlPlanner(MysqlFlavour flavour, MysqlVersion version) {
        this.flavour = flavour;
        this.version = version;
    }

    @Override
    public Plan plan(List<SchemaChange> changes, PlanOptions options) {
        List<PlannedChange> out = new ArrayList<>();
        List<PlannedChange> deferred = new ArrayList<>();
        Set<List<String>> pending = new HashSet<>();
        List<SchemaChange.DropTable> dropped = new ArrayList<>();
        for (SchemaChange change : changes) {
            if (change instanceof SchemaChange.AddTable a) {
                pending.add(List.of(a.schema(), a.table().name()));
            } else if (change instanceof SchemaChange.DropTable d) {
                dropped.add(d);
            }
        }
        int dropsAfter = TableDrops.after(changes, dropped);
        ObjectOrder.Steps steps = ObjectOrder.of(changes);
        MysqlObjectDdl objects = new MysqlObjectDdl(flavour, options.qualified());
        List<PlannedChange> schemaDrops = new ArrayList<>();
        boolean before = false;
        for (int i = 0; i < changes.size(); i++) {
            SchemaChange change = changes.get(i);
            // Objects the tables use come after the new schemas and before the first table change.
            if (!before && isTableChange(change)) {
                objects.plan(steps.before(), out);
                before = true;
            }
            if (change instanceof SchemaChange.AddSchema s) {
                addSchema(s.schema(), out);
            } else if (change instanceof SchemaChange.DropSchema s) {
                add(
                        schemaDrops,
                        "drop schema named \"" + s.schema().name() + "\"",
                        "DROP DATABASE " + quote(s.schema().name()));
            } else if (change instanceof SchemaChange.ModifySchema s) {
                modifySchema(s.from(), s.to(), out);
            } else if (change instanceof SchemaChange.AddTable a) {
                pending.remove(List.of(a.schema(), a.table().name()));
                addTable(a.schema(), a.table(), options, pending, out, deferred);
            } else if (change instanceof SchemaChange.ModifyTable m) {
                modifyTable(m, options, out);
            }
            if (i == dropsAfter) {
                out.addAll(TableDrops.plan(dropped, (schema, table) -> name(schema, table, options)));
            }
        }
        if (!before) {
            objects.plan(steps.before(), out);
        }
        out.addAll(deferred);
        objects.plan(steps.after(), out);
        out.addAll(schemaDrops);
        return new Plan(out, true);
    }

    private static boolean isTableChange(SchemaChange change) {
        return change instanceof SchemaChange.AddTable
                || change instanceof SchemaChange.ModifyTable
                || change instanceof SchemaChange.DropTable;
    }

    private void addSchema(Schema schema, List<PlannedChange> out) {
        StringBuilder sql = new StringBuilder("CREATE DATABASE ").append(quote(schema.name()));
        schema.options().forEach((key, value) -> {
            if (key.equals(MysqlSpecDialect.CHARSET)) {
                sql.append(" CHARSET ").append(value);
            } else if (key.equals(MysqlSpecDialect.COLLATE)) {
                sql.append(" COLLATE ").append(value);
            }
        });
        schema.comment().ifPresent(c -> sql.append(schemaComment(schema, c)));
        out.add(new PlannedChange("add new schema named \"" + schema.name() + "\"", sql.toString()));
    }

    // MariaDB has had schema comments since 10.5; MySQL has none.
    private String schemaComment(Schema schema, String comment) {
        if (flavour == MysqlFlavour.MYSQL) {
            throw new PlanException("schema \"" + schema.name()
                    + "\": a comment needs MariaDB, found mysql, whose schemas have no comments");
        }
        if (!MysqlFeatures.schemaComments(flavour, version)) {
            throw new PlanException("schema \"" + schema.name() + "\": a comment needs MariaDB 10.5 or later, found "
                    + version + ", whose schemas have no comments");
        }
        return " COMMENT " + MysqlDdl.literal(comment);
    }

    /**
     * Returns a column definition; a {@code json} column on a MariaDB that does not check it itself (before 10.4.3)
     * gets the check {@code json_valid(`c`)} that later servers add, unless the table has a check of that name.
     */
    private String column(Table table, Column column) {
        String sql = MysqlDdl.column(inTable(table, column), flavour);
        boolean json =
                column.type() instanceof ColumnType.Named named && named.name().equalsIgnoreCase("json");
        if (!json
                || MysqlFeatures.implicitJsonCheck(flavour, version)
                || table.checks().stream().anyMatch(c -> c.name().equals(column.name()))) {
            return sql;
        }
        return sql + " CHECK (json_valid(" + quote(column.name()) + "))";
    }

    /**
     * Returns the column without the charset and collation that equal its table's own (a table going back to its
     * schema's takes its inheriting columns with it, see {@link MysqlNormalizer#desiredTable}): the column then
     * takes the table's, in the same statement too.
     */
    private static Column inTable(Table table, Column column) {
        Map<String, String> options = new LinkedHashMap<>(column.options());
        for (String key : List.of(MysqlSpecDialect.CHARSET, MysqlSpecDialect.COLLATE)) {
            String value = table.options().get(key);
            if (value != null && value.equals(options.get(key))) {
                options.remove(key);
            }
        }
        if (options.equals(column.options())) {
            return column;
        }
        return column.withOptions(options);
    }

    // A schema file that does not name a charset or collation leaves the server's choice alone.
    private void modifySchema(Schema from, Schema to, List<PlannedChange> out) {
        StringBuilder sql = new StringBuilder();
        for (String key : List.of(MysqlSpecDialect.CHARSET, MysqlSpecDialect.COLLATE)) {
            String value = to.options().get(key);
            if (value != null && !value.equals(from.options().get(key))) {
                sql.append(key.equals(MysqlSpecDialect.CHARSET) ? " CHARSET " : " COLLATE ")
                        .append(value);
            }
        }
        if (!from.comment().equals(to.comment())) {
            sql.append(schemaComment(to, to.comment().orElse("")));
        }
        if (sql.length() > 0) {
            add(out, "modify \"" + to.name() + "\" schema", "ALTER DATABASE " + quote(to.name()) + sql);
        }
    }

    private void addTable(
            String schema,
            Table table,
            PlanOptions options,
            Set<List<String>> pending,
            List<PlannedChange> out,
            List<PlannedChange> deferred) {
        String indent = options.indent();
        String separator = indent.isEmpty() ? ", " : ",\n" + indent;
        List<String> body = new ArrayList<>();
        table.columns().forEach(c -> body.add(column(table, c)));
        table.primaryKey().ifPresent(pk -> body.add(MysqlDdl.primaryKey(pk)));
        table.indexes().forEach(i -> body.add(MysqlDdl.index(i)));
        List<String> later = new ArrayList<>();
        for (ForeignKey fk : table.foreignKeys()) {
            // A key to a table created further down the plan is added once that table exists.
            boolean waits = pending.contains(List.of(fk.refSchema(), fk.refTable()));
            (waits ? later : body).add(MysqlDdl.foreignKey(table, fk, options.qualified()));
        }
        table.checks().forEach(c -> body.add(MysqlDdl.check(c, flavour, table.name())));
        String open = indent.isEmpty() ? " (" : " (\n" + indent;
        String close = indent.isEmpty() ? ")" : "\n)";
        String name = name(schema, table, options);
        String sql = "CREATE TABLE " + name + open + String.join(separator, body) + close
                + MysqlDdl.tableOptions(table, MysqlDdl.TABLE_OPTIONS);
        out.add(new PlannedChange("create \"" + table.name() + "\" table", sql));
        for (String fk : later) {
            deferred.add(
                    new PlannedChange("modify \"" + table.name() + "\" table", "ALTER TABLE " + name + " ADD " + fk));
        }
    }

    private void modifyTable(SchemaChange.ModifyTable m, PlanOptions options, List<PlannedChange> out) {
        List<String> first = new ArrayList<>();
        List<String> clauses = new ArrayList<>();
        // MariaDB refuses a check in an ALTER TABLE that also changes columns: checks come in their own statement.
        List<String> checks = new ArrayList<>();
        for (TableChange change : m.changes()) {
            if (change instanceof TableChange.AddCheck c) {
                checks.add("ADD " + MysqlDdl.check(c.check(), flavour, m.to().name()));
            } else if (change instanceof TableChange.ModifyCheck c) {
                first.add(dropCheck(c.from().name()));
                checks.add("ADD " + MysqlDdl.check(c.to(), flavour, m.to().name()));
            } else {
                clauses(m.to(), change, options, first, clauses);
            }
        }
        String name = name(m.schema(), m.to(), options);
        String comment = "modify \"" + m.to().name() + "\" table";
        if (!first.isEmpty()) {
            add(out, comment, "ALTER TABLE " + name + " " + String.join(", ", first));
        }
        if (!clauses.isEmpty()) {
            add(out, comment, "ALTER TABLE " + name + " " + String.join(", ", clauses));
        }
        if (!checks.isEmpty()) {
            add(out, comment, "ALTER TABLE " + name + " " + String.join(", ", checks));
        }
    }

    private void clauses(Table table, TableChange change, PlanOptions options, List<String> first, List<String> out) {
        if (change instanceof TableChange.AddColumn c) {
            out.add("ADD COLUMN " + column(table, c.column()));
        } else if (change instanceof TableChange.DropColumn c) {
            out.add("DROP COLUMN " + quote(c.column().name()));
        } else if (change instanceof TableChange.ModifyColumn c) {
            checkGenerated(c.from(), c.to());
            out.add("MODIFY COLUMN " + column(table, c.to()));
        } else if (change instanceof TableChange.AddIndex i) {
            out.add("ADD " + MysqlDdl.index(i.index()));
        } else if (change instanceof TableChange.DropIndex i) {
            out.add("DROP INDEX " + quote(i.index().name()));
        } else if (change instanceof TableChange.ModifyIndex i) {
            out.add("DROP INDEX " + quote(i.from().name()));
            out.add("ADD " + MysqlDdl.index(i.to()));
        } else if (change instanceof TableChange.AddForeignKey f) {
            out.add("ADD " + MysqlDdl.foreignKey(table, f.foreignKey(), options.qualified()));
        } else if (change instanceof TableChange.DropForeignKey f) {
            first.add("DROP FOREIGN KEY " + quote(f.foreignKey().name()));
        } else if (change instanceof TableChange.ModifyForeignKey f) {
            first.add("DROP FOREIGN KEY " + quote(f.from().name()));
            out.add("ADD " + MysqlDdl.foreignKey(table, f.to(), options.qualified()));
        } else if (change instanceof TableChange.DropCheck c) {
            first.add(dropCheck(c.check().name()));
        } else if (change instanceof TableChange.AddPrimaryKey p) {
            out.add("ADD " + MysqlDdl.primaryKey(p.primaryKey()));
        } else if (change instanceof TableChange.DropPrimaryKey) {
            out.add("DROP PRIMARY KEY");
        } else if (change instanceof TableChange.ModifyPrimaryKey p) {
            out.add("DROP PRIMARY KEY");
            out.add("ADD " + MysqlDdl.primaryKey(p.to()));
        } else if (change instanceof TableChange.ModifyAttributes a) {
            attributes(a.from(), a.to(), out);
        }
    }

    /**
     * Refuses, before anything runs, the changes to a generated column the servers cannot make in place: a VIRTUAL
     * column from or to a plain one, and a change between VIRTUAL and STORED (MariaDB's PERSISTENT), with the
     * reference's words.
     */
    private static void checkGenerated(Column from, Column to) {
        Optional<String> before = from.generated().map(g -> storage(g.kind()));
        Optional<String> after = to.generated().map(g -> storage(g.kind()));
        if (before.isEmpty() && after.filter("VIRTUAL"::equals).isPresent()) {
            throw new PlanException("changing column \"" + from.name()
                    + "\" to VIRTUAL generated column is not supported (drop and add is required)");
        }
        if (after.isEmpty() && before.filter("VIRTUAL"::equals).isPresent()) {
            throw new PlanException("changing VIRTUAL generated column \"" + from.name()
                    + "\" to non-generated column is not supported (drop and add is required)");
        }
        if (before.isPresent() && after.isPresent() && !before.get().equals(after.get())) {
            throw new PlanException("changing the store type of generated column \"" + from.name() + "\" from \""
                    + before.get() + "\" to \"" + after.get() + "\" is not supported");
        }
    }

    private static String storage(String kind) {
        return kind.equalsIgnoreCase("VIRTUAL") ? "VIRTUAL" : "STORED";
    }

    // MariaDB drops checks as constraints; MySQL 8 has DROP CHECK.
    private String dropCheck(String name) {
        return (flavour == MysqlFlavour.MARIADB ? "DROP CONSTRAINT " : "DROP CHECK ") + quote(name);
    }

    // Each changed table option is a clause of its own, in the reference's order: AUTO_INCREMENT, COMMENT,
    // CHARSET, COLLATE, ENGINE.
    private static final List<String> ALTERED_OPTIONS = List.of(
            SpecAttribute.AUTO_INCREMENT,
            SpecAttribute.COMMENT,
            MysqlSpecDialect.CHARSET,
            MysqlSpecDialect.COLLATE,
            MysqlSpecDialect.ENGINE);

    private static void attributes(Table from, Table to, List<String> out) {
        for (String key : ALTERED_OPTIONS) {
            if (key.equals(SpecAttribute.COMMENT)) {
                if (!from.comment().equals(to.comment())) {
                    out.add("COMMENT " + MysqlDdl.literal(to.comment().orElse("")));
                }
            } else if (to.options().containsKey(key)
                    && !Objects.equals(from.options().get(key), to.options().get(key))) {
                out.add(MysqlDdl.tableOptions(to, List.of(key)).trim());
            }
        }
    }

    private static String name(String schema, Table table, PlanOptions options) {
        return name(schema, table.name(), options);
    }

    private static String name(String schema, String table, PlanOptions options) {
        return options.qualified() ? quote(schema) + "." + quote(table) : quote(table);
    }

    private static void add(List<PlannedChange> out, String comment, String sql) {
        out.add(new PlannedChange(comment, sql));
    }
}
