package io.plumb.engine.dialect.mysql;

import io.plumb.engine.db.Database;
import io.plumb.engine.devdb.EmbeddedServers;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The {@code MariaServer} hands the dialect tests databases on this JVM's one embedded MariaDB
 * ({@link EmbeddedServers}); each test gets its own database in it.
 */
final class MariaServer {

    private static final MariaServer INSTANCE = new MariaServer();
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private MariaServer() {}

    /** Returns the server, starting it on first use. */
    static MariaServer get() {
        return INSTANCE;
    }

    /** Returns a connection bound to no database. */
    Connection connect() throws SQLException {
        return Database.open(EmbeddedServers.mariadb(), Path.of("")).connection();
    }

    /** Creates a fresh, empty database and returns its name. */
    String freshDatabase(String prefix) throws SQLException {
        String name = prefix + "_" + DATABASES.incrementAndGet();
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS `" + name + "`");
            s.execute("CREATE DATABASE `" + name + "`");
        }
        return name;
    }

    /** Returns a connection bound to a database. */
    Connection connect(String database) throws SQLException {
        return Database.open(EmbeddedServers.mariadb() + database, Path.of("")).connection();
    }

    /** Returns the rows of a query, one line each, columns tab-separated. */
    java.util.List<String> query(Connection c, String sql) throws SQLException {
        java.util.List<String> rows = new java.util.ArrayList<>();
        try (Statement s = c.createStatement();
                java.sql.ResultSet rs = s.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                java.util.List<String> row = new java.util.ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(String.valueOf(rs.getString(i)));
                }
                rows.add(String.join("\t", row));
            }
        }
        return rows;
    }
}
