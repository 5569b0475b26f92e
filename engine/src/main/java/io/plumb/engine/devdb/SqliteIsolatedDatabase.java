package io.plumb.engine.devdb;

import io.plumb.engine.db.Database;
import io.plumb.engine.db.DatabaseException;
import io.plumb.engine.db.SqlErrors;
import java.nio.file.Path;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;

/**
 * A {@code SqliteIsolatedDatabase} is a database file a {@link SqliteIsolation} handed out. Its connection opens when
 * first asked for, so that a database restored before any use is only a file copy, and it can be closed and reopened
 * while the file is replaced.
 */
final class SqliteIsolatedDatabase implements IsolatedDatabase {

    private final String url;
    private final Path file;
    private final SqliteIsolation owner;
    private @Nullable Database database;
    private boolean closed;

    SqliteIsolatedDatabase(String url, Path file, SqliteIsolation owner) {
        this.url = url;
        this.file = file;
        this.owner = owner;
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalStateException once the database was closed (and its file dropped)
     */
    @Override
    public synchronized Database database() {
        if (closed) {
            throw new IllegalStateException("the dev database " + url + " was closed and dropped");
        }
        if (database == null) {
            database = owner.connect(url, file);
        }
        return database;
    }

    @Override
    public String url() {
        return url;
    }

    /** Returns the database's file. */
    Path file() {
        return file;
    }

    /**
     * Closes the connection, if open, so that the file can be replaced; the next {@link #database()} reopens it.
     *
     * @throws IllegalStateException when a transaction is open, whose work would be lost
     */
    synchronized void disconnect() {
        if (database == null) {
            return;
        }
        requireNoTransaction("replace");
        database.close();
        database = null;
    }

    /**
     * Checks that no transaction is open, so that the file holds every committed change and nothing else (the
     * journal is in memory, and no one else writes to the file).
     *
     * @throws IllegalStateException when a transaction is open
     */
    synchronized void requireNoTransaction(String action) {
        if (database == null) {
            return;
        }
        try {
            if (!database.connection().getAutoCommit()) {
                throw new IllegalStateException("cannot " + action + " " + url + " inside a transaction");
            }
        } catch (SQLException e) {
            throw new DatabaseException("reading the state of " + url + ": " + SqlErrors.message(e), e);
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            if (database != null) {
                database.close();
                database = null;
            }
        }
        owner.release(this, file);
    }
}
