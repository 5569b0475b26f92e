package io.plumb.engine.devdb;

import io.plumb.engine.db.DatabaseException;
import io.plumb.engine.db.DatabaseUrl;
import io.plumb.engine.db.SqlErrors;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An {@code AdminConnection} is an administrative connection to a dev server that one thread uses at a time, opened
 * when first used. A server isolation keeps two: one for the work a test waits for, and one for the clone pool's
 * background copies, so that dropping a database never waits behind a copy made ahead.
 */
final class AdminConnection implements AutoCloseable {

    /** Opens a new administrative connection. */
    @FunctionalInterface
    interface Opener {
        Connection open() throws SQLException;
    }

    /** Work on the administrative connection. */
    @FunctionalInterface
    interface Work {
        List<String> run(Connection admin) throws SQLException;
    }

    private final DatabaseUrl devUrl;
    private final Opener opener;
    private @Nullable Connection connection;
    private boolean closed;

    AdminConnection(DatabaseUrl devUrl, Opener opener) {
        this.devUrl = devUrl;
        this.opener = opener;
    }

    /**
     * Opens the connection now rather than on first use.
     *
     * @throws DatabaseException when the server refuses the connection
     */
    synchronized void open() {
        try {
            if (connection == null) {
                connection = opener.open();
            }
        } catch (SQLException e) {
            throw new DatabaseException("opening the dev server " + devUrl + ": " + SqlErrors.message(e), e);
        }
    }

    /**
     * Runs work on the connection, opening it first if needed.
     *
     * @throws DatabaseException when the server refuses the connection or the work
     * @throws IllegalStateException when the connection was closed
     */
    synchronized List<String> run(String what, Work work) {
        if (closed) {
            throw new IllegalStateException("the isolation is closed");
        }
        try {
            if (connection == null) {
                connection = opener.open();
            }
            return new ArrayList<>(work.run(connection));
        } catch (SQLException e) {
            throw new DatabaseException(what + " on " + devUrl + ": " + SqlErrors.message(e), e);
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // A broken administrative connection holds nothing to release.
            }
        }
    }
}
