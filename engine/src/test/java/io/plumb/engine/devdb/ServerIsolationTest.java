package io.plumb.engine.devdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plumb.engine.db.Database;
import io.plumb.engine.db.DatabaseException;
import io.plumb.engine.db.DatabaseUrl;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ServerIsolationTest {

    // Named, so that test names say the dialect and never show the server's password.
    static Stream<Named<String>> servers() {
        return Stream.of(
                Named.of("postgres", TestServers.postgresUrl()), Named.of("mariadb", TestServers.mariadbUrl()));
    }

    private static Isolation open(String url) {
        return Isolation.open(url, Path.of("."));
    }

    // An embedded:// dev URL isolates on the JVM's one embedded server of that kind, the one the other tests use.
    @ParameterizedTest
    @MethodSource("embeddedUrls")
    void embeddedDevUrlsIsolateOnTheSharedServer(String devUrl, String server) throws SQLException {
        try (Isolation isolation = open(devUrl);
                IsolatedDatabase db = isolation.fresh()) {
            execute(db.database(), "CREATE TABLE t (id int PRIMARY KEY)");
            assertThat(UserTables.of(db.database()))
                    .extracting(UserTables.Name::table)
                    .containsExactly("t");
            String port = ":" + DatabaseUrl.parse(server).port() + "/";
            assertThat(db.url()).contains(port);
        }
    }

    static Stream<Arguments> embeddedUrls() {
        return Stream.of(
                Arguments.of("embedded://postgres/17", Named.of("postgres", TestServers.postgresUrl())),
                Arguments.of("embedded://mariadb/11.4", Named.of("mariadb", TestServers.mariadbUrl())));
    }

    @ParameterizedTest
    @MethodSource("servers")
    void freshDatabasesAreEmptyAndSeparate(String server) throws SQLException {
        try (Isolation isolation = open(server);
                IsolatedDatabase a = isolation.fresh();
                IsolatedDatabase b = isolation.fresh()) {
            assertThat(a.url()).isNotEqualTo(b.url());
            execute(a.database(), "CREATE TABLE t (id int PRIMARY KEY)");
            assertThat(UserTables.of(a.database()))
                    .extracting(UserTables.Name::table)
                    .containsExactly("t");
            assertThat(UserTables.of(b.database())).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("servers")
    void clonesHoldTheSnapshotsTablesKeysAndRows(String server) throws SQLException {
        try (Isolation isolation = open(server);
                IsolatedDatabase source = isolation.fresh()) {
            execute(source.database(), "CREATE TABLE parent (id int PRIMARY KEY, name varchar(20))");
            execute(
                    source.database(),
                    "CREATE TABLE child (id int PRIMARY KEY, parent_id int REFERENCES parent (id),"
                            + " FOREIGN KEY (parent_id) REFERENCES parent (id))");
            execute(source.database(), "INSERT INTO parent VALUES (1, 'ada'), (2, 'bob')");
            execute(source.database(), "INSERT INTO child VALUES (10, 1)");
            try (Snapshot snapshot = isolation.snapshot(source);
                    IsolatedDatabase clone = isolation.clone(snapshot)) {
                // The source stays usable after its snapshot.
                execute(source.database(), "INSERT INTO parent VALUES (3, 'cy')");
                assertThat(query(clone.database(), "SELECT name FROM parent ORDER BY id"))
                        .containsExactly("ada", "bob");
                assertThatThrownBy(() -> execute(clone.database(), "INSERT INTO child VALUES (11, 99)"))
                        .isInstanceOf(SQLException.class);
                assertThatThrownBy(() -> execute(clone.database(), "INSERT INTO parent VALUES (1, 'dup')"))
                        .isInstanceOf(SQLException.class);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("servers")
    void clonesFromThePoolAreSeparateCopiesOfTheSnapshot(String server) throws SQLException {
        try (Isolation isolation = open(server);
                IsolatedDatabase source = isolation.fresh()) {
            execute(source.database(), "CREATE TABLE t (id int PRIMARY KEY)");
            execute(source.database(), "INSERT INTO t VALUES (1)");
            try (Snapshot snapshot = isolation.snapshot(source)) {
                List<String> urls = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    // The first clone is copied when asked; the others were prepared while the previous was used.
                    try (IsolatedDatabase clone = isolation.clone(snapshot)) {
                        assertThat(query(clone.database(), "SELECT id FROM t")).containsExactly("1");
                        execute(clone.database(), "INSERT INTO t VALUES (" + (i + 2) + ")");
                        urls.add(clone.url());
                    }
                }
                assertThat(urls).doesNotHaveDuplicates();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("servers")
    void closingASnapshotDropsTheClonesPreparedFromIt(String server) throws SQLException {
        try (Isolation isolation = open(server);
                IsolatedDatabase source = isolation.fresh();
                Database admin = Database.open(server, Path.of("."))) {
            String prefix = name(source.url()).replaceFirst("db_[0-9]+$", "");
            execute(source.database(), "CREATE TABLE t (id int PRIMARY KEY)");
            Snapshot snapshot = isolation.snapshot(source);
            isolation.clone(snapshot).close();
            // The pool prepares the next clone in the background: then the source, the snapshot and it exist.
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (databases(admin, prefix).size() < 3 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(databases(admin, prefix)).hasSize(3);
            snapshot.close();
            assertThat(databases(admin, prefix)).containsExactly(name(source.url()));
        }
    }

    @ParameterizedTest
    @MethodSource("servers")
    void aPooledCloneIsHandedOutWithItsOwnConnectionOpenAndClosedWhenDropped(String server) throws SQLException {
        try (Isolation isolation = open(server);
                IsolatedDatabase source = isolation.fresh();
                Database admin = Database.open(server, Path.of("."))) {
            String prefix = name(source.url()).replaceFirst("db_[0-9]+$", "");
            execute(source.database(), "CREATE TABLE t (id int PRIMARY KEY)");
            execute(source.database(), "INSERT INTO t VALUES (1)");
            try (Snapshot snapshot = isolation.snapshot(source)) {
                // The first clone is copied when asked and connects on first use.
                try (IsolatedDatabase first = isolation.clone(snapshot)) {
                    assertThat(((ServerIsolatedDatabase) first).connected()).isFalse();
                }
                ((ServerIsolation) isolation).awaitPool(snapshot);
                IsolatedDatabase pooled = isolation.clone(snapshot);
                assertThat(((ServerIsolatedDatabase) pooled).connected()).isTrue();
                Database connection = pooled.database();
                assertThat(query(connection, currentDatabase(connection))).containsExactly(name(pooled.url()));
                assertThat(query(connection, "SELECT id FROM t")).containsExactly("1");
                // A PostgreSQL template copy needs the database unconnected: the pool's connection is the clone's own.
                try (Snapshot again = isolation.snapshot(pooled)) {
                    assertThat(query(pooled.database(), "SELECT id FROM t")).containsExactly("1");
                }
                pooled.close();
                assertThat(connection.connection().isClosed()).isTrue();
                assertThat(databases(admin, prefix)).doesNotContain(name(pooled.url()));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("servers")
    void closingTheIsolationClosesTheConnectionsItsPoolOpenedAndDropsTheirClones(String server) throws SQLException {
        try (Database admin = Database.open(server, Path.of("."))) {
            String prefix;
            Database prepared;
            try (Isolation isolation = open(server)) {
                IsolatedDatabase source = isolation.fresh();
                prefix = name(source.url()).replaceFirst("db_[0-9]+$", "");
                execute(source.database(), "CREATE TABLE t (id int PRIMARY KEY)");
                Snapshot snapshot = isolation.snapshot(source);
                isolation.clone(snapshot).close();
                ((ServerIsolation) isolation).awaitPool(snapshot);
                assertThat(((ServerIsolation) isolation).poolConnections()).hasSize(1);
                prepared = ((ServerIsolation) isolation)
                        .poolConnections()
                        .iterator()
                        .next();
                String clone = query(prepared, currentDatabase(prepared)).get(0);
                assertThat(clone).startsWith(prefix);
                assertThat(databases(admin, prefix)).contains(clone);
            }
            assertThat(prepared.connection().isClosed()).isTrue();
            assertThat(databases(admin, prefix)).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("servers")
    void thePoolHoldsNoMoreConnectionsThanItsLimit(String server) throws SQLException {
        String previous = System.getProperty(Isolation.CLONE_POOL_CONNECTIONS_PROPERTY);
        System.setProperty(Isolation.CLONE_POOL_CONNECTIONS_PROPERTY, "1");
        try (Isolation isolation = open(server)) {
            System.clearProperty(Isolation.CLONE_POOL_CONNECTIONS_PROPERTY);
            ServerIsolation pool = (ServerIsolation) isolation;
            List<Snapshot> snapshots = new ArrayList<>();
            for (String table : List.of("a", "b")) {
                try (IsolatedDatabase source = isolation.fresh()) {
                    execute(source.database(), "CREATE TABLE " + table + " (id int PRIMARY KEY)");
                    snapshots.add(isolation.snapshot(source));
                }
            }
            for (Snapshot snapshot : snapshots) {
                isolation.clone(snapshot).close();
            }
            snapshots.forEach(pool::awaitPool);
            // One background thread prepares in order: a's clone got the one connection, b's none.
            assertThat(pool.poolConnections()).hasSize(1);
            try (IsolatedDatabase a = isolation.clone(snapshots.get(0));
                    IsolatedDatabase b = isolation.clone(snapshots.get(1))) {
                assertThat(((ServerIsolatedDatabase) a).connected()).isTrue();
                assertThat(((ServerIsolatedDatabase) b).connected()).isFalse();
                assertThat(UserTables.of(b.database()))
                        .extracting(UserTables.Name::table)
                        .containsExactly("b");
            }
        } finally {
            if (previous == null) {
                System.clearProperty(Isolation.CLONE_POOL_CONNECTIONS_PROPERTY);
            } else {
                System.setProperty(Isolation.CLONE_POOL_CONNECTIONS_PROPERTY, previous);
            }
        }
    }

    private static String currentDatabase(Database db) throws SQLException {
        return db.connection().getMetaData().getDatabaseProductName().contains("PostgreSQL")
                ? "SELECT current_database()"
                : "SELECT database()";
    }

    private static String name(String url) {
        String path = DatabaseUrl.parse(url).path();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static List<String> databases(Database admin, String prefix) throws SQLException {
        String catalog =
                admin.connection().getMetaData().getDatabaseProductName().contains("PostgreSQL")
                        ? "SELECT datname FROM pg_database"
                        : "SELECT schema_name FROM information_schema.schemata";
        List<String> names = new ArrayList<>(query(admin, catalog));
        names.removeIf(name -> !name.startsWith(prefix));
        return names;
    }

    @ParameterizedTest
    @MethodSource("servers")
    void restoreKeepsTheUrlAndBringsBackTheSnapshot(String server) throws SQLException {
        try (Isolation isolation = open(server);
                IsolatedDatabase db = isolation.fresh()) {
            execute(db.database(), "CREATE TABLE t (id int PRIMARY KEY)");
            execute(db.database(), "INSERT INTO t VALUES (1)");
            String url = db.url();
            try (Snapshot snapshot = isolation.snapshot(db)) {
                execute(db.database(), "INSERT INTO t VALUES (2)");
                execute(db.database(), "CREATE TABLE extra (id int)");
                isolation.restore(db, snapshot);
                assertThat(db.url()).isEqualTo(url);
                assertThat(query(db.database(), "SELECT id FROM t")).containsExactly("1");
                try (Database other = Database.open(url, Path.of("."))) {
                    assertThat(UserTables.of(other))
                            .extracting(UserTables.Name::table)
                            .containsExactly("t");
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("servers")
    void closingDropsTheDatabase(String server) throws SQLException {
        String url;
        try (Isolation isolation = open(server)) {
            IsolatedDatabase db = isolation.fresh();
            url = db.url();
            db.database();
            db.close();
            assertThatThrownBy(db::database).isInstanceOf(IllegalStateException.class);
        }
        assertThatThrownBy(() -> Database.open(url, Path.of(".")).close()).isInstanceOf(DatabaseException.class);
    }

    @ParameterizedTest
    @MethodSource("servers")
    void cleanEmptiesTheDatabaseAndRequireCleanNamesWhatIsLeft(String server) throws SQLException {
        try (Isolation isolation = open(server);
                IsolatedDatabase db = isolation.fresh()) {
            Database dev = db.database();
            DevDatabase.requireClean(dev);
            execute(dev, "CREATE TABLE a (id int PRIMARY KEY)");
            execute(dev, "CREATE TABLE b (id int PRIMARY KEY, a_id int, FOREIGN KEY (a_id) REFERENCES a (id))");
            execute(dev, "CREATE VIEW v AS SELECT id FROM a");
            assertThatThrownBy(() -> DevDatabase.requireClean(dev))
                    .isInstanceOf(DatabaseException.class)
                    .hasMessageContaining("is not clean")
                    .hasMessageContaining("found table \"a\"");
            DevDatabase.clean(dev);
            DevDatabase.requireClean(dev);
        }
    }

    // Cleaning recreates PostgreSQL's public schema; it must come back as template0 made it, comment included, or a
    // desired state loaded on the dev database differs from every target by that comment.
    @org.junit.jupiter.api.Test
    void cleaningAPostgresDevDatabaseKeepsTheSchemaCommentsItRecreates() throws SQLException {
        try (Isolation isolation = open(TestServers.postgresUrl());
                IsolatedDatabase db = isolation.fresh()) {
            List<String> before =
                    query(db.database(), "SELECT obj_description('public'::regnamespace, 'pg_namespace')");
            assertThat(before).containsExactly("standard public schema");
            execute(db.database(), "CREATE TABLE t (id int PRIMARY KEY)");
            execute(db.database(), "CREATE SCHEMA other");
            DevDatabase.clean(db.database());
            DevDatabase.requireClean(db.database());
            assertThat(query(db.database(), "SELECT nspname FROM pg_namespace WHERE nspname IN ('public', 'other')"))
                    .containsExactly("public");
            assertThat(query(db.database(), "SELECT obj_description('public'::regnamespace, 'pg_namespace')"))
                    .isEqualTo(before);
        }
    }

    @ParameterizedTest
    @MethodSource("servers")
    void anUnreachableServerIsADatabaseError(String server) throws SQLException {
        String unreachable = server.replaceFirst(":\\d+/", ":1/");
        assertThatThrownBy(() -> open(unreachable))
                .isInstanceOf(DatabaseException.class)
                .hasMessageContaining("opening the dev server");
    }

    static void execute(Database db, String sql) throws SQLException {
        try (Statement statement = db.connection().createStatement()) {
            statement.execute(sql);
        }
    }

    static List<String> query(Database db, String sql) throws SQLException {
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
