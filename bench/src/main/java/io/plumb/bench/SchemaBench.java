package io.plumb.bench;

import io.plumb.engine.db.Database;
import io.plumb.engine.dialect.Dialect;
import io.plumb.engine.dialect.PlanOptions;
import io.plumb.engine.diff.DiffOptions;
import io.plumb.engine.diff.DiffPolicy;
import io.plumb.engine.diff.Differ;
import io.plumb.engine.plan.Plan;
import io.plumb.engine.schema.Column;
import io.plumb.engine.schema.ColumnType;
import io.plumb.engine.schema.Realm;
import io.plumb.engine.schema.Schema;
import io.plumb.engine.schema.SchemaChange;
import io.plumb.engine.schema.Table;
import io.plumb.engine.source.HclSources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code SchemaBench} measures the declarative pipeline on a large SQLite schema: it creates {@code N} tables (10
 * columns, 2 indexes and 1 foreign key each), then times inspecting the database, writing and reading its HCL,
 * diffing it against the HCL with one change per table, and planning the changes. The target is under one second
 * per stage for 1,000 tables.
 */
public final class SchemaBench {

    private static final double TARGET_SECONDS = 1.0;

    private SchemaBench() {}

    /** Runs the benchmark; the optional argument is the number of tables (default 1,000). */
    public static void main(String[] args) throws Exception {
        int tables = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        Path dir = Files.createTempDirectory("plumb-schema-bench");
        try (Database db = Database.open("sqlite://" + dir.resolve("bench.db"), dir)) {
            create(db.connection(), tables);
            Dialect dialect = db.dialect();
            System.out.printf(
                    Locale.ROOT, "SQLite schema of %d tables (10 columns, 2 indexes, 1 foreign key each)%n", tables);
            System.out.printf(Locale.ROOT, "%-34s %10s %10s%n", "stage", "seconds", "target");
            // One untimed round warms the JIT, as a long-running CLI or test JVM would be.
            Realm warm = db.inspect(List.of());
            dialect.spec().write(warm);
            Realm inspected = timed("inspect", () -> db.inspect(List.of()));
            String hcl = timed("write HCL", () -> dialect.spec().write(inspected));
            Realm fromHcl = timed("read HCL (parse, evaluate, decode)", () -> dialect.spec()
                    .read(HclSources.evaluateText("bench.hcl", hcl, dir, Map.of(), name -> null)));
            Realm changed = withOneChangePerTable(fromHcl);
            DiffOptions options = new DiffOptions(dialect.normalizer(), DiffPolicy.none());
            List<SchemaChange> changes =
                    timed("diff (one change per table)", () -> new Differ().diff(inspected, changed, options));
            Plan plan = timed("plan", () -> dialect.planner().plan(changes, PlanOptions.defaults()));
            System.out.printf(
                    Locale.ROOT,
                    "%d changes, %d statements, %d bytes of HCL%n",
                    changes.size(),
                    plan.changes().size(),
                    hcl.length());
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            }
        }
    }

    private static <T> T timed(String stage, Supplier<T> work) {
        long start = System.nanoTime();
        T result = work.get();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "%-34s %10.3f %9.1fs%s%n",
                stage,
                seconds,
                TARGET_SECONDS,
                seconds < TARGET_SECONDS ? "" : "  OVER");
        return result;
    }

    private static Realm withOneChangePerTable(Realm realm) {
        List<Schema> schemas = new ArrayList<>();
        for (Schema schema : realm.schemas()) {
            List<Table> tables = new ArrayList<>();
            for (Table table : schema.tables()) {
                List<Column> columns = new ArrayList<>(table.columns());
                columns.add(Column.of("added", ColumnType.Named.of("text"), true));
                tables.add(table.withColumns(columns));
            }
            schemas.add(schema.withTables(tables));
        }
        return new Realm(schemas);
    }

    private static void create(Connection connection, int tables) throws SQLException {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            for (int t = 0; t < tables; t++) {
                StringBuilder sql =
                        new StringBuilder("CREATE TABLE t").append(t).append(" (id integer NOT NULL PRIMARY KEY");
                for (int c = 1; c < 9; c++) {
                    sql.append(", c").append(c).append(c % 2 == 0 ? " text NULL" : " int NOT NULL DEFAULT 0");
                }
                sql.append(", ref integer NULL, CONSTRAINT fk_t")
                        .append(t)
                        .append(" FOREIGN KEY (ref) REFERENCES t")
                        .append(t == 0 ? 0 : t - 1)
                        .append(" (id))");
                statement.execute(sql.toString());
                statement.execute("CREATE INDEX t" + t + "_c1 ON t" + t + " (c1)");
                statement.execute("CREATE UNIQUE INDEX t" + t + "_c2_c3 ON t" + t + " (c2, c3)");
            }
        }
        connection.commit();
        connection.setAutoCommit(true);
    }
}
