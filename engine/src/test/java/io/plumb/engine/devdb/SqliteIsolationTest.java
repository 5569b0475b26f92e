package io.plumb.engine.devdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plumb.engine.db.Database;
import io.plumb.engine.db.InvalidUrlException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteIsolationTest {

    @TempDir
    Path cwd;

    @Test
    void freshDatabaseIsEmptyAndReachableByItsUrl() throws SQLException {
        try (SqliteIsolation isolation = SqliteIsolation.open("sqlite://dev?mode=memory", cwd);
                IsolatedDatabase db = isolation.fresh()) {
            assertThat(tables(db.database())).isEmpty();
            exec(db.database(), "CREATE TABLE t (x INT)", "INSERT INTO t VALUES (1)");
            assertThat(db.url()).startsWith("sqlite:///").doesNotContain("mode=memory");
            try (Database other = Database.open(db.url(), cwd)) {
                assertThat(query(other, "SELECT x FROM t")).containsExactly("1");
            }
        }
    }

    @Test
    void neverTouchesTheUsersDatabaseFile() throws SQLException {
        try (SqliteIsolation isolation = SqliteIsolation.open("sqlite://dev.db", cwd);
                IsolatedDatabase db = isolation.fresh()) {
            exec(db.database(), "CREATE TABLE t (x INT)");
        }
        assertThat(cwd.resolve("dev.db")).doesNotExist();
    }

    @Test
    void carriesConnectionParametersButNotStorageOnes() throws SQLException {
        try (SqliteIsolation isolation = SqliteIsolation.open("sqlite://dev?mode=memory&cache=shared&_fk=1", cwd);
                IsolatedDatabase db = isolation.fresh()) {
            assertThat(db.url()).endsWith("?_fk=1");
            assertThat(query(db.database(), "PRAGMA foreign_keys")).containsExactly("1");
        }
    }

    @Test
    void cloneHoldsTheSnapshotsSchemaAndData() throws SQLException {
        try (SqliteIsolation isolation = SqliteIsolation.open("sqlite://dev?mode=memory", cwd);
                IsolatedDatabase source = isolation.fresh()) {
            exec(
                    source.database(),
                    "CREATE TABLE t (x INT)",
                    "INSERT INTO t VALUES (1), (2)",
                    "PRAGMA user_version = 7");
            Snapshot snapshot = isolation.snapshot(source);
            exec(source.database(), "INSERT INTO t VALUES (3)");
            try (IsolatedDatabase clone = isolation.clone(snapshot)) {
                assertThat(clone.url()).isNotEqualTo(source.url());
                assertThat(query(clone.database(), "SELECT x FROM t ORDER BY x"))
                        .containsExactly("1", "2");
                assertThat(query(clone.database(), "PRAGMA user_version")).containsExactly("7");
            }
            assertThat(query(source.database(), "SELECT count(*) FROM t")).containsExactly("3");
        }
    }

    @Test
    void clonesAreIsolatedFromEachOther() throws SQLException {
        try (SqliteIsolation isolation = SqliteIsolation.open("sqlite://dev?mode=memory", cwd);
                IsolatedDatabase source = isolation.fresh()) {
            exec(source.database(), "CREATE TABLE t (x INT)");
            Snapshot snapshot = isolation.snapshot(source);
            try (IsolatedDatabase a = isolation.clone(snapshot);
                    IsolatedDatabase b = isolation.clone(snapshot)) {
                exec(a.database(), "INSERT INTO t VALUES (1)", "CREATE TABLE only_a (y INT)");
                assertThat(query(b.database(), "SELECT count(*) FROM t")).containsExactly("0");
                assertThat(tables(b.database())).containsExactly("t");
                assertThat(tables(a.database())).containsExactly("only_a", "t");
            }
        }
    }

    @Test
    void restoreReplacesTheStateButKeepsTheUrl() throws SQLException {
        try (SqliteIsolation isolation = SqliteIsolation.open("sqlite://dev?mode=memory", cwd);
                IsolatedDatabase source = isolation.fresh();
                IsolatedDatabase target = isolation.fresh()) {
            exec(source.database(), "CREATE TABLE t (x INT)", "INSERT INTO t VALUES (5)");
            exec(target.database(), "CREATE TABLE gone (y INT)");
            String url = target.url();
            isolation.restore(target, isolation.snapshot(source));
            assertThat(target.url()).isEqualTo(url);
            assertThat(tables(target.database())).containsExactly("t");
            try (Database other = Database.open(url, cwd)) {
                assertThat(query(other, "SELECT x FROM t")).containsExactly("5");
            }
        }
    }

    @Test
    void restoringADatabaseNotUsedYetGivesTheSnapshotAtTheSameUrl() throws SQLException {
        try (SqliteIsolation isolation = SqliteIsolation.open("sqlite://dev?mode=memory&_fk=1", cwd);
                IsolatedDatabase source = isolation.fresh();
                IsolatedDatabase target = isolation.fresh()) {
            exec(source.database(), "CREATE TABLE t (x INT)", "INSERT INTO t VALUES (5)");
            Snapshot snapshot = isolation.snapshot(source);
            String url = target.url();
            isolation.restore(target, snapshot);
            assertThat(target.url()).isEqualTo(url);
            assertThat(query(target.database(), "SELECT x FROM t")).containsExactly("5");
            // The reopened connection is configured as the first one would have been.
            assertThat(query(target.database(), "PRAGMA foreign_keys")).containsExactly("1");
            assertThat(query(target.database(), "PRAGMA journal_mode")).containsExactly("memory");
            // Restoring again replaces what the case did since.
            exec(target.database(), "INSERT INTO t VALUES (6)");
            isolation.restore(target, snapshot);
            assertThat(query(target.database(), "SELECT count(*) FROM t")).containsExactly("1");
        }
    }

    @Test
    void aDatabaseInsideATransactionIsNeitherSnapshottedNorRestored() throws SQLException {
        try (SqliteIsolation isolation = SqliteIsolation.open("sqlite://dev?mode=memory", cwd);
                IsolatedDatabase source = isolation.fresh();
                IsolatedDatabase target = isolation.fresh()) {
            exec(source.database(), "CREATE TABLE t (x INT)");
            Snapshot snapshot = isolation.snapshot(source);
            exec(target.database(), "CREATE TABLE mine (y INT)");
            target.database().connection().setAutoCommit(false);
            exec(target.database(), "INSERT INTO mine VALUES (1)");
            assertThatThrownBy(() -> isolation.restore(target, snapshot))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("cannot replace " + target.url() + " inside a transaction");
            assertThatThrownBy(() -> isolation.snapshot(target))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("cannot snapshot " + target.url() + " inside a transaction");
            target.database().connection().commit();
            target.database().connection().setAutoCommit(true);
            assertThat(tables(target.database())).containsExactly("mine");
        }
    }

    @Test
    void closingDropsFilesAndTheDirectory() throws SQLException {
        SqliteIsolation isolation = SqliteIsolation.open("sqlite://dev?mode=memory", cwd);
        assertThat(isolation.directory()).isEmpty();
        IsolatedDatabase kept = isolation.fresh();
        Path dir = isolation.directory().orElseThrow();
        IsolatedDatabase dropped = isolation.fresh();
        exec(kept.database(), "CREATE TABLE t (x INT)");
        // A snapshot is an image in memory, not a file.
        Snapshot snapshot = isolation.snapshot(kept);
        assertThat(fileCount(dir)).isEqualTo(2);
        dropped.close();
        snapshot.close();
        assertThat(fileCount(dir)).isEqualTo(1);
        isolation.close();
        assertThat(dir).doesNotExist();
        assertThatThrownBy(isolation::fresh).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void handsOutDistinctDatabasesToConcurrentCallers() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (SqliteIsolation isolation = SqliteIsolation.open("sqlite://dev?mode=memory", cwd)) {
            List<Future<String>> urls = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                urls.add(pool.submit(() -> {
                    IsolatedDatabase db = isolation.fresh();
                    exec(db.database(), "CREATE TABLE t (x INT)");
                    return db.url();
                }));
            }
            List<String> seen = new ArrayList<>();
            for (Future<String> url : urls) {
                seen.add(url.get());
            }
            assertThat(seen).doesNotHaveDuplicates().hasSize(16);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void inMemoryDatabasesHaveNoFileUntilShared() throws SQLException {
        try (SqliteIsolation isolation = SqliteIsolation.open("sqlite://dev?mode=memory&_fk=1", cwd, true);
                IsolatedDatabase db = isolation.fresh()) {
            SqliteIsolatedDatabase sqlite = (SqliteIsolatedDatabase) db;
            exec(db.database(), "CREATE TABLE t (x INT)", "INSERT INTO t VALUES (1)");
            assertThat(sqlite.inMemory()).isTrue();
            assertThat(sqlite.file()).doesNotExist();
            assertThat(query(db.database(), "PRAGMA foreign_keys")).containsExactly("1");
            db.share();
            assertThat(sqlite.inMemory()).isFalse();
            assertThat(db.url()).isEqualTo("sqlite://" + sqlite.file() + "?_fk=1");
            try (Database other = Database.open(db.url(), cwd)) {
                assertThat(query(other, "SELECT x FROM t")).containsExactly("1");
                exec(other, "INSERT INTO t VALUES (2)");
            }
            // From now on the case's own connection reaches the file too.
            assertThat(query(db.database(), "SELECT x FROM t ORDER BY x")).containsExactly("1", "2");
            assertThat(query(db.database(), "PRAGMA foreign_keys")).containsExactly("1");
        }
    }

    @Test
    void inMemoryRestoreLoadsTheSnapshotIntoTheOpenConnection() throws SQLException {
        try (SqliteIsolation isolation = SqliteIsolation.open("sqlite://dev?mode=memory", cwd, true);
                IsolatedDatabase source = isolation.fresh();
                IsolatedDatabase target = isolation.fresh()) {
            exec(source.database(), "CREATE TABLE t (x INT)", "INSERT INTO t VALUES (5)");
            Snapshot snapshot = isolation.snapshot(source);
            Database connection = target.database();
            exec(connection, "CREATE TABLE gone (y INT)");
            isolation.restore(target, snapshot);
            assertThat(target.database()).isSameAs(connection);
            assertThat(tables(connection)).containsExactly("t");
            exec(connection, "INSERT INTO t VALUES (6)");
            // The snapshot is untouched by what the restored database did.
            try (IsolatedDatabase clone = isolation.clone(snapshot)) {
                assertThat(query(clone.database(), "SELECT x FROM t")).containsExactly("5");
            }
            // Restoring an empty database's snapshot empties it.
            try (IsolatedDatabase empty = isolation.fresh()) {
                isolation.restore(target, isolation.snapshot(empty));
            }
            assertThat(tables(target.database())).isEmpty();
        }
    }

    @Test
    void memoryAndFileSnapshotsGiveTheSameDatabase() throws SQLException {
        String[] schema = {
            "CREATE TABLE parent (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)",
            "CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INT REFERENCES parent (id), qty REAL DEFAULT 1.5)",
            "CREATE INDEX child_parent ON child (parent_id)",
            "CREATE VIEW totals AS SELECT parent_id, sum(qty) AS total FROM child GROUP BY parent_id",
            "CREATE TRIGGER child_qty AFTER INSERT ON child BEGIN UPDATE parent SET name = name || '+'"
                    + " WHERE id = NEW.parent_id; END",
            "INSERT INTO parent (name) VALUES ('a'), ('b'), (x'00ff')",
            "INSERT INTO child (parent_id, qty) VALUES (1, 2), (1, 3.25), (2, NULL)",
            "PRAGMA user_version = 3"
        };
        List<List<String>> states = new ArrayList<>();
        for (boolean inMemory : new boolean[] {true, false}) {
            try (SqliteIsolation isolation = SqliteIsolation.open("sqlite://dev?mode=memory", cwd, inMemory);
                    IsolatedDatabase source = isolation.fresh();
                    IsolatedDatabase restored = isolation.fresh()) {
                exec(source.database(), schema);
                Snapshot snapshot = isolation.snapshot(source);
                exec(restored.database(), "CREATE TABLE other (z INT)");
                isolation.restore(restored, snapshot);
                try (IsolatedDatabase cloned = isolation.clone(snapshot);
                        IsolatedDatabase loaded = isolation.clone(isolation.load(isolation.image(snapshot)))) {
                    List<String> state = dump(restored.database());
                    assertThat(dump(cloned.database())).isEqualTo(state);
                    assertThat(dump(loaded.database())).isEqualTo(state);
                    states.add(state);
                }
            }
        }
        assertThat(states.get(0))
                .isEqualTo(states.get(1))
                .contains("child|2|1|3.25|real", "child|3|2|NULL|null", "parent|1|'a++'");
    }

    @Test
    void imagesOfOneLibraryAndParametersShareAFormat() {
        try (SqliteIsolation plain = SqliteIsolation.open("sqlite://dev?mode=memory", cwd, true);
                SqliteIsolation files = SqliteIsolation.open("sqlite://other.db", cwd);
                SqliteIsolation foreignKeys = SqliteIsolation.open("sqlite://dev?mode=memory&_fk=1", cwd, true)) {
            assertThat(plain.imageFormat()).isEqualTo(files.imageFormat());
            assertThat(plain.imageFormat().orElseThrow()).startsWith("sqlite 3.");
            assertThat(foreignKeys.imageFormat()).isNotEqualTo(plain.imageFormat());
        }
    }

    @Test
    void refusesOtherDatabaseSystems() {
        assertThatThrownBy(() -> SqliteIsolation.open("postgres://localhost/dev", cwd))
                .isInstanceOf(InvalidUrlException.class)
                .hasMessage("invalid URL \"postgres://localhost/dev\": unsupported scheme \"postgres\" for a dev"
                        + " database (this build supports sqlite:// dev databases)");
        assertThatThrownBy(() -> Isolation.open("dev.db", cwd)).isInstanceOf(InvalidUrlException.class);
    }

    private static long fileCount(Path dir) {
        try (var files = Files.list(dir)) {
            return files.count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void exec(Database db, String... statements) throws SQLException {
        for (String sql : statements) {
            try (Statement statement = db.connection().createStatement()) {
                statement.execute(sql);
            }
        }
    }

    // The schema, every row of every table with each value's type, and the user version.
    private static List<String> dump(Database db) throws SQLException {
        List<String> lines = new ArrayList<>(query(
                db, "SELECT type || '|' || name || '|' || coalesce(sql, '') FROM sqlite_master ORDER BY type, name"));
        lines.addAll(query(db, "PRAGMA user_version"));
        for (String table : tables(db)) {
            lines.addAll(query(db, "SELECT '" + table + "|' || count(*) FROM " + table));
        }
        lines.addAll(query(db, "SELECT 'parent|' || id || '|' || quote(name) FROM parent ORDER BY id"));
        lines.addAll(query(
                db,
                "SELECT 'child|' || id || '|' || parent_id || '|' || quote(qty) || '|' || typeof(qty)"
                        + " FROM child ORDER BY id"));
        return lines;
    }

    private static List<String> tables(Database db) throws SQLException {
        return query(db, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
    }

    private static List<String> query(Database db, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = db.connection().createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
