package io.plumb.engine.migrate;

import io.plumb.engine.db.Database;
import io.plumb.engine.db.SqlErrors;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;

/**
 * {@code PostgresAdvisoryLock} takes a migration lock as a PostgreSQL session advisory lock keyed by the 32-bit FNV-1
 * hash of its name, the key the reference tool uses, so the two tools exclude each other.
 */
final class PostgresAdvisoryLock {

    private static final int FNV_OFFSET = 0x811c9dc5;
    private static final int FNV_PRIME = 0x01000193;

    private PostgresAdvisoryLock() {}

    /** Tries once to take the lock on the database's connection; null when another session holds it. */
    static MigrationLock.@Nullable Held tryTake(Database db, String name) {
        Connection connection = db.connection();
        long key = key(name);
        boolean taken = query(connection, "SELECT pg_try_advisory_lock(?)", key, name);
        if (!taken) {
            return null;
        }
        return () -> query(connection, "SELECT pg_advisory_unlock(?)", key, name);
    }

    /** Returns the lock's key: Go's {@code fnv.New32} (FNV-1, not FNV-1a) of the name, as an unsigned number. */
    static long key(String name) {
        int hash = FNV_OFFSET;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            hash *= FNV_PRIME;
            hash ^= b & 0xff;
        }
        return Integer.toUnsignedLong(hash);
    }

    private static boolean query(Connection connection, String sql, long key, String name) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, key);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() && rows.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new MigrateException("advisory lock \"" + name + "\": " + SqlErrors.message(e), e);
        }
    }
}
