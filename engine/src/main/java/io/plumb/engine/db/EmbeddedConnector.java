package io.plumb.engine.db;

import io.plumb.engine.devdb.EmbeddedServers;
import io.plumb.engine.devdb.ServerProviders;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Opens {@code embedded://postgres/VERSION[/DB][?search_path=S]} and {@code embedded://mariadb/VERSION[/SCHEMA]}
 * URLs on the JVM's embedded servers ({@link EmbeddedServers}).
 *
 * <p>PostgreSQL URLs are bound to database {@code DB}, by default {@code dev}, created on first use (and to schema
 * {@code S} with {@code search_path}). MariaDB URLs follow Atlas's {@code docker://maria/11[/dev]}: without a
 * schema they are server-bound, with one they are bound to it, created on first use.
 */
final class EmbeddedConnector {

    static final String DEFAULT_POSTGRES_DATABASE = "dev";

    private EmbeddedConnector() {}

    static Database open(DatabaseUrl url) {
        String[] segments = url.path().split("/", -1);
        if (url.path().isEmpty() || segments.length > 2 || segments[0].isEmpty()) {
            throw new InvalidUrlException(
                    url.original(),
                    "expected embedded://postgres/VERSION[/DATABASE] or embedded://mariadb/VERSION[/SCHEMA]");
        }
        String version = segments[0];
        String name = segments.length == 2 ? segments[1] : "";
        return switch (url.host()) {
            case "postgres", "postgresql" -> postgres(url, version, name.isEmpty() ? DEFAULT_POSTGRES_DATABASE : name);
            case "mariadb", "maria" -> mariadb(url, version, name);
            default -> throw new InvalidUrlException(
                    url.original(), "unknown embedded server \"" + url.host() + "\", expected postgres or mariadb");
        };
    }

    private static Database postgres(DatabaseUrl url, String version, String database) {
        return onServer(
                DatabaseUrl.parse(ServerProviders.system().server("embedded", "postgres", version, url.toString())),
                url,
                database);
    }

    private static Database mariadb(DatabaseUrl url, String version, String schema) {
        return onServer(
                DatabaseUrl.parse(ServerProviders.system().server("embedded", "mariadb", version, url.toString())),
                url,
                schema);
    }

    /**
     * Opens {@code name} (a PostgreSQL database, or a MySQL schema; empty for the whole MySQL server) on a server,
     * creating it on first use.
     */
    static Database onServer(DatabaseUrl server, DatabaseUrl url, String name) {
        if (server.scheme().startsWith("postgres")) {
            String database = name;
            createOnce(
                    server,
                    url,
                    "SELECT 1 FROM pg_database WHERE datname = '" + database.replace("'", "''") + "'",
                    "CREATE DATABASE \"" + database.replace("\"", "\"\"") + "\"");
            return PostgresConnector.open(at(server, database, url.query()), url);
        }
        String schema = name;
        if (!schema.isEmpty()) {
            createOnce(server, url, null, "CREATE DATABASE IF NOT EXISTS `" + schema.replace("`", "``") + "`");
        }
        return MysqlConnector.open(at(server, schema, url.query()), url);
    }

    private static DatabaseUrl at(DatabaseUrl server, String path, Map<String, String> query) {
        Map<String, String> merged = new LinkedHashMap<>(server.query());
        merged.putAll(query);
        return new DatabaseUrl(
                server.scheme(),
                server.user(),
                server.password(),
                server.host(),
                server.port(),
                path,
                merged,
                server.original());
    }

    // Several threads of one JVM may open the same dev database at once; creating it is serialised here.
    private static synchronized void createOnce(
            DatabaseUrl server, DatabaseUrl shown, @org.jspecify.annotations.Nullable String exists, String create) {
        try (Database admin = server.scheme().startsWith("postgres")
                        ? PostgresConnector.open(server, shown)
                        : MysqlConnector.open(server, shown);
                Statement statement = admin.connection().createStatement()) {
            if (exists != null) {
                try (var rows = statement.executeQuery(exists)) {
                    if (rows.next()) {
                        return;
                    }
                }
            }
            statement.execute(create);
        } catch (SQLException e) {
            throw new DatabaseException("cannot create the database of " + shown + ": " + SqlErrors.message(e), e);
        }
    }
}
