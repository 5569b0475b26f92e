package io.plumb.engine.db;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * Translates an Atlas SQLite URL into a sqlite-jdbc data source name.
 *
 * <p>Atlas passes the URL minus {@code sqlite://} to go-sqlite3, whose parameters ({@code _fk}, {@code cache})
 * sqlite-jdbc does not know: {@code _fk=1} becomes {@code PRAGMA foreign_keys = on}, and {@code cache=shared} is
 * kept only for in-memory databases, where it is what lets several connections see one database.
 */
final class SqliteDsn {

    private SqliteDsn() {}

    static String of(DatabaseUrl url, Path workingDirectory) {
        String name = url.path();
        if (name.startsWith("file:")) {
            name = name.substring("file:".length());
        }
        if (url.isMemory()) {
            boolean shared = "shared".equals(url.query().get("cache"));
            return "file:" + name + "?mode=memory" + (shared ? "&cache=shared" : "");
        }
        Path file = workingDirectory.resolve(name).normalize();
        return "file:" + file + ("ro".equals(url.query().get("mode")) ? "?mode=ro" : "");
    }

    static void configure(DatabaseUrl url, Connection connection) throws SQLException {
        if (isTrue(url.query(), "_fk") || isTrue(url.query(), "_foreign_keys")) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA foreign_keys = on");
            }
        }
    }

    private static boolean isTrue(Map<String, String> query, String key) {
        String value = query.get(key);
        return value != null && (value.equals("1") || value.equalsIgnoreCase("true"));
    }
}
