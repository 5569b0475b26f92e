package io.plumb.engine.dialect.postgres;

import static io.plumb.engine.dialect.postgres.PostgresDdl.quote;
import static io.plumb.engine.dialect.postgres.PostgresPlanner.change;

import io.plumb.engine.dialect.PlanException;
import io.plumb.engine.plan.PlannedChange;
import io.plumb.engine.schema.Column;
import io.plumb.engine.schema.Index;
import io.plumb.engine.schema.IndexPart;
import io.plumb.engine.schema.PrimaryKey;
import io.plumb.engine.schema.SchemaChange;
import io.plumb.engine.schema.Table;
import io.plumb.engine.schema.TableChange;
import io.plumb.engine.schema.TableChange.ColumnAspect;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code TableAlteration} plans one modified table: dropped indexes first, then one {@code ALTER TABLE} with
 * every column, key and check clause, then new indexes and comments.
 */
final class TableAlteration {

    private final PostgresDdl ddl;
    private final SchemaChange.ModifyTable change;
    private final List<PlannedChange> out;
    private final String table;
    private final List<PlannedChange> before = new ArrayList<>();
    private final List<String> clauses = new ArrayList<>();
    private final List<Runnable> after = new ArrayList<>();

    TableAlteration(PostgresDdl ddl, SchemaChange.ModifyTable change, List<PlannedChange> out) {
        this.ddl = ddl;
        this.change = change;
        this.out = out;
        this.table = ddl.table(change.schema(), change.to().name());
    }

    void plan() {
        for (TableChange c : change.changes()) {
            if (c instanceof TableChange.DropIndex d && !PostgresDdl.isConstraint(d.index())) {
                dropIndex(d.index());
            } else if (c instanceof TableChange.ModifyIndex m
                    && !PostgresDdl.isConstraint(m.from())
                    && !commentOnly(m.from(), m.to())) {
                dropIndex(m.from());
            }
        }
        change.changes().forEach(this::clause);
        dropColumnsAfterTheirConstraints();
        out.addAll(before);
        if (!clauses.isEmpty()) {
            out.add(change(
                    "modify \"" + change.to().name() + "\" table",
                    "ALTER TABLE " + table + " " + String.join(", ", clauses)));
        }
        after.forEach(Runnable::run);
    }

    // Dropping a column drops its constraints too, so a DROP CONSTRAINT of one of them after the DROP COLUMN fails
    // ("constraint does not exist"): the columns go after the last constraint dropped.
    private void dropColumnsAfterTheirConstraints() {
        int lastConstraint = -1;
        for (int i = 0; i < clauses.size(); i++) {
            if (clauses.get(i).startsWith("DROP CONSTRAINT ")) {
                lastConstraint = i;
            }
        }
        List<String> columns = new ArrayList<>();
        for (int i = lastConstraint - 1; i >= 0; i--) {
            if (clauses.get(i).startsWith("DROP COLUMN ")) {
                columns.add(0, clauses.remove(i));
                lastConstraint--;
            }
        }
        clauses.addAll(lastConstraint + 1, columns);
    }

    private void clause(TableChange c) {
        // A partition's columns change with its parent's.
        if (ChildTables.isPartition(change.to())
                && (c instanceof TableChange.AddColumn
                        || c instanceof TableChange.DropColumn
                        || c instanceof TableChange.ModifyColumn)) {
            return;
        }
        if (c instanceof TableChange.AddColumn a) {
            clauses.add("ADD COLUMN " + PostgresDdl.column(a.column()));
            a.column().comment().ifPresent(x -> after.add(() -> columnComment(a.column())));
        } else if (c instanceof TableChange.DropColumn d) {
            clauses.add("DROP COLUMN " + quote(d.column().name()));
        } else if (c instanceof TableChange.ModifyColumn m) {
            modifyColumn(m);
        } else if (c instanceof TableChange.AddIndex a) {
            addIndex(a.index());
        } else if (c instanceof TableChange.DropIndex d && PostgresDdl.isConstraint(d.index())) {
            clauses.add(dropConstraint(d.index().name()));
        } else if (c instanceof TableChange.ModifyIndex m && commentOnly(m.from(), m.to())) {
            // As the reference plans it: a new comment alone neither rebuilds an index nor drops a constraint that
            // foreign keys may depend on.
            after.add(() -> indexComment(m.to()));
        } else if (c instanceof TableChange.ModifyIndex m) {
            // An old index was dropped before the ALTER TABLE; an old constraint is dropped in it.
            if (PostgresDdl.isConstraint(m.from())) {
                clauses.add(dropConstraint(m.from().name()));
            }
            addIndex(m.to());
        } else if (c instanceof TableChange.ModifyAttributes m) {
            partitionKeyUnchanged(m.from(), m.to());
            clauses.addAll(RowSecurity.actions(m.from().options(), m.to().options()));
            ChildTableChanges.plan(ddl, change.schema(), m.from(), m.to(), clauses, after, out);
            if (!m.from().comment().equals(m.to().comment())) {
                after.add(() -> PostgresPlanner.comment(
                        out, "TABLE " + table, m.to().comment(), "table: \"" + m.to().name() + "\""));
            }
        } else if (!(c instanceof TableChange.DropIndex)) {
            constraint(c);
        }
    }

