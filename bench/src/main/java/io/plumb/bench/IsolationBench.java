package io.plumb.bench;

import io.plumb.engine.db.Database;
import io.plumb.engine.devdb.EmbeddedServers;
import io.plumb.engine.devdb.IsolatedDatabase;
import io.plumb.engine.devdb.Isolation;
import io.plumb.engine.devdb.Snapshot;
import io.plumb.engine.migrate.ApplyListener;
import io.plumb.engine.migrate.ApplyOptions;
import io.plumb.engine.migrate.ApplyReport;
import io.plumb.engine.migrate.MigrationDir;
import io.plumb.engine.migrate.Migrator;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code IsolationBench} measures how long handing a test an isolated database takes, per dialect: cloning a
 * snapshot of a migrated schema (100 tables, 10,000 rows by default) until the test holds an open connection to it,
 * raw and from the server isolations' pool of clones made ahead, against creating an empty database and replaying
 * the migrations; the test's first query is timed apart. It prints the median and minimum of each, their ratio and
 * the targets (raw clone: PostgreSQL 50 ms, MariaDB 150 ms, SQLite 1.5 ms, a clone loaded in memory, or as
 * a file with {@code -Dplumb.devdb.sqliteMemory=false}; pooled hand-out 5 ms), and stops with an error when a clone
 * or a replay does not hold every row, since the times would then measure nothing.
 */
public final class IsolationBench {

    private static final int WARM_UP = 3;

    /** The table the test's first query counts, in the middle of the schema. */
    private static final String PROBE = IsolationWorkload.table(50);

    private IsolationBench() {}

    /** One dialect to measure: how to reach its dev server and the clone's target. */
    private record Leg(String name, Supplier<String> devUrl, double targetMillis) {}

    /**
     * Runs the benchmark; the optional arguments are the number of rounds (default 20, after 3 warm-up rounds) and a
     * comma-separated list of dialects ({@code sqlite,postgres,mariadb}, the default). System property {@code
     * plumb.bench.workRoot} moves the generated migration directory.
     */
    public static void main(String[] args) {
        int status = 0;
        try {
            run(args);
        } catch (IOException | RuntimeException e) {
            e.printStackTrace();
            status = 1;
        }
        // The exit status tells a script whether the bench failed; the embedded servers stop in the shutdown hooks.
        System.exit(status);
    }

    private static void run(String[] args) throws IOException {
        int rounds = args.length > 0 ? Math.max(1, Integer.parseInt(args[0])) : 20;
        List<String> only = args.length > 1 ? List.of(args[1].split(",")) : List.of("sqlite", "postgres", "mariadb");
        IsolationWorkload workload = new IsolationWorkload(100, 10_000);
        String root = System.getProperty("plumb.bench.workRoot", System.getProperty("java.io.tmpdir"));
        Path work = Files.createTempDirectory(Path.of(root), "plumb-isolation-bench");
        PrintStream out = System.out;
        try {
            Path dir = workload.write(work.resolve("migrations"));
            out.printf(
                    "workload: %d tables (index and foreign key each), %d rows, %d files; %d rounds after %d"
                            + " warm-up%n",
                    workload.tables(), workload.rows(), workload.tables(), rounds, WARM_UP);
            List<IsolationTimes> results = new ArrayList<>();
            for (Leg leg : legs()) {
                if (only.contains(leg.name())) {
                    results.add(measure(leg, workload, dir, rounds, out));
                }
            }
            new IsolationReport(out).print(results);
        } finally {
            delete(work);
        }
    }

    private static List<Leg> legs() {
        return List.of(
                new Leg("sqlite", () -> "sqlite://bench?mode=memory", 1.5),
                new Leg("postgres", EmbeddedServers::postgres, 50),
                new Leg("mariadb", EmbeddedServers::mariadb, 150));
    }

