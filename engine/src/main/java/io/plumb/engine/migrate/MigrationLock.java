package io.plumb.engine.migrate;

import io.plumb.engine.db.Database;
import io.plumb.engine.db.SqlErrors;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.zip.Adler32;

/**
 * A {@code MigrationLock} serialises commands that change a database's migration history, such as two {@code
 * migrate apply} runs against one database.
 *
 * <p>For SQLite it is an operating-system lock on the reference tool's lock file, {@code
 * TMPDIR/atlas_migrate_execute_ADLER32.lock}, so a killed process releases it; the reference tool's own
 * timestamp protocol on the same file is not honoured.
 */
public final class MigrationLock implements AutoCloseable {

    /** The lock {@code migrate apply} and {@code migrate set} take. */
    public static final String APPLY = "atlas_migrate_execute";

    /** The lock {@code migrate diff} takes on the dev database. */
    public static final String DIFF = "atlas_migrate_diff";

    private static final Duration POLL = Duration.ofMillis(50);

    private final @org.jspecify.annotations.Nullable FileChannel channel;
    private final @org.jspecify.annotations.Nullable FileLock lock;

    private MigrationLock(
            @org.jspecify.annotations.Nullable FileChannel channel, @org.jspecify.annotations.Nullable FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Returns a lock that holds nothing, for a run that was told its database is private to it. */
    static MigrationLock none() {
        return new MigrationLock(null, null);
    }

    /**
     * Takes a named lock on a database, waiting up to a timeout for another holder to release it.
     *
     * @throws MigrateException when the lock is still held when the timeout passes
     */
    public static MigrationLock acquire(Database db, String name, Duration timeout) {
        if (mainFile(db).isEmpty()) {
            // An in-memory database is private to its connection: nobody else can reach it to contend.
            return new MigrationLock(null, null);
        }
        Path file = lockFile(db, name);
        FileChannel channel = open(file);
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                FileLock lock = tryLock(channel);
                if (lock != null) {
                    return new MigrationLock(channel, lock);
                }
                if (System.nanoTime() - deadline >= 0) {
                    break;
                }
                Thread.sleep(Math.min(POLL.toMillis(), Math.max(1, timeout.toMillis())));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeQuietly(channel);
        throw new MigrateException("acquiring lock \"" + name + "\": another process holds it (waited "
                + timeout.toMillis() / 1000.0 + "s; see --lock-timeout)");
    }

    private static @org.jspecify.annotations.Nullable FileLock tryLock(FileChannel channel) {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            // Another thread of this JVM holds it: the same as another process holding it.
            return null;
        } catch (IOException e) {
            throw new MigrateException("acquiring lock file: " + e.getMessage(), e);
        }
    }

    private static FileChannel open(Path file) {
        try {
            return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new MigrateException("cannot open lock file " + file + ": " + e.getMessage(), e);
        }
    }

    static Path lockFile(Database db, String name) {
        String path = mainFile(db);
        String suffix = "";
        if (!path.isEmpty()) {
            Adler32 checksum = new Adler32();
            checksum.update(path.getBytes(StandardCharsets.UTF_8));
            suffix = "_" + Long.toHexString(checksum.getValue());
        }
        return Path.of(System.getProperty("java.io.tmpdir")).resolve(name + suffix + ".lock");
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
        if (lock == null || channel == null) {
            return;
        }
        try {
            lock.release();
        } catch (IOException e) {
            // Closing the channel below releases the lock as well.
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // Nothing is held through a channel that failed to close.
        }
    }
}
