package io.plumb.engine.migrate;

import io.plumb.engine.db.Database;
import io.plumb.engine.db.SqlErrors;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * {@code MysqlNamedLock} takes a migration lock as a MySQL/MariaDB named lock ({@code GET_LOCK}), which the server
 * releases itself when the session ends, and which the reference tool takes under the same name.
 */
final class MysqlNamedLock {

    private MysqlNamedLock() {}

    /**
     * Waits up to the timeout on the server for the lock; null when another session still holds it. The server does
     * the waiting, so the caller's polling loop runs once.
     */
    static MigrationLock.@Nullable Held tryTake(Database db, String name, Duration timeout) {
        Connection connection = db.connection();
        // MariaDB takes fractional seconds; MySQL rounds them.
        double seconds = timeout.toMillis() / 1000.0;
        try (PreparedStatement statement = connection.prepareStatement("SELECT GET_LOCK(?, ?)")) {
            statement.setString(1, name);
            statement.setDouble(2, seconds);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next() || rows.getInt(1) != 1) {
                    return null;
                }
            }
        } catch (SQLException e) {
            throw new MigrateException("named lock \"" + name + "\": " + SqlErrors.message(e), e);
        }
        return () -> release(connection, name);
    }

    private static void release(Connection connection, String name) {
        try (PreparedStatement statement = connection.prepareStatement("SELECT RELEASE_LOCK(?)")) {
            statement.setString(1, name);
            statement.executeQuery().close();
        } catch (SQLException e) {
            throw new MigrateException("releasing named lock \"" + name + "\": " + SqlErrors.message(e), e);
        }
    }
}
