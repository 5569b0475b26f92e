package io.plumb.engine.migrate;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;
import org.jspecify.annotations.Nullable;

/**
 * {@code SqliteLockFile} takes a migration lock on a SQLite database as an operating-system lock on the reference
 * tool's lock file, and removes the file when it gives the lock back, as the reference tool does.
 *
 * <p>While the lock is held the file holds the reference tool's content, the time the lock expires in nanoseconds
 * since the epoch (now plus the timeout), so a reference tool run on the same database sees the lock as taken.
 * Plumb itself goes by the operating-system lock alone, so a killed process releases it at once.
 *
 * <p>Removing the file lets a waiter that opened it before the removal lock the removed file. So a taker checks,
 * after locking, that the path still names the file it locked (the same file key as just before it opened the path)
 * and starts over otherwise. Threads of one JVM first take a semaphore per file: closing any channel on a file
 * drops every lock the process holds on it, so no two threads of one JVM may have it open at once.
 */
final class SqliteLockFile {

    /** Starting over this many times in one attempt means other processes keep replacing the file. */
    private static final int REOPENS = 100;

    private static final ConcurrentMap<Path, Semaphore> IN_PROCESS = new ConcurrentHashMap<>();

    private SqliteLockFile() {}

    /** Tries once to take the lock on the file; null when another thread or process holds it. */
    static MigrationLock.@Nullable Held tryTake(Path file, Duration timeout) {
        Semaphore threads = IN_PROCESS.computeIfAbsent(file, path -> new Semaphore(1));
        if (!threads.tryAcquire()) {
            return null;
        }
        try {
            MigrationLock.Held held = tryLockFile(file, timeout);
            if (held == null) {
                threads.release();
                return null;
            }
            return () -> {
                try {
                    held.release();
                } finally {
                    threads.release();
                }
            };
        } catch (RuntimeException | Error e) {
            threads.release();
            throw e;
        }
    }

    private static MigrationLock.@Nullable Held tryLockFile(Path file, Duration timeout) {
        for (int attempt = 0; attempt < REOPENS; attempt++) {
            Object key = existingKey(file);
            FileChannel channel = openExisting(file);
            if (channel == null) {
                continue; // removed between the two calls: its holder gave it back
            }
            FileLock lock = tryLock(channel);
            if (lock == null) {
                close(channel);
                return null;
            }
            if (key.equals(key(file))) {
                write(channel, expiry(timeout));
                return () -> release(file, key, channel, lock);
            }
            // The holder before removed the file after this channel opened it: lock the path's new file instead.
            close(channel);
        }
        throw new MigrateException(
                "acquiring database lock: lock file " + file + ": other processes kept replacing it");
    }

    /** Returns the file key of the lock file, creating the file first when there is none. */
    private static Object existingKey(Path file) {
        while (true) {
            Object key = key(file);
            if (key != null) {
                return key;
            }
            try {
                Files.createFile(file);
            } catch (FileAlreadyExistsException e) {
                // Another taker created it first: use theirs.
            } catch (IOException e) {
                throw new MigrateException("cannot create lock file " + file + ": " + e.getMessage(), e);
            }
        }
    }

    private static @Nullable Object key(Path file) {
        try {
            BasicFileAttributes attributes =
                    Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            // Without file keys (some platforms) the creation time is the best identity there is.
            return Objects.requireNonNullElse(attributes.fileKey(), attributes.creationTime());
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new MigrateException("reading lock file " + file + ": " + e.getMessage(), e);
        }
    }

    private static @Nullable FileChannel openExisting(Path file) {
        try {
            return FileChannel.open(file, StandardOpenOption.WRITE);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new MigrateException("cannot open lock file " + file + ": " + e.getMessage(), e);
        }
    }

    private static @Nullable FileLock tryLock(FileChannel channel) {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            // Code of this JVM outside this class locked the file: it holds it as another process would.
            return null;
        } catch (IOException e) {
            close(channel);
            throw new MigrateException("acquiring database lock: lock file: " + e.getMessage(), e);
        }
    }

    /** The reference tool's content: when the lock expires, in nanoseconds since the epoch, in decimal. */
    private static String expiry(Duration timeout) {
        Instant expires = Instant.now().plus(timeout);
        return Long.toString(expires.getEpochSecond() * 1_000_000_000L + expires.getNano());
    }

    private static void write(FileChannel channel, String content) {
        try {
            channel.truncate(0);
            ByteBuffer bytes = ByteBuffer.wrap(content.getBytes(StandardCharsets.US_ASCII));
            while (bytes.hasRemaining()) {
                channel.write(bytes, bytes.position());
            }
        } catch (IOException e) {
            // The content only tells the reference tool the lock is taken; Plumb goes by the lock itself.
        }
    }

    private static void release(Path file, Object key, FileChannel channel, FileLock lock) {
        try {
            if (key.equals(key(file))) {
                Files.deleteIfExists(file);
            }
        } catch (IOException | MigrateException e) {
            // Left in place, the file is taken over by the next taker as it is.
        } finally {
            try {
                lock.release();
            } catch (IOException e) {
                // Closing the channel below releases the lock as well.
            }
            close(channel);
        }
    }

    private static void close(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // Nothing is held through a channel that failed to close.
        }
    }
}
