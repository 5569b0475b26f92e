package io.plumb.bench;

import io.plumb.engine.db.Database;
import io.plumb.engine.dialect.Dialect;
import io.plumb.engine.dialect.PlanOptions;
import io.plumb.engine.diff.DiffOptions;
import io.plumb.engine.diff.DiffPolicy;
import io.plumb.engine.diff.Differ;
import io.plumb.engine.plan.Plan;
import io.plumb.engine.schema.ObjectKind;
import io.plumb.engine.schema.Realm;
import io.plumb.engine.schema.Routine;
import io.plumb.engine.schema.Schema;
import io.plumb.engine.schema.SchemaChange;
import io.plumb.engine.schema.SchemaObject;
import io.plumb.engine.schema.View;
import io.plumb.engine.source.HclSources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code PostgresObjectsBench} measures the declarative pipeline on a large PostgreSQL schema with database logic:
 * {@code N} tables (6 columns, 1 index, 1 foreign key each) plus {@code N*3/10} views, functions and triggers each
 * (300 of each for 1,000 tables), on the embedded PostgreSQL. Per round it times inspecting the database, writing
 * and reading its HCL, diffing against a realm where every view's query and function's body changed, and planning
 * the changes. The target is under two seconds per stage for 1,000 tables.
 */
public final class PostgresObjectsBench {

    private static final double TARGET_SECONDS = 2.0;

    private PostgresObjectsBench() {}

    /** Runs the benchmark; the optional arguments are the number of tables (default 1,000) and of rounds (5). */
    public static void main(String[] args) throws Exception {
        int tables = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int rounds = args.length > 1 ? Math.max(2, Integer.parseInt(args[1])) : 5;
        int objects = tables * 3 / 10;
        Path dir = Files.createTempDirectory("plumb-pg-objects-bench");
        try (Database db = Database.open("embedded://postgres/17/objects_bench", dir)) {
            create(db.connection(), tables, objects);
            StageTimes seconds = new StageTimes();
            Round last = round(db, dir, seconds);
            for (int i = 1; i < rounds; i++) {
                last = round(db, dir, seconds);
            }
            print(tables, objects, rounds, seconds, last);
        }
        // The embedded server stops in its shutdown hook.
        System.exit(0);
    }

    /** What one round saw and produced, for the closing lines. */
    private record Round(Map<ObjectKind, Integer> counts, int changes, int statements, int hclBytes) {}

    private static Round round(Database db, Path dir, StageTimes seconds) {
        Dialect dialect = db.dialect();
        Realm inspected = seconds.time("inspect", () -> db.inspect(List.of("public")));
        String hcl = seconds.time("write HCL", () -> dialect.spec().write(inspected));
        Realm fromHcl = seconds.time("read HCL (parse, evaluate, decode)", () -> dialect.spec()
                .read(HclSources.evaluateText("bench.hcl", hcl, dir, Map.of(), name -> null)));
        Realm changed = withChangedLogic(fromHcl);
        DiffOptions options = new DiffOptions(dialect.normalizer(), DiffPolicy.none());
        List<SchemaChange> changes = seconds.time(
                "diff (every view and function changed)", () -> new Differ().diff(inspected, changed, options));
        Plan plan = seconds.time("plan", () -> dialect.planner().plan(changes, PlanOptions.defaults()));
        Map<ObjectKind, Integer> counts = new EnumMap<>(ObjectKind.class);
        for (Schema schema : inspected.schemas()) {
            counts.merge(ObjectKind.TABLE, schema.tables().size(), Integer::sum);
            schema.objects().forEach(o -> counts.merge(o.kind(), 1, Integer::sum));
        }
        return new Round(counts, changes.size(), plan.changes().size(), hcl.length());
    }

    private static void print(int tables, int objects, int rounds, StageTimes seconds, Round last) {
        System.out.printf(
                Locale.ROOT,
                "PostgreSQL schema of %d tables, %d views, %d functions and %d triggers, %d rounds%n",
                tables,
                objects,
                objects,
                objects,
                rounds);
        seconds.print(TARGET_SECONDS, 40);
        System.out.printf(
                Locale.ROOT,
                "inspected %s; %d changes, %d statements, %d bytes of HCL%n",
                last.counts(),
                last.changes(),
                last.statements(),
                last.hclBytes());
    }

    // A query and a body that differ in a constant: a real change each, never a whitespace one.
    private static Realm withChangedLogic(Realm realm) {
        List<Schema> schemas = new ArrayList<>();
        for (Schema schema : realm.schemas()) {
            List<SchemaObject> objects = new ArrayList<>();
            for (SchemaObject object : schema.objects()) {
                if (object instanceof View v) {
                    objects.add(new View(
                            v.name(),
                            v.materialized(),
                            v.columns(),
                            v.query().replace("> 0", "> 1"),
                            v.indexes(),
                            v.comment(),
                            v.dependsOn(),
                            v.options()));
                } else if (object instanceof Routine r
                        && r.kind() == ObjectKind.FUNCTION
                        && r.body().contains("+ 0")) {
                    objects.add(new Routine(
                            r.kind(),
                            r.name(),
                            r.signature(),
                            r.arguments(),
                            r.returns(),
                            r.language(),
                            r.body().replace("+ 0", "+ 1"),
                            r.options(),
                            r.comment(),
                            r.dependsOn()));
                } else {
                    objects.add(object);
                }
            }
            schemas.add(schema.withObjects(objects));
        }
        return realm.withSchemas(schemas);
    }

    private static void create(Connection connection, int tables, int objects) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS public CASCADE");
            statement.execute("CREATE SCHEMA public");
            StringBuilder sql = new StringBuilder("BEGIN;");
            for (int t = 0; t < tables; t++) {
                sql.append("CREATE TABLE t")
                        .append(t)
                        .append(" (id integer PRIMARY KEY, c1 integer NOT NULL DEFAULT 0, c2 text,")
                        .append(" c3 integer NOT NULL DEFAULT 0, c4 text, ref integer REFERENCES t")
                        .append(t == 0 ? 0 : t - 1)
                        .append(" (id));");
                sql.append("CREATE INDEX t")
                        .append(t)
                        .append("_c1 ON t")
                        .append(t)
                        .append(" (c1);");
            }
            for (int i = 0; i < objects; i++) {
                sql.append("CREATE VIEW v")
                        .append(i)
                        .append(" AS SELECT id, c1, c2 FROM t")
                        .append(i)
                        .append(" WHERE c1 > 0;");
                sql.append("CREATE FUNCTION f")
                        .append(i)
                        .append("(v integer) RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT v + 0 $$;");
                sql.append("CREATE FUNCTION trg")
                        .append(i)
                        .append("() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.c3 := NEW.c1 + 1;")
                        .append(" RETURN NEW; END $$;");
                sql.append("CREATE TRIGGER tr")
                        .append(i)
                        .append(" BEFORE INSERT OR UPDATE ON t")
                        .append(i)
                        .append(" FOR EACH ROW EXECUTE FUNCTION trg")
                        .append(i)
                        .append("();");
            }
            sql.append("COMMIT;");
            statement.execute(sql.toString());
        }
    }
}
