package io.plumb.engine.migrate;

import io.plumb.engine.db.Database;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** A migration directory and a SQLite database in a temporary directory, for executor tests. */
final class MigrationFixture implements AutoCloseable {

    final Path root;
    final MigrationDir dir;
    final Database db;
    final RecordingListener listener = new RecordingListener();

    MigrationFixture(Path root) {
        this.root = root;
        this.dir = MigrationDir.openOrCreate("migrations", root);
        this.db = Database.open("sqlite://" + root.resolve("test.db") + "?_fk=1", root);
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
        return count("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '" + name + "'") == 1;
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
        db.close();
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
