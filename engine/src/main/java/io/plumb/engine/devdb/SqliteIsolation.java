package io.plumb.engine.devdb;

import io.plumb.engine.db.Database;
import io.plumb.engine.db.DatabaseException;
import io.plumb.engine.db.DatabaseUrl;
import io.plumb.engine.db.InvalidUrlException;
import io.plumb.engine.db.SqlErrors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * {@code SqliteIsolation} isolates SQLite databases as files in a private temporary directory: a fresh database is
 * a new file, a snapshot is a copy of its file taken between transactions, a clone is a copy of a snapshot's file,
 * and a restore copies a snapshot's file over the database's own, its connection closed meanwhile.
 *
 * <p>The dev URL only selects the dialect and its connection parameters (such as {@code _fk=1}); the user's own
 * database file is never opened. The files are throwaway, so they are written without syncing and with the
 * rollback journal in memory.
 */
final class SqliteIsolation implements Isolation {

    // The URL's own storage parameters name the user's database, not ours; the others (foreign keys...) carry over.
    private static final Set<String> STORAGE_PARAMETERS = Set.of("mode", "cache");

    private final String parameters;
    private final Path workingDirectory;
    private final AtomicInteger counter = new AtomicInteger();
    private final Set<AutoCloseable> held = ConcurrentHashMap.newKeySet();
    private @Nullable Path directory;
    private @Nullable Thread cleanupOnExit;
    private boolean closed;

    private SqliteIsolation(String parameters, Path workingDirectory) {
        this.parameters = parameters;
        this.workingDirectory = workingDirectory;
    }

    /**
     * Opens an isolation for a SQLite dev URL.
     *
     * @throws InvalidUrlException when the URL is malformed or names another database system
     */
    static SqliteIsolation open(String devUrl, Path workingDirectory) {
        DatabaseUrl url = DatabaseUrl.parse(devUrl);
        if (!url.isSqlite()) {
            throw new InvalidUrlException(
                    devUrl,
                    "unsupported scheme \"" + url.scheme() + "\" for a dev database"
                            + " (this build supports sqlite:// dev databases)");
        }
        List<String> carried = new ArrayList<>();
        for (Map.Entry<String, String> parameter : url.query().entrySet()) {
            if (!STORAGE_PARAMETERS.contains(parameter.getKey())) {
                carried.add(parameter.getKey() + "=" + parameter.getValue());
            }
        }
        return new SqliteIsolation(carried.isEmpty() ? "" : "?" + String.join("&", carried), workingDirectory);
    }

    @Override
    public IsolatedDatabase fresh() {
        Path file = newFile("db");
        try {
            // An empty file is an empty database; the connection opens when the database is first used.
            Files.createFile(file);
        } catch (IOException e) {
            throw new UncheckedIOException("creating dev database " + file + ": " + e.getMessage(), e);
        }
        return handOut(file);
    }

    @Override
    public Snapshot snapshot(IsolatedDatabase source) {
        Path file = newFile("snap");
        // Between transactions the file holds every committed page (the journal is in memory, and nothing else
        // writes to it), so a plain copy is a consistent snapshot, and ten times cheaper than VACUUM INTO.
        SqliteIsolatedDatabase database = sqlite(source);
        database.requireNoTransaction("snapshot");
        try {
            Files.copy(database.file(), file);
        } catch (IOException e) {
            delete(file);
            throw new UncheckedIOException("snapshotting " + source.url() + ": " + e.getMessage(), e);
        }
        SqliteSnapshot snapshot = new SqliteSnapshot(file, this);
        held.add(snapshot);
        return snapshot;
    }

    @Override
    public IsolatedDatabase clone(Snapshot snapshot) {
        Path file = newFile("db");
        try {
            Files.copy(fileOf(snapshot), file);
        } catch (IOException e) {
            throw new UncheckedIOException("copying snapshot " + fileOf(snapshot) + ": " + e.getMessage(), e);
        }
        return handOut(file);
    }

