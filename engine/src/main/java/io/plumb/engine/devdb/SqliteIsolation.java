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
 * {@code SqliteIsolation} isolates SQLite databases in this JVM's memory or as files in a private temporary
 * directory. A snapshot is the database's image (SQLite's {@code serialize}, or its file's bytes) taken between
 * transactions and kept in memory. In memory, a fresh database is a private in-memory one, a clone loads a snapshot's
 * image into one ({@code deserialize}), and a restore loads it into the open connection, in about a millisecond; a
 * database is written to its file only when it is {@link IsolatedDatabase#share() shared} with other programs. As
 * files, a fresh database is a new file, and clones and restores write the image to the database's file.
 *
 * <p>The dev URL only selects the dialect and its connection parameters (such as {@code _fk=1}); the user's own
 * database file is never opened. The files are throwaway, so they are written without syncing and with the
 * rollback journal in memory.
 */
final class SqliteIsolation implements Isolation {

    // The URL's own storage parameters name the user's database, not ours; the others (foreign keys...) carry over.
    private static final Set<String> STORAGE_PARAMETERS = Set.of("mode", "cache");

    /**
     * The system property that turns in-memory databases off ({@code false}): every database is then a file, as
     * before Plumb used SQLite's {@code serialize}.
     */
    static final String MEMORY_PROPERTY = "plumb.devdb.sqliteMemory";

    private static @Nullable String libraryVersion;

    private final String parameters;
    private final Path workingDirectory;
    private final boolean inMemory;
    private final AtomicInteger counter = new AtomicInteger();
    private final Set<AutoCloseable> held = ConcurrentHashMap.newKeySet();
    private @Nullable Path directory;
    private @Nullable Thread cleanupOnExit;
    private boolean closed;

    private SqliteIsolation(String parameters, Path workingDirectory, boolean inMemory) {
        this.parameters = parameters;
        this.workingDirectory = workingDirectory;
        this.inMemory = inMemory;
    }

    /**
     * Opens an isolation for a SQLite dev URL.
     *
     * @throws InvalidUrlException when the URL is malformed or names another database system
     */
    static SqliteIsolation open(String devUrl, Path workingDirectory) {
        return open(devUrl, workingDirectory, false);
    }

    /**
     * Opens an isolation for a SQLite dev URL whose databases live in memory until shared, unless {@value
     * #MEMORY_PROPERTY} is {@code false}.
     *
     * @throws InvalidUrlException when the URL is malformed or names another database system
     */
    static SqliteIsolation open(String devUrl, Path workingDirectory, boolean inMemory) {
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
        boolean memory = inMemory && !"false".equalsIgnoreCase(System.getProperty(MEMORY_PROPERTY));
        return new SqliteIsolation(carried.isEmpty() ? "" : "?" + String.join("&", carried), workingDirectory, memory);
    }

    @Override
    public IsolatedDatabase fresh() {
        Path file = newFile("db");
        if (!inMemory) {
            try {
                // An empty file is an empty database; the connection opens when the database is first used.
                Files.createFile(file);
            } catch (IOException e) {
                throw new UncheckedIOException("creating dev database " + file + ": " + e.getMessage(), e);
            }
        }
        return handOut(file, null);
    }

    @Override
    public Snapshot snapshot(IsolatedDatabase source) {
        return load(sqlite(source).image("snapshot"));
    }

    @Override
    public IsolatedDatabase clone(Snapshot snapshot) {
        Path file = newFile("db");
        byte[] image = imageOf(snapshot);
        if (!inMemory) {
            try {
                Files.write(file, image);
            } catch (IOException e) {
                throw new UncheckedIOException("writing dev database " + file + ": " + e.getMessage(), e);
            }
        }
        return handOut(file, image);
    }

    @Override
    public void restore(IsolatedDatabase target, Snapshot snapshot) {
        // In memory, the image is loaded into the open connection; as a file, it is written over the closed
        // database's file. The path, and so the URL, stay the same.
        sqlite(target).replace(imageOf(snapshot));
    }

    @Override
    public Optional<String> imageFormat() {
        return Optional.of("sqlite " + libraryVersion() + parameters);
    }

    @Override
    public byte[] image(Snapshot snapshot) {
        return imageOf(snapshot);
    }

    @Override
    public Snapshot load(byte[] image) {
        SqliteSnapshot snapshot = new SqliteSnapshot(image, this);
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("the isolation is closed");
            }
            held.add(snapshot);
        }
        return snapshot;
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

    void release(SqliteSnapshot snapshot) {
        held.remove(snapshot);
    }

    // The SQLite library's version and the driver's: an image is a file of the library that wrote it.
    private static synchronized String libraryVersion() {
        if (libraryVersion == null) {
            try (Database probe = Database.open("sqlite://plumb-version?mode=memory", Path.of(""));
                    Statement statement = probe.connection().createStatement();
                    java.sql.ResultSet row = statement.executeQuery("SELECT sqlite_version()")) {
                row.next();
                libraryVersion = row.getString(1) + " (sqlite-jdbc "
                        + probe.connection().getMetaData().getDriverVersion() + ")";
            } catch (SQLException e) {
                throw new DatabaseException("reading the SQLite version: " + SqlErrors.message(e), e);
            }
        }
        return libraryVersion;
    }

    /** Returns whether databases live in memory until shared. */
    boolean inMemory() {
        return inMemory;
    }

    private IsolatedDatabase handOut(Path file, byte @Nullable [] image) {
        SqliteIsolatedDatabase isolated =
                new SqliteIsolatedDatabase("sqlite://" + file + parameters, file, this, inMemory, image);
        held.add(isolated);
        return isolated;
    }

    /** Opens a private in-memory database with the dev URL's connection parameters. */
    Database connectInMemory() {
        String name = "plumb-mem-" + counter.incrementAndGet();
        String extra = parameters.isEmpty() ? "" : "&" + parameters.substring(1);
        return Database.open("sqlite://" + name + "?mode=memory" + extra, workingDirectory);
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

    private static byte[] imageOf(Snapshot snapshot) {
        if (!(snapshot instanceof SqliteSnapshot sqlite)) {
            throw new IllegalArgumentException(
                    "not a SQLite snapshot: " + snapshot.getClass().getName());
        }
        return sqlite.image();
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
