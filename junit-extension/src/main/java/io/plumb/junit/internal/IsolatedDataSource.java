package io.plumb.junit.internal;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * An {@code IsolatedDataSource} is the {@link DataSource} of one isolated database: every {@link #getConnection()} is
 * a new JDBC connection to it. {@link #close()} closes the connections it handed out that are still open, before the
 * database is dropped.
 */
public final class IsolatedDataSource implements DataSource, AutoCloseable {
    private final String url;
    private final String name;
    private final List<Connection> connections = new ArrayList<>();
    private @Nullable PrintWriter logWriter;
    private int loginTimeout;
    private boolean closed;

    /** Creates the data source of the database at a JDBC URL, named for messages. */
    public IsolatedDataSource(String url, String name) {
        this.url = url;
        this.name = name;
    }

    /** Returns the JDBC URL connections are opened with. */
    public String url() {
        return url;
    }

    @Override
    public synchronized Connection getConnection() throws SQLException {
        if (closed) {
            throw new SQLException("the database of " + name + " was dropped after its test");
        }
        Connection connection = DriverManager.getConnection(url);
        connections.add(connection);
        return connection;
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("the isolated database's data source logs in as its own user");
    }

    @Override
    public synchronized void close() {
        closed = true;
        for (Connection connection : connections) {
            try {
                connection.close();
            } catch (SQLException e) {
                // The database is dropped next; a connection that cannot close is gone with it.
            }
        }
        connections.clear();
    }

    @Override
    public @Nullable PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public void setLogWriter(@Nullable PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public void setLoginTimeout(int seconds) {
        this.loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("no parent logger");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("not a wrapper of " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