    private void constraint(TableChange c) {
        String schema = change.schema();
        if (c instanceof TableChange.AddForeignKey a) {
            clauses.add("ADD " + ddl.foreignKey(schema, a.foreignKey()));
        } else if (c instanceof TableChange.DropForeignKey d) {
            clauses.add(dropConstraint(d.foreignKey().name()));
        } else if (c instanceof TableChange.ModifyForeignKey m) {
            clauses.add(dropConstraint(m.from().name()));
            clauses.add("ADD " + ddl.foreignKey(schema, m.to()));
        } else if (c instanceof TableChange.AddCheck a) {
            clauses.add("ADD " + PostgresDdl.check(a.check()));
        } else if (c instanceof TableChange.DropCheck d) {
            clauses.add(dropConstraint(d.check().name()));
        } else if (c instanceof TableChange.ModifyCheck m) {
            clauses.add(dropConstraint(m.from().name()));
            clauses.add("ADD " + PostgresDdl.check(m.to()));
        } else if (c instanceof TableChange.AddPrimaryKey a) {
            clauses.add("ADD " + PostgresDdl.primaryKey(a.primaryKey()));
        } else if (c instanceof TableChange.DropPrimaryKey d) {
            clauses.add(dropConstraint(pkName(d.primaryKey())));
        } else if (c instanceof TableChange.ModifyPrimaryKey m) {
            clauses.add(dropConstraint(pkName(m.from())));
            clauses.add("ADD " + PostgresDdl.primaryKey(m.to()));
        }
    }

    private String pkName(PrimaryKey key) {
        return key.name().isEmpty() ? change.from().name() + "_pkey" : key.name();
    }

    private static String dropConstraint(String name) {
        return "DROP CONSTRAINT " + quote(name);
    }

    private void modifyColumn(TableChange.ModifyColumn m) {
        Column from = m.from();
        Column to = m.to();
        String column = "ALTER COLUMN " + quote(to.name());
        boolean collation = !Objects.equals(
                from.options().get(PostgresSpecDialect.COLLATE), to.options().get(PostgresSpecDialect.COLLATE));
        boolean serial = m.aspects().contains(ColumnAspect.TYPE) && SerialChange.applies(from, to);
        if (serial) {
            List<PlannedChange> afterSerial = new ArrayList<>();
            new SerialChange(ddl, change.schema(), change.to().name(), from, to)
                    .plan(before, clauses, afterSerial, to.defaultValue().isPresent());
            after.add(() -> out.addAll(afterSerial));
        } else if (m.aspects().contains(ColumnAspect.TYPE)
                || (m.aspects().contains(ColumnAspect.OPTIONS) && collation)) {
            // Without a collation, the column goes back to its type's default.
            String collate = collation && PostgresDdl.collate(to).isEmpty() ? " COLLATE \"default\"" : "";
            clauses.add(column + " TYPE " + to.type().sql() + PostgresDdl.collate(to) + collate);
        }
        if (m.aspects().contains(ColumnAspect.NULL)) {
            clauses.add(column + (to.nullable() ? " DROP NOT NULL" : " SET NOT NULL"));
        }
        // A serial column's default is its sequence's, which the serial change set.
        boolean serialDefault = serial && SerialChange.integerType(to).isPresent();
        if (m.aspects().contains(ColumnAspect.DEFAULT) && !serialDefault) {
            clauses.add(to.defaultValue()
                    .map(d -> column + " SET DEFAULT " + d.sql())
                    .orElse(column + " DROP DEFAULT"));
        }
        if (m.aspects().contains(ColumnAspect.GENERATED)) {
            if (from.generated().isEmpty() || to.generated().isEmpty()) {
                throw new PlanException("column \"" + to.name() + "\" of table \""
                        + change.to().name() + "\": cannot add or remove a generation expression in place");
            }
            clauses.add(column + " SET EXPRESSION AS (" + to.generated().get().expr() + ")");
        }
        if (m.aspects().contains(ColumnAspect.OPTIONS)) {
            identity(column, from, to);
        }
        if (m.aspects().contains(ColumnAspect.COMMENT)) {
            after.add(() -> columnComment(to));
        }
    }