    private static IsolationTimes measure(Leg leg, IsolationWorkload workload, Path dir, int rounds, PrintStream out) {
        long started = System.nanoTime();
        String url = leg.devUrl().get();
        out.printf("%s: dev server ready in %.0f ms%n", leg.name(), (System.nanoTime() - started) / 1e6);
        boolean server = !leg.name().equals("sqlite");
        IsolationTimes.Builder times = new IsolationTimes.Builder(leg.name(), leg.targetMillis());
        // Two isolations: one copies every clone when asked (the raw clone), one hands out clones its pool made.
        try (Setup raw = Setup.open(url, dir, 0);
                Setup pooled = Setup.open(server ? url : "sqlite://bench-pooled?mode=memory", dir, 1)) {
            times.server(version(raw.source.database(), leg.name()));
            checkRows(leg.name() + " clone", raw.isolation.clone(raw.snapshot), workload);
            checkRows(leg.name() + " pooled clone", pooled.isolation.clone(pooled.snapshot), workload);
            try (IsolatedDatabase replayed = raw.isolation.fresh()) {
                migrate(replayed, dir);
                checkRows(leg.name() + " replay", replayed, workload);
            }
            for (int round = -WARM_UP; round < rounds; round++) {
                Runnable clone = () -> times.cloned(timeClone(raw));
                Runnable replay = () -> times.replay(timeReplay(raw.isolation, dir));
                List<Runnable> legs;
                if (server) {
                    // A replay (a second or more) always runs right after a hand-out from the pool, as a test's own
                    // work would, while the pool copies the next clone; back to back, a hand-out would wait for that
                    // copy, which the raw clone measures. The raw clone never starts while that copy runs, and it
                    // goes first and last in turn.
                    Runnable fromPool = () -> times.pooled(timeClone(pooled));
                    legs = Math.floorMod(round, 2) == 0
                            ? List.of(fromPool, replay, clone)
                            : List.of(clone, fromPool, replay);
                } else {
                    // Alternating which leg goes first spreads the machine's moods (and the JIT's) over both.
                    legs = Math.floorMod(round, 2) == 0 ? List.of(clone, replay) : List.of(replay, clone);
                }
                times.measuring(round >= 0);
                legs.forEach(Runnable::run);
            }
        }
        return times.build();
    }

    /** An isolation, with a migrated source database and its snapshot. */
    private record Setup(Isolation isolation, IsolatedDatabase source, Snapshot snapshot) implements AutoCloseable {

        static Setup open(String url, Path dir, int pool) {
            System.setProperty(Isolation.CLONE_POOL_PROPERTY, Integer.toString(pool));
            // SQLite clones live in memory (deserialize), as migration tests' do; servers are the same either way.
            Isolation isolation = Isolation.openInMemory(url, dir);
            IsolatedDatabase source = isolation.fresh();
            migrate(source, dir);
            return new Setup(isolation, source, isolation.snapshot(source));
        }

        @Override
        public void close() {
            isolation.close();
        }
    }

    /**
     * Times one hand-out, in nanoseconds: {@code clone(snapshot)} plus {@code database()}, which gives the test an open
     * connection (what a test pays to get its database); of that, {@code database()} alone; then the test's first
     * query; then dropping the clone.
     */
    private static long[] timeClone(Setup setup) {
        long start = System.nanoTime();
        IsolatedDatabase db = setup.isolation.clone(setup.snapshot);
        long cloned = System.nanoTime();
        Database database = db.database();
        long handed = System.nanoTime();
        count(database, PROBE);
        long queried = System.nanoTime();
        db.close();
        return new long[] {handed - start, handed - cloned, queried - handed, System.nanoTime() - queried};
    }

    private static long timeReplay(Isolation isolation, Path dir) {
        long start = System.nanoTime();
        try (IsolatedDatabase db = isolation.fresh()) {
            migrate(db, dir);
            count(db.database(), PROBE);
            return System.nanoTime() - start;
        }
    }

    private static void migrate(IsolatedDatabase db, Path dir) {
        MigrationDir migrations = MigrationDir.open(dir.toString(), dir);
        ApplyReport report = new Migrator(
                        db.database(),
                        migrations,
                        ApplyOptions.defaults("bench").withoutLock())
                .apply(new ApplyListener() {});
        if (report.error().isPresent()) {
            throw new IllegalStateException(
                    "migrating " + db.url() + ": " + report.error().get());
        }
    }

    /** Checks, once per dialect, that a database holds every row, then closes it. */
    private static void checkRows(String what, IsolatedDatabase db, IsolationWorkload workload) {
        try (db) {
            long total = 0;
            for (int i = 1; i <= workload.tables(); i++) {
                total += count(db.database(), IsolationWorkload.table(i));
            }
            if (total != workload.rows()) {
                throw new IllegalStateException(what + ": expected " + workload.rows() + " rows in " + workload.tables()
                        + " tables, found " + total + "; the times would measure nothing");
            }
        }
    }

    private static long count(Database db, String table) {
        try (Statement statement = db.connection().createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("counting the rows of " + table + ": " + e.getMessage(), e);
        }
    }

    private static String version(Database db, String dialect) {
        String sql = dialect.equals("sqlite") ? "SELECT 'SQLite ' || sqlite_version()" : "SELECT version()";
        try (Statement statement = db.connection().createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            String version = rows.getString(1);
            return dialect.equals("mariadb") ? "MariaDB " + version : version.replaceFirst(" on .*", "");
        } catch (SQLException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    private static void delete(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
