package io.plumb.engine.dialect.postgres;

import static io.plumb.engine.dialect.postgres.PostgresDdl.quote;

import io.plumb.engine.dialect.PlanOptions;
import io.plumb.engine.dialect.Planner;
import io.plumb.engine.plan.ObjectOrder;
import io.plumb.engine.plan.Plan;
import io.plumb.engine.plan.PlannedChange;
import io.plumb.engine.schema.ForeignKey;
import io.plumb.engine.schema.Index;
import io.plumb.engine.schema.Schema;
import io.plumb.engine.schema.SchemaChange;
import io.plumb.engine.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@code PostgresPlanner} turns schema changes into PostgreSQL statements: new schemas and enum types first, then
 * the object steps {@link ObjectOrder} puts before the tables (drops, and the objects new tables use), new
 * tables in an order where every foreign key finds its table (keys in a cycle are added afterwards), each modified
 * table as one {@code ALTER TABLE} plus its index and comment statements, dropped tables in the reverse order, the
 * remaining object steps, then dropped enum types and schemas. The plan is transactional unless the options' {@link io.plumb.engine.plan.ConcurrentIndex} policy made an index
 * statement {@code CONCURRENTLY}.
 */
public final class PostgresPlanner implements Planner {

    private final ServerFeatures server;

    /** Creates a planner for a server of any version. */
    public PostgresPlanner() {
        this(ServerFeatures.UNKNOWN);
    }

    /** Creates a planner for a server of the given major version, which refuses what that server cannot run. */
    public PostgresPlanner(int serverMajor) {
        this.server = new ServerFeatures(serverMajor);
    }

    @Override
    public Plan plan(List<SchemaChange> planned, PlanOptions options) {
        server.check(planned);
        PostgresDdl ddl = new PostgresDdl(options.qualified(), options.indent(), options.concurrentIndex());
        List<SchemaChange> changes = options.qualified() ? planned : BoundTypes.unqualify(planned);
        List<PlannedChange> out = new ArrayList<>();
        List<SchemaChange.AddTable> added = new ArrayList<>();
        List<SchemaChange.DropTable> dropped = new ArrayList<>();
        for (SchemaChange change : changes) {
            if (change instanceof SchemaChange.AddTable a) {
                added.add(a);
            } else if (change instanceof SchemaChange.DropTable d) {
                dropped.add(d);
            }
        }
        for (SchemaChange change : changes) {
            if (change instanceof SchemaChange.AddSchema s) {
                addSchema(ddl, s.schema(), out);
            } else if (change instanceof SchemaChange.ModifySchema s) {
                if (!s.from().comment().equals(s.to().comment())) {
                    comment(
                            out,
                            "SCHEMA " + quote(s.to().name()),
                            s.to().comment(),
                            "schema: \"" + s.to().name() + "\"");
                }
                EnumPlanning.modify(ddl, s.from(), s.to(), out);
            }
        }
        ObjectOrder.Steps steps = ObjectOrder.of(changes);
        PostgresObjectDdl objects = new PostgresObjectDdl(ddl);
        SequenceDdl.releaseOwners(ddl, changes, out);
        boolean unchecked = EarlyRoutines.readNewTables(steps.before(), added);
        if (unchecked) {
            out.add(change("check no function body until the tables it reads exist", EarlyRoutines.OFF));
        }
        objects.plan(steps.before(), out);
        if (unchecked) {
            out.add(change("check function bodies again", EarlyRoutines.ON));
        }
        new TableCreation(ddl, out).createAll(added);
        for (SchemaChange change : changes) {
            if (change instanceof SchemaChange.ModifyTable m) {
                new TableAlteration(ddl, ChildTableChanges.withoutInherited(m, changes), out).plan();
            }
        }
        for (SchemaChange.DropTable d : TableCreation.dropOrder(dropped)) {
            out.add(change(
                    "drop \"" + d.table().name() + "\" table",
                    "DROP TABLE " + ddl.table(d.schema(), d.table().name())));
        }
        objects.plan(steps.after(), out);
        SequenceDdl.setOwners(ddl, changes, out);
        for (SchemaChange change : changes) {
            if (change instanceof SchemaChange.ModifySchema s) {
                EnumPlanning.dropRemoved(ddl, s.from(), s.to(), out);
            }
        }
        for (SchemaChange change : changes) {
            if (change instanceof SchemaChange.DropSchema s) {
                out.add(change(
                        "drop schema named \"" + s.schema().name() + "\"",
                        "DROP SCHEMA " + quote(s.schema().name()) + " CASCADE"));
            }
        }
        boolean concurrently = out.stream().anyMatch(c -> c.sql().contains(" INDEX CONCURRENTLY "));
        return new Plan(out, !concurrently);
    }

    private static void addSchema(PostgresDdl ddl, Schema schema, List<PlannedChange> out) {
        // Every database has a "public" schema to begin with, unless it was dropped: as the reference plans it, the
        // statement that adds it does not fail where it is there.
        String ifNotExists = schema.name().equals("public") ? "IF NOT EXISTS " : "";
        out.add(change(
                "add new schema named \"" + schema.name() + "\"",
                "CREATE SCHEMA " + ifNotExists + quote(schema.name())));
        if (schema.comment().isPresent()) {
            comment(out, "SCHEMA " + quote(schema.name()), schema.comment(), "schema: \"" + schema.name() + "\"");
        }
        EnumPlanning.createAll(ddl, schema, out);
    }

    static PlannedChange change(String comment, String sql) {
        return new PlannedChange(comment, sql);
    }

    /** Adds a {@code COMMENT ON} statement; an absent comment is set to NULL, which removes it. */
    static void comment(List<PlannedChange> out, String target, Optional<String> comment, String what) {
        out.add(change(
                "set comment to " + what,
                "COMMENT ON " + target + " IS "
                        + comment.map(PostgresDdl::literal).orElse("NULL")));
    }

    /** Adds the statements that create an index ({@code CONCURRENTLY} when asked) and set its comment. */
    static void createIndex(
            PostgresDdl ddl, String schema, Table table, Index index, boolean concurrently, List<PlannedChange> out) {
        out.add(change(
                "create index \"" + index.name() + "\" to table: \"" + table.name() + "\"",
                ddl.createIndex(schema, table.name(), index, concurrently)));
        if (index.comment().isPresent()) {
            comment(
                    out,
                    "INDEX " + ddl.index(schema, index.name()),
                    index.comment(),
                    "index: \"" + index.name() + "\" on table: \"" + table.name() + "\"");
        }
    }

    /** Returns the foreign keys of a table that point at the given table. */
    static List<ForeignKey> keysTo(Table table, String schema, String target) {
        return table.foreignKeys().stream()
                .filter(fk -> fk.refSchema().equals(schema) && fk.refTable().equals(target))
                .toList();
    }
}