    private void identity(String column, Column from, Column to) {
        boolean was = Identity.isIdentity(from);
        boolean is = Identity.isIdentity(to);
        if (was && !is) {
            clauses.add(column + " DROP IDENTITY");
        } else if (!was && is) {
            clauses.add(column + " ADD " + Identity.clause(to));
        } else if (was) {
            Map<String, String> a = from.options();
            Map<String, String> b = to.options();
            if (!Objects.equals(a.get(Identity.GENERATED), b.get(Identity.GENERATED))) {
                clauses.add(column + " SET GENERATED "
                        + b.getOrDefault(Identity.GENERATED, "BY_DEFAULT").replace('_', ' '));
            }
            if (!Objects.equals(a.get(Identity.START), b.get(Identity.START))) {
                clauses.add(column + " SET START WITH " + b.getOrDefault(Identity.START, "1"));
            }
            if (!Objects.equals(a.get(Identity.INCREMENT), b.get(Identity.INCREMENT))) {
                clauses.add(column + " SET INCREMENT BY " + b.getOrDefault(Identity.INCREMENT, "1"));
            }
        }
    }

    private void columnComment(Column column) {
        PostgresPlanner.comment(
                out,
                "COLUMN " + table + "." + quote(column.name()),
                column.comment(),
                "column: \"" + column.name() + "\" on table: \"" + change.to().name() + "\"");
    }

    private void dropIndex(Index index) {
        out.add(change(
                "drop index \"" + index.name() + "\" from table: \""
                        + change.to().name() + "\"",
                "DROP INDEX " + (ddl.concurrent().drop() ? "CONCURRENTLY " : "")
                        + ddl.index(change.schema(), index.name())));
    }

    private void addIndex(Index index) {
        if (PostgresDdl.isConstraint(index)) {
            clauses.add("ADD " + PostgresDdl.constraint(index));
            // The comment of a UNIQUE constraint is its index's, as inspection reads it.
            if (index.comment().isPresent()) {
                after.add(() -> indexComment(index));
            }
        } else {
            after.add(() -> createIndex(index));
        }
    }

    private void indexComment(Index index) {
        PostgresPlanner.comment(
                out,
                "INDEX " + ddl.index(change.schema(), index.name()),
                index.comment(),
                "index: \"" + index.name() + "\" on table: \"" + change.to().name() + "\"");
    }

    /** Returns whether two indexes differ in their comment alone, which {@code COMMENT ON INDEX} sets. */
    static boolean commentOnly(Index from, Index to) {
        if (from.comment().equals(to.comment())
                || from.unique() != to.unique()
                || !from.options().equals(to.options())
                || !from.where().map(PostgresExpressions::key).equals(to.where().map(PostgresExpressions::key))
                || from.parts().size() != to.parts().size()) {
            return false;
        }
        for (int i = 0; i < from.parts().size(); i++) {
            IndexPart a = from.parts().get(i);
            IndexPart b = to.parts().get(i);
            boolean sameValue = a.isExpression()
                    ? b.isExpression() && PostgresExpressions.key(a.value()).equals(PostgresExpressions.key(b.value()))
                    : !b.isExpression() && a.value().equals(b.value());
            if (!sameValue || a.desc() != b.desc() || !a.options().equals(b.options())) {
                return false;
            }
        }
        return true;
    }

    private void createIndex(Index index) {
        PostgresPlanner.createIndex(
                ddl, change.schema(), change.to(), index, ddl.concurrent().create(), out);
    }

    /** Refuses a change of a table's partition key, which PostgreSQL cannot alter, in the reference's words. */
    private static void partitionKeyUnchanged(Table from, Table to) {
        Optional<String> before = Partition.clause(from).map(String::trim);
        Optional<String> after = Partition.clause(to).map(String::trim);
        if (before.equals(after)) {
            return;
        }
        if (after.isEmpty()) {
            throw new PlanException(
                    "partition key cannot be dropped from \"" + from.name() + "\" (drop and add is required)");
        } else if (before.isEmpty()) {
            throw new PlanException(
                    "partition key cannot be added to \"" + to.name() + "\" (drop and add is required)");
        }
        throw new PlanException("partition key of table \"" + to.name() + "\" cannot be changed from " + before.get()
                + " to " + after.get() + " (drop and add is required)");
    }
}
