package io.plumb.engine.devdb;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumb.engine.db.Database;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteWarmConnectionsTest {

    @TempDir
    Path cwd;

    private SqliteIsolation isolation;
    private final List<Database> opened = new ArrayList<>();

    @BeforeEach
    void open() {
        isolation = SqliteIsolation.open("sqlite://dev?mode=memory", cwd, true);
    }

    @AfterEach
    void close() {
        isolation.close();
    }

    @Test
    void takesAConnectionHoldingTheSnapshotWithItsSchemaRead() throws SQLException {
        SqliteSnapshot snapshot = snapshotOf("CREATE TABLE t (x INT)", "INSERT INTO t VALUES (1)");
        try (SqliteWarmConnections warm = new SqliteWarmConnections(this::connect)) {
            warm.prepare(snapshot);
            try (Database taken = taken(warm, snapshot)) {
                assertThat(query(taken, "SELECT x FROM t")).containsExactly("1");
            }
            assertThat(warm.take(snapshot))
                    .as("each prepared connection is taken once")
                    .isNull();
        }
    }

    @Test
    void givesNothingForASnapshotNotPrepared() {
        SqliteSnapshot prepared = snapshotOf("CREATE TABLE a (x INT)");
        SqliteSnapshot other = snapshotOf("CREATE TABLE b (x INT)");
        try (SqliteWarmConnections warm = new SqliteWarmConnections(this::connect)) {
            warm.prepare(prepared);
            assertThat(warm.take(other)).isNull();
        }
        assertThat(opened).hasSize(1).allSatisfy(connection -> assertThat(isClosed(connection))
                .isTrue());
    }

    @Test
    void aNewerRequestPushesOutTheOldestAndClosesIt() {
        List<SqliteSnapshot> snapshots = new ArrayList<>();
        for (int i = 0; i <= SqliteWarmConnections.CAPACITY; i++) {
            snapshots.add(snapshotOf("CREATE TABLE t" + i + " (x INT)"));
        }
        try (SqliteWarmConnections warm = new SqliteWarmConnections(this::connect)) {
            snapshots.forEach(warm::prepare);
            assertThat(warm.take(snapshots.get(0))).isNull();
            taken(warm, snapshots.get(SqliteWarmConnections.CAPACITY)).close();
            assertThat(isClosed(opened.get(0))).isTrue();
        }
    }

    @Test
    void forgettingASnapshotClosesItsPreparedConnection() {
        SqliteSnapshot snapshot = snapshotOf("CREATE TABLE t (x INT)");
        try (SqliteWarmConnections warm = new SqliteWarmConnections(this::connect)) {
            warm.prepare(snapshot);
            warm.forget(snapshot);
            assertThat(warm.take(snapshot)).isNull();
        }
        assertThat(opened).hasSize(1).allSatisfy(connection -> assertThat(isClosed(connection))
                .isTrue());
    }

    @Test
    void closingClosesWhatWasNeverTakenAndRetiredConnections() {
        SqliteSnapshot snapshot = snapshotOf("CREATE TABLE t (x INT)");
        Database retired = connect();
        SqliteWarmConnections warm = new SqliteWarmConnections(this::connect);
        warm.prepare(snapshot);
        warm.retire(retired);
        warm.close();
        assertThat(opened).hasSize(2).allSatisfy(connection -> assertThat(isClosed(connection))
                .isTrue());
        warm.prepare(snapshot);
        assertThat(warm.take(snapshot)).as("a closed pool prepares nothing").isNull();
    }

    @Test
    void aSnapshotThatDoesNotLoadIsLeftToTheCallerWithNothingLeftOpen() {
        SqliteSnapshot broken = (SqliteSnapshot) isolation.load("not a database image".getBytes());
        try (SqliteWarmConnections warm = new SqliteWarmConnections(this::connect)) {
            warm.prepare(broken);
            assertThat(warm.take(broken)).isNull();
        }
        assertThat(opened).hasSize(1).allSatisfy(connection -> assertThat(isClosed(connection))
                .isTrue());
    }

    private static Database taken(SqliteWarmConnections warm, SqliteSnapshot snapshot) {
        Database taken = warm.take(snapshot);
        if (taken == null) {
            throw new AssertionError("expected a prepared connection, found none");
        }
        return taken;
    }

    private Database connect() {
        Database database = isolation.connectInMemory();
        synchronized (opened) {
            opened.add(database);
        }
        return database;
    }

    private SqliteSnapshot snapshotOf(String... statements) {
        try (IsolatedDatabase source = isolation.fresh()) {
            for (String sql : statements) {
                try (Statement statement = source.database().connection().createStatement()) {
                    statement.execute(sql);
                }
            }
            return (SqliteSnapshot) isolation.snapshot(source);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    private static boolean isClosed(Database database) {
        try {
            return database.connection().isClosed();
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
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
