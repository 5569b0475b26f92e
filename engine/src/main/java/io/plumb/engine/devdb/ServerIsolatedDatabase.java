package io.plumb.engine.devdb;

import io.plumb.engine.db.Database;
import io.plumb.engine.db.DatabaseException;
import io.plumb.engine.db.SqlErrors;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;

/**
 * A {@code ServerIsolatedDatabase} is a database (PostgreSQL) or schema (MySQL) a {@link ServerIsolation} created on
 * a server. Its connection opens when first asked for, unless the isolation's pool opened it ahead with the clone,
 * and can be closed while the database is copied or replaced under the same name, so its URL stays valid across a
 * restore. Closing the database closes its connection, then drops it.
 */
final class ServerIsolatedDatabase implements IsolatedDatabase {

    private final String name;
    private final String url;
    private final ServerIsolation owner;
    private @Nullable Database database;
    private boolean closed;

    /** Creates the database's handle, with the connection already opened to it, if any. */
    ServerIsolatedDatabase(String name, String url, ServerIsolation owner, @Nullable Database connection) {
        this.name = name;
        this.url = url;
        this.owner = owner;
        this.database = connection;
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalStateException once the database was closed (and dropped)
     */
    @Override
    public synchronized Database database() {
        if (closed) {
            throw new IllegalStateException("the dev database " + owner.redacted(url) + " was closed and dropped");
        }
        if (database == null) {
            database = owner.connect(url);
        }
        return database;
    }

    @Override
    public String url() {
        return url;
    }

    /** Returns whether the connection is open now, without opening it; for tests. */
    synchronized boolean connected() {
        return database != null;
    }

    /** Returns the database's (or schema's) name on the server. */
    String name() {
        return name;
    }

    /**
     * Closes the connection, if open, so that the server may copy or replace the database; the next {@link
     * #database()} reopens it.
     *
     * @throws IllegalStateException when a transaction is open, whose work would be lost
     */
    synchronized void disconnect(String action) {
        if (database == null) {
            return;
        }
        requireNoTransaction(action);
        database.close();
        database = null;
    }

    /**
     * Checks that no transaction is open, whose uncommitted work a copy would miss.
     *
     * @throws IllegalStateException when a transaction is open
     */
    synchronized void requireNoTransaction(String action) {
        if (database == null) {
            return;
        }
        try {
            if (!database.connection().getAutoCommit()) {
                throw new IllegalStateException(
                        "cannot " + action + " " + owner.redacted(url) + " inside a transaction");
            }
        } catch (SQLException e) {
            throw new DatabaseException("reading the state of " + owner.redacted(url) + ": " + SqlErrors.message(e), e);
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            if (database != null) {
                database.close();
                database = null;
            }
        }
        owner.release(this, name);
    }
}
