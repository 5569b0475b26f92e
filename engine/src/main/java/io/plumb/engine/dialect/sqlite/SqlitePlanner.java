package io.plumb.engine.dialect.sqlite;

import static io.plumb.engine.dialect.sqlite.SqliteDdl.quote;

import io.plumb.engine.dialect.PlanException;
import io.plumb.engine.dialect.PlanOptions;
import io.plumb.engine.dialect.Planner;
import io.plumb.engine.plan.ObjectDdl;
import io.plumb.engine.plan.ObjectOrder;
import io.plumb.engine.plan.Plan;
import io.plumb.engine.plan.PlannedChange;
import io.plumb.engine.schema.Column;
import io.plumb.engine.schema.DefaultValue;
import io.plumb.engine.schema.Index;
import io.plumb.engine.schema.SchemaChange;
import io.plumb.engine.schema.Table;
import io.plumb.engine.schema.TableChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A {@code SqlitePlanner} turns schema changes into SQLite statements as Atlas plans them: indexes and simple
 * columns are changed in place, anything else rebuilds the table through a {@code new_<table>} copy. Views and
 * triggers are created after the tables they use and dropped before them ({@link ObjectOrder}); a rebuilt table's
 * triggers, which {@code DROP TABLE} drops, are planned again after the rebuild (the differ marks them for it).
 */
public final class SqlitePlanner implements Planner {

    @Override
    public Plan plan(List<SchemaChange> changes, PlanOptions options) {
        Session session = new Session(options.indent());
        ObjectOrder.Steps steps = ObjectOrder.of(changes);
        ObjectDdl objects = new SqliteObjectDdl();
        objects.plan(steps.before(), session.out);
        for (SchemaChange change : changes) {
            session.plan(change);
        }
        objects.plan(steps.after(), session.out);
        return session.finish();
    }

    /** Returns whether a table change is planned in place rather than by rebuilding the table. */
    static boolean isInPlace(SchemaChange.ModifyTable m) {
        return m.changes().stream().allMatch(c -> Session.isInPlace(c, m.to()));
    }

    /** The statements of one plan, and whether foreign keys were switched off on the way. */
    private static final class Session {

        private final String indent;
        private final List<PlannedChange> out = new ArrayList<>();
        private boolean foreignKeysOff;

        Session(String indent) {
            this.indent = indent;
        }

        void plan(SchemaChange change) {
            if (change instanceof SchemaChange.AddSchema s) {
                requireMain(s.schema().name(), "add");
            } else if (change instanceof SchemaChange.ModifySchema s) {
                requireMain(s.to().name(), "modify");
            } else if (change instanceof SchemaChange.DropSchema s) {
                requireMain(s.schema().name(), "drop");
                s.schema().tables().forEach(this::dropTable);
            } else if (change instanceof SchemaChange.AddTable a) {
                addTable(a.table());
            } else if (change instanceof SchemaChange.DropTable d) {
                dropTable(d.table());
            } else if (change instanceof SchemaChange.ModifyTable m) {
                modifyTable(m);
            }
        }

        Plan finish() {
            if (foreignKeysOff) {
                add("enable back the enforcement of foreign-keys constraints", "PRAGMA foreign_keys = on");
            }
            return new Plan(out, true);
        }

        private static void requireMain(String schema, String verb) {
            if (!SqliteInspector.MAIN.equals(schema)) {
                throw new PlanException(
                        "schema \"" + schema + "\": cannot " + verb + " it, sqlite supports only the \"main\" schema");
            }
        }

        private void addTable(Table table) {
            add("create \"" + table.name() + "\" table", SqliteDdl.createTable(table, table.name(), indent));
            createIndexes(table);
        }

        private void dropTable(Table table) {
            disableForeignKeys();
            add("drop \"" + table.name() + "\" table", "DROP TABLE " + quote(table.name()));
        }

        private void modifyTable(SchemaChange.ModifyTable m) {
            if (m.changes().isEmpty()) {
                return;
            }
            if (SqlitePlanner.isInPlace(m)) {
                modifyInPlace(m);
            } else {
                rebuild(m);
            }
        }

        // A changed index (its order, predicate or parts) rebuilds the table, as the reference plans it: only
        // added and dropped indexes and addable columns are changed in place.
        static boolean isInPlace(TableChange change, Table to) {
            if (change instanceof TableChange.AddIndex) {
                // A UNIQUE constraint's index is added as CREATE UNIQUE INDEX <table>_<columns>, in place too;
                // dropping one (SQLite cannot drop it apart from its table) rebuilds the table.
                return true;
            } else if (change instanceof TableChange.DropIndex d) {
                return !SqliteDdl.isAutoIndex(d.index());
            } else if (change instanceof TableChange.AddColumn a) {
                return isAddable(a.column(), to);
            }
            return false;
        }

