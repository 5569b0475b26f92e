package io.plumb.engine.migrate;

import io.plumb.engine.db.Database;
import io.plumb.engine.devdb.IsolatedDatabase;
import io.plumb.engine.devdb.TestDialect;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A migration directory in a temporary directory and a database to apply it to, for executor tests: on SQLite a file
 * next to the directory, on PostgreSQL and MariaDB a fresh isolated database on the JVM's one server.
 */
final class MigrationFixture implements AutoCloseable {

    final Path root;
    final TestDialect dialect;
    final MigrationDir dir;
    final Database db;
    final String url;
    final RecordingListener listener = new RecordingListener();
    private final @Nullable IsolatedDatabase isolated;

    MigrationFixture(Path root) {
        this(root, TestDialect.SQLITE);
    }

    MigrationFixture(Path root, TestDialect dialect) {
        this(root, dialect, dialect == TestDialect.SQLITE ? null : dialect.fresh());
    }

    /** Opens a fixture on an existing database, as a second process would. */
    MigrationFixture(Path root, TestDialect dialect, String url) {
        this.root = root;
        this.dialect = dialect;
        this.dir = MigrationDir.openOrCreate("migrations", root);
        this.isolated = null;
        this.url = url;
        this.db = Database.open(url, root);
    }

    private MigrationFixture(Path root, TestDialect dialect, @Nullable IsolatedDatabase isolated) {
        this.root = root;
        this.dialect = dialect;
        this.dir = MigrationDir.openOrCreate("migrations", root);
        this.isolated = isolated;
        this.url = isolated == null ? sqliteUrl(root) : isolated.url();
        this.db = isolated == null ? Database.open(url, root) : isolated.database();
    }

    static String sqliteUrl(Path root) {
        return "sqlite://" + root.resolve("test.db") + "?_fk=1";
    }

    MigrationFixture file(String name, String content) {
        dir.add(name, content);
        return this;
    }

    ApplyReport apply(ApplyOptions options) {
        return new Migrator(db, dir, options).apply(listener);
    }

    static ApplyOptions defaults() {
        return ApplyOptions.defaults("Plumb test");
    }

    static ApplyOptions withTxMode(TxMode mode) {
        return defaults().withTxMode(mode);
    }

    List<Revision> revisions() {
        return RevisionStore.of(db, java.util.Optional.empty()).readAll();
    }

    long count(String sql) {
        try (Statement statement = db.connection().createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    boolean tableExists(String name) {
        return count(tablesQuery() + " AND " + nameColumn() + " = '" + name + "'") == 1;
    }

    /** Returns how many tables and views the database holds, the revisions table included. */
    long tableCount() {
        return count(tablesQuery());
    }

    private String tablesQuery() {
        return switch (dialect) {
            case SQLITE -> "SELECT count(*) FROM sqlite_master WHERE type IN ('table', 'view')";
            case POSTGRES -> "SELECT count(*) FROM information_schema.tables"
                    + " WHERE table_schema NOT IN ('information_schema', 'pg_catalog')";
                // Other tests' databases are schemas on the same server: count only this one's.
            case MARIADB -> "SELECT count(*) FROM information_schema.tables WHERE table_schema = DATABASE()";
        };
    }

    private String nameColumn() {
        return dialect == TestDialect.SQLITE ? "name" : "table_name";
    }

    void execute(String sql) {
        try (Statement statement = db.connection().createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    @Override
    public void close() {
        if (isolated != null) {
            isolated.close();
        } else {
            db.close();
        }
    }

    /** Records the events of a run as short lines. */
    static final class RecordingListener implements ApplyListener {
        final List<String> events = new ArrayList<>();

        @Override
        public void checksStarting(MigrationFile file) {
            events.add("checks " + file.version());
        }

        @Override
        public void checksFailed(String message) {
            events.add("checks failed: " + message);
        }

        @Override
        public void fileStarting(MigrationFile file) {
            events.add("file " + file.version());
        }

        @Override
        public void statement(String sql) {
            events.add("-> " + sql);
        }

        @Override
        public void fileFailed(String message) {
            events.add("failed: " + message);
        }
    }
}
