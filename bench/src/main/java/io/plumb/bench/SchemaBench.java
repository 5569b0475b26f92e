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
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code SchemaBench} measures the declarative pipeline on a large SQLite schema: it creates {@code N} tables (10
 * columns, 2 indexes and 1 foreign key each), then times inspecting the database, writing and reading its HCL,
 * diffing it against the HCL with one change per table, and planning the changes. The target is under one second
 * per stage for 1,000 tables.
 */
public final class SchemaBench {

    private static final double TARGET_SECONDS = 1.0;

    private SchemaBench() {}

    /** Runs the benchmark; the optional arguments are the number of tables (default 1,000) and of rounds (5). */
    public static void main(String[] args) throws Exception {
        int tables = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int rounds = args.length > 1 ? Math.max(2, Integer.parseInt(args[1])) : 5;
        Path dir = Files.createTempDirectory("plumb-schema-bench");
        try (Database db = Database.open("sqlite://" + dir.resolve("bench.db"), dir)) {
            create(db.connection(), tables);
            StageTimes seconds = new StageTimes();
            Round last = round(db, dir, seconds);
            for (int i = 1; i < rounds; i++) {
                last = round(db, dir, seconds);
            }
            print(tables, rounds, seconds, last);
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** What one round produced, for the closing line. */
    private record Round(int changes, int statements, int hclBytes) {}

    private static Round round(Database db, Path dir, StageTimes seconds) {
        Dialect dialect = db.dialect();
        Realm inspected = seconds.time("inspect", () -> db.inspect(List.of()));
        String hcl = seconds.time("write HCL", () -> dialect.spec().write(inspected));
        Realm fromHcl = seconds.time("read HCL (parse, evaluate, decode)", () -> dialect.spec()
                .read(HclSources.evaluateText("bench.hcl", hcl, dir, Map.of(), name -> null)));
        Realm changed = withOneChangePerTable(fromHcl);
        DiffOptions options = new DiffOptions(dialect.normalizer(), DiffPolicy.none());
        List<SchemaChange> changes =
                seconds.time("diff (one change per table)", () -> new Differ().diff(inspected, changed, options));
        Plan plan = seconds.time("plan", () -> dialect.planner().plan(changes, PlanOptions.defaults()));
        return new Round(changes.size(), plan.changes().size(), hcl.length());
    }

    private static void print(int tables, int rounds, StageTimes seconds, Round last) {
        System.out.printf(
                Locale.ROOT,
                "SQLite schema of %d tables (10 columns, 2 indexes, 1 foreign key each), %d rounds%n",
                tables,
                rounds);
        seconds.print(TARGET_SECONDS, 36);
        System.out.printf(
                Locale.ROOT,
                "%d changes, %d statements, %d bytes of HCL; the first round is what a one-shot CLI run pays"
                        + " (cold JIT), the rest what a test JVM or agent pays%n",
                last.changes(),
                last.statements(),
                last.hclBytes());
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
