package io.plumb.engine.migrate;

import io.plumb.engine.db.Database;
import io.plumb.engine.db.SqlErrors;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.zip.Adler32;

/**
 * A {@code MigrationLock} serialises commands that change a database's migration history, such as two {@code
 * migrate apply} runs against one database.
 *
 * <p>For PostgreSQL and MySQL it is the server's own session lock, as the reference tool takes it, so either
 * tool waits for the other. For SQLite it is an operating-system lock on the reference tool's lock file, {@code
 * TMPDIR/atlas_migrate_execute_ADLER32.lock} (see {@link SqliteLockFile}), so a killed process releases it.
 */
public final class MigrationLock implements AutoCloseable {

    /** The lock {@code migrate apply} and {@code migrate set} take. */
    public static final String APPLY = "atlas_migrate_execute";

    /** The lock {@code migrate diff} takes on the dev database. */
    public static final String DIFF = "atlas_migrate_diff";

    private static final Duration POLL = Duration.ofMillis(50);

    /** What a taken lock holds until it is closed. */
    @FunctionalInterface
    interface Held {
        /** Gives the lock back. */
        void release();
    }

    /** One attempt to take a lock, returning what is held, or null when another holder has it. */
    @FunctionalInterface
    private interface Attempt {
        @org.jspecify.annotations.Nullable
        Held tryTake();
    }

    private final @org.jspecify.annotations.Nullable Held held;

    private MigrationLock(@org.jspecify.annotations.Nullable Held held) {
        this.held = held;
    }

    /** Returns a lock that holds nothing, for a run that was told its database is private to it. */
    static MigrationLock none() {
        return new MigrationLock(null);
    }

    /**
     * Takes a named lock on a database, waiting up to a timeout for another holder to release it. PostgreSQL takes a
     * session advisory lock, MySQL and MariaDB a named lock ({@code GET_LOCK}), SQLite a lock on a file.
     *
     * @throws MigrateException when the lock is still held when the timeout passes
     */
    public static MigrationLock acquire(Database db, String name, Duration timeout) {
        return switch (db.dialect().name()) {
            case "postgres" -> poll(name, timeout, () -> PostgresAdvisoryLock.tryTake(db, name));
            case "mysql" -> poll(name, timeout, () -> MysqlNamedLock.tryTake(db, name, timeout));
            default -> acquireFile(db, name, timeout);
        };
    }

    private static MigrationLock acquireFile(Database db, String name, Duration timeout) {
        if (mainFile(db).isEmpty()) {
            // An in-memory database is private to its connection: nobody else can reach it to contend.
            return new MigrationLock(null);
        }
        Path file = lockFile(db, name);
        return poll(name, timeout, () -> SqliteLockFile.tryTake(file, timeout));
    }

    private static MigrationLock poll(String name, Duration timeout, Attempt attempt) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                Held held = attempt.tryTake();
                if (held != null) {
                    return new MigrationLock(held);
                }
                if (System.nanoTime() - deadline >= 0) {
                    break;
                }
                Thread.sleep(Math.min(POLL.toMillis(), Math.max(1, timeout.toMillis())));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // The reference's prefix, "acquiring database lock: ", then what held it.
        throw new MigrateException("acquiring database lock: lock \"" + name + "\" is held by another process (waited "
                + timeout.toMillis() / 1000.0 + "s; see --lock-timeout)");
    }

    static Path lockFile(Database db, String name) {
        String path = mainFile(db);
        String suffix = "";
        if (!path.isEmpty()) {
            Adler32 checksum = new Adler32();
            checksum.update(path.getBytes(StandardCharsets.UTF_8));
            suffix = "_" + Long.toHexString(checksum.getValue());
        }
        return temporaryDirectory().resolve(name + suffix + ".lock");
    }

    /** The reference tool's {@code os.TempDir()}: {@code $TMPDIR} when it is set, else the JVM's temporary directory. */
    private static Path temporaryDirectory() {
        String tmpdir = System.getenv("TMPDIR");
        return Path.of(tmpdir == null || tmpdir.isEmpty() ? System.getProperty("java.io.tmpdir") : tmpdir);
    }

    private static String mainFile(Database db) {
        try (Statement statement = db.connection().createStatement();
                ResultSet rows = statement.executeQuery("PRAGMA database_list")) {
            while (rows.next()) {
                if ("main".equals(rows.getString("name"))) {
                    String file = rows.getString("file");
                    return file == null ? "" : file;
                }
            }
            return "";
        } catch (SQLException e) {
            throw new MigrateException("locating the database file: " + SqlErrors.message(e), e);
        }
    }

    @Override
    public void close() {
        if (held != null) {
            held.release();
        }
    }
}