        /** Returns whether {@code ALTER TABLE ADD COLUMN} can add the column, by SQLite's rules. */
        private static boolean isAddable(Column column, Table to) {
            boolean stored = column.generated()
                    .map(g -> g.kind().toUpperCase(Locale.ROOT).equals("STORED"))
                    .orElse(false);
            boolean inKey = to.primaryKey()
                    .map(pk -> pk.parts().stream().anyMatch(p -> p.value().equals(column.name())))
                    .orElse(false);
            Optional<DefaultValue> dflt = column.defaultValue();
            boolean constantDefault = dflt.isEmpty() || dflt.get() instanceof DefaultValue.Literal;
            boolean hasValue = dflt.isPresent() || column.generated().isPresent();
            return !stored && !inKey && !column.autoIncrement() && constantDefault && (column.nullable() || hasValue);
        }

        private void modifyInPlace(SchemaChange.ModifyTable m) {
            String table = m.to().name();
            for (TableChange change : m.changes()) {
                if (change instanceof TableChange.DropIndex d) {
                    dropIndex(m.from(), d.index());
                }
            }
            for (TableChange change : m.changes()) {
                if (change instanceof TableChange.AddColumn a) {
                    Column c = a.column();
                    add(
                            "add column \"" + c.name() + "\" to table: \"" + table + "\"",
                            "ALTER TABLE " + quote(table) + " ADD COLUMN " + SqliteDdl.column(m.to(), c, false));
                }
            }
            for (TableChange change : m.changes()) {
                if (change instanceof TableChange.AddIndex a) {
                    createIndex(m.to(), a.index());
                }
            }
        }

        /** Rebuilds the table as Atlas's copyTable does: create new_t, copy rows, drop t, rename new_t to t. */
        private void rebuild(SchemaChange.ModifyTable m) {
            Table from = m.from();
            Table to = m.to();
            String name = to.name();
            String temp = "new_" + name;
            disableForeignKeys();
            add("create \"" + temp + "\" table", SqliteDdl.createTable(to, temp, indent));
            List<String> columns = new ArrayList<>();
            List<String> values = new ArrayList<>();
            for (Column column : to.columns()) {
                Optional<Column> old = from.column(column.name());
                if (column.generated().isPresent()
                        || old.isEmpty()
                        || old.get().generated().isPresent()) {
                    continue;
                }
                columns.add(quote(column.name()));
                values.add(copyValue(old.get(), column));
            }
            if (!columns.isEmpty()) {
                add(
                        "copy rows from old table \"" + from.name() + "\" to new temporary table \"" + temp + "\"",
                        "INSERT INTO " + quote(temp) + " (" + String.join(", ", columns) + ") SELECT "
                                + String.join(", ", values) + " FROM " + quote(from.name()));
                add("drop \"" + from.name() + "\" table after copying rows", "DROP TABLE " + quote(from.name()));
            } else {
                add(
                        "drop \"" + from.name() + "\" table without copying rows (no columns)",
                        "DROP TABLE " + quote(from.name()));
            }
            add(
                    "rename temporary table \"" + temp + "\" to \"" + name + "\"",
                    "ALTER TABLE " + quote(temp) + " RENAME TO " + quote(name));
            createIndexes(to);
        }

        private static String copyValue(Column from, Column to) {
            if (from.nullable() && !to.nullable() && to.defaultValue().isPresent()) {
                return "IFNULL(" + quote(to.name()) + ", "
                        + SqliteDdl.defaultSql(to.defaultValue().get()) + ")";
            }
            return quote(to.name());
        }

        private void createIndexes(Table table) {
            for (Index index : table.indexes()) {
                createIndex(table, index);
            }
        }

        private void createIndex(Table table, Index index) {
            add(
                    "create index \"" + SqliteDdl.indexName(table, index) + "\" to table: \"" + table.name() + "\"",
                    SqliteDdl.createIndex(table, index));
        }

        private void dropIndex(Table table, Index index) {
            add(
                    "drop index \"" + SqliteDdl.indexName(table, index) + "\" from table: \"" + table.name() + "\"",
                    SqliteDdl.dropIndex(table, index));
        }

        private void disableForeignKeys() {
            if (!foreignKeysOff) {
                foreignKeysOff = true;
                add("disable the enforcement of foreign-keys constraints", "PRAGMA foreign_keys = off");
            }
        }

        private void add(String comment, String sql) {
            out.add(new PlannedChange(comment, sql));
        }
    }
}
