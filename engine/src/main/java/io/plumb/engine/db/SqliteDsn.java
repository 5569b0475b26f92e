package io.plumb.engine.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;

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

    /** Returns the file a URL names, or empty for an in-memory database. */
    static Optional<Path> file(DatabaseUrl url, Path workingDirectory) {
        if (url.isMemory()) {
            return Optional.empty();
        }
        String name = url.path();
        if (name.startsWith("file:")) {
            name = name.substring("file:".length());
        }
        return Optional.of(workingDirectory.resolve(name).normalize());
    }

    /**
     * Deletes a database file that is still empty, with no journal or write-ahead log beside it: no transaction
     * ever committed to it. A file another connection has started writing is not empty, so it stays.
     */
    static void deleteIfUnwritten(Path file) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            String name = String.valueOf(file.getFileName());
            if (dir == null
                    || Files.exists(dir.resolve(name + "-journal"))
                    || Files.exists(dir.resolve(name + "-wal"))
                    || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
                    || Files.size(file) != 0) {
                return;
            }
            Files.delete(file);
        } catch (IOException e) {
            // Gone already, or not ours to delete: an empty file left behind is harmless.
        }
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
