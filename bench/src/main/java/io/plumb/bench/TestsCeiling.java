package io.plumb.bench;

import io.plumb.bench.TestsWorkload.Migration;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.sqlite.SQLiteConnection;

/**
 * {@code TestsCeiling} runs the statements of {@link TestsBench}'s workload with sqlite-jdbc alone, with none of
 * Plumb's work (no revisions table, no checks, no HCL), to show how much of each mode's time is SQLite's own and so
 * the most any tool could gain with snapshots on this machine. Each file runs in a transaction, as Plumb runs it.
 *
 * <ul>
 *   <li>replay: every case from an empty database: its files up to its first target, its seed, its later files and
 *       its assertions;
 *   <li>cold: the files up to the highest first target once, serializing the database at each target, then for every
 *       case a restore (its target's image loaded into a new connection and its schema read, as Plumb restores), its
 *       seed, its later files and its assertions;
 *   <li>cached: every case's restore, seed, later files and assertions.
 * </ul>
 *
 * @param replay seconds replaying every case
 * @param cold seconds of the cold mode's work
 * @param cached seconds of the cached mode's work
 * @param restore the seconds of the restores, part of both cold and cached
 */
record TestsCeiling(double replay, double cold, double cached, double restore) {

    private static final String SEED =
            " (id, name, qty) VALUES (1001, 'seed a', 10), (1002, 'seed b', 20)," + " (1003, 'seed c', 30)";

    /** Measures every leg once. */
    static TestsCeiling measure(TestsWorkload workload) {
        try {
            double replay = replay(workload);
            Map<Integer, byte[]> images = new HashMap<>();
            long start = System.nanoTime();
            chain(workload, images);
            double chain = since(start);
            double restore = 0;
            double cases = 0;
            for (MigrationTestCase test : workload.cases()) {
                byte[] image = images.get(test.firstFile());
                if (image == null) {
                    throw new IllegalStateException("no image kept for file " + test.firstFile());
                }
                start = System.nanoTime();
                try (Connection connection = restored(image)) {
                    double restoring = since(start);
                    restore += restoring;
                    seedMigrateAssert(connection, workload.migrations(), test);
                    cases += since(start);
                }
            }
            return new TestsCeiling(replay, chain + cases, cases, restore);
        } catch (SQLException e) {
            throw new IllegalStateException("the SQLite-alone leg failed: " + e.getMessage(), e);
        }
    }

    private static double replay(TestsWorkload workload) throws SQLException {
        long start = System.nanoTime();
        for (MigrationTestCase test : workload.cases()) {
            try (Connection connection = memory()) {
                for (Migration migration : workload.migrations().subList(0, test.firstFile())) {
                    apply(connection, migration);
                }
                seedMigrateAssert(connection, workload.migrations(), test);
            }
        }
        return since(start);
    }

    // Migrates one database up to the highest first target, keeping the image of every target on the way.
    private static void chain(TestsWorkload workload, Map<Integer, byte[]> images) throws SQLException {
        TreeSet<Integer> targets = new TreeSet<>();
        workload.cases().forEach(test -> targets.add(test.firstFile()));
        try (Connection connection = memory()) {
            for (Migration migration : workload.migrations().subList(0, targets.last())) {
                apply(connection, migration);
                if (targets.contains(migration.number())) {
                    images.put(
                            migration.number(),
                            connection.unwrap(SQLiteConnection.class).serialize("main"));
                }
            }
        }
    }

    private static Connection restored(byte[] image) throws SQLException {
        Connection connection = memory();
        connection.unwrap(SQLiteConnection.class).deserialize("main", image);
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM sqlite_master")) {
            rows.next();
        }
        return connection;
    }

    private static void seedMigrateAssert(Connection connection, List<Migration> migrations, MigrationTestCase test)
            throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO t" + test.table() + SEED);
        }
        for (Migration migration : migrations.subList(test.firstFile(), test.lastFile())) {
            apply(connection, migration);
        }
        for (String assertion : test.assertions()) {
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery(assertion)) {
                if (!rows.next() || !rows.getBoolean(1)) {
                    throw new IllegalStateException("case " + test.name() + ": assertion failed: " + assertion);
                }
            }
        }
    }

    private static void apply(Connection connection, Migration migration) throws SQLException {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            for (String sql : migration.statements()) {
                statement.execute(sql);
            }
            connection.commit();
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private static Connection memory() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite::memory:");
    }

    private static double since(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