    @Override
    public void restore(IsolatedDatabase target, Snapshot snapshot) {
        // Copying the file over the closed database's is cheaper than the backup API's page by page copy into an
        // open connection, and as cheap as a snapshot when the database was not used yet. The path, and so the
        // URL, stay the same.
        SqliteIsolatedDatabase database = sqlite(target);
        database.disconnect();
        try {
            Files.copy(fileOf(snapshot), database.file(), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "restoring " + target.url() + " from snapshot " + fileOf(snapshot) + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        Path dir;
        synchronized (this) {
            closed = true;
            dir = directory;
            directory = null;
            if (cleanupOnExit != null) {
                try {
                    Runtime.getRuntime().removeShutdownHook(cleanupOnExit);
                } catch (IllegalStateException e) {
                    // The JVM is shutting down and the hook runs anyway.
                }
                cleanupOnExit = null;
            }
        }
        for (AutoCloseable resource : List.copyOf(held)) {
            closeQuietly(resource);
        }
        if (dir != null) {
            deleteTree(dir);
        }
    }

    /** Returns the private directory, or empty before the first database was handed out. */
    synchronized Optional<Path> directory() {
        return Optional.ofNullable(directory);
    }

    void release(AutoCloseable resource, Path file) {
        held.remove(resource);
        delete(file);
    }

    private IsolatedDatabase handOut(Path file) {
        SqliteIsolatedDatabase isolated = new SqliteIsolatedDatabase("sqlite://" + file + parameters, file, this);
        held.add(isolated);
        return isolated;
    }

    /** Opens a connection to a database file this isolation handed out. */
    Database connect(String url, Path file) {
        Database database = Database.open(url, workingDirectory);
        try (Statement statement = database.connection().createStatement()) {
            statement.execute("PRAGMA synchronous = OFF");
            statement.execute("PRAGMA journal_mode = MEMORY");
        } catch (SQLException e) {
            database.close();
            throw new DatabaseException("configuring " + url + ": " + SqlErrors.message(e), e);
        }
        return database;
    }

    private Path newFile(String prefix) {
        return privateDirectory().resolve(prefix + "-" + counter.incrementAndGet() + ".db");
    }

    private synchronized Path privateDirectory() {
        if (closed) {
            throw new IllegalStateException("the isolation is closed");
        }
        if (directory == null) {
            try {
                Path dir = Files.createTempDirectory("plumb-dev-");
                Thread hook = new Thread(() -> deleteTree(dir), "plumb-dev-cleanup");
                Runtime.getRuntime().addShutdownHook(hook);
                directory = dir;
                cleanupOnExit = hook;
            } catch (IOException e) {
                throw new UncheckedIOException(
                        "creating a temporary directory for dev databases: " + e.getMessage(), e);
            }
        }
        return directory;
    }

    private static Path fileOf(Snapshot snapshot) {
        if (!(snapshot instanceof SqliteSnapshot sqlite)) {
            throw new IllegalArgumentException(
                    "not a SQLite snapshot: " + snapshot.getClass().getName());
        }
        return sqlite.file();
    }

    private static SqliteIsolatedDatabase sqlite(IsolatedDatabase database) {
        if (!(database instanceof SqliteIsolatedDatabase sqlite)) {
            throw new IllegalArgumentException("not a SQLite database of this isolation: "
                    + database.getClass().getName());
        }
        return sqlite;
    }

    private static void closeQuietly(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception e) {
            // Closing drops a throwaway file; what cannot be dropped goes with the directory.
        }
    }

    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
            Files.deleteIfExists(file.resolveSibling(file.getFileName() + "-journal"));
        } catch (IOException e) {
            // A file that cannot be deleted now is deleted with the directory on close.
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // Left-overs are in the system's temporary directory, whose own clean-up takes them.
        }
    }
}
