package io.plumb.agent;

import io.plumb.engine.db.Database;
import io.plumb.engine.db.DatabaseUrl;
import io.plumb.engine.devdb.EmbeddedServers;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;

/** Fresh databases on the JVM's embedded PostgreSQL and MariaDB servers. */
final class Servers {

    private Servers() {}

    /** Creates a PostgreSQL database and returns its URL, password included. */
    static String postgres(String name) {
        String server = EmbeddedServers.postgres();
        try (Database db = Database.open(server, Path.of("."));
                Statement s = db.connection().createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return at(server, name);
    }

    /** Creates a MariaDB schema and returns its URL, password included. */
    static String mariadb(String name) {
        String server = EmbeddedServers.mariadb();
        try (Database db = Database.open(server, Path.of("."));
                Statement s = db.connection().createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name);
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return at(server, name);
    }

    private static String at(String server, String name) {
        DatabaseUrl url = DatabaseUrl.parse(server);
        int query = server.indexOf('?');
        String base = server.substring(0, server.indexOf('/', server.indexOf("://") + 3));
        return base + "/" + name + (query >= 0 ? server.substring(query) : "");
    }

    /** Returns the URL without its password, and the password. */
    static String[] split(String url) {
        DatabaseUrl parsed = DatabaseUrl.parse(url);
        String password = parsed.loginPassword().orElseThrow();
        return new String[] {url.replace(":" + password + "@", "@"), password};
    }
}
