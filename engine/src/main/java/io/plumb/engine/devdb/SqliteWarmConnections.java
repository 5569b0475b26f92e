package io.plumb.engine.devdb;

import io.plumb.engine.db.Database;
import io.plumb.engine.db.DatabaseException;
import io.plumb.engine.db.SqlErrors;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * {@code SqliteWarmConnections} moves the set-up and tear-down of private in-memory connections off the thread that
 * uses them, onto one background thread. Snapshots are loaded into new connections ahead of need, so that a restore
 * or clone asked for soon after takes a connection whose image is loaded and whose schema SQLite has already read;
 * reading the schema is what a restored database pays on its first statement, and for a few hundred objects it costs
 * more than loading the image (about a millisecond on this project's benchmarks). Connections a database is done
 * with are closed there too, which frees its pages.
 *
 * <p>At most {@value #CAPACITY} connections wait at once; a newer request pushes out the oldest, so a connection
 * prepared for a database nobody asked for after all is closed rather than kept. It is safe to use from several
 * threads.
 */
final class SqliteWarmConnections implements AutoCloseable {

    /** How many prepared connections wait at once. */
    static final int CAPACITY = 2;

    private record Waiting(SqliteSnapshot snapshot, CompletableFuture<Database> connection) {}

    private final Supplier<Database> connect;
    private final List<Waiting> waiting = new ArrayList<>();
    private @Nullable ExecutorService loader;
    private boolean closed;

    /** Creates the pool; {@code connect} opens a new, empty, private in-memory database. */
    SqliteWarmConnections(Supplier<Database> connect) {
        this.connect = connect;
    }

    /** Starts loading a snapshot into a new connection in the background, for a {@link #take} to come. */
    void prepare(SqliteSnapshot snapshot) {
        Waiting oldest = null;
        synchronized (this) {
            if (closed) {
                return;
            }
            if (waiting.size() >= CAPACITY) {
                oldest = waiting.remove(0);
            }
            waiting.add(new Waiting(snapshot, CompletableFuture.supplyAsync(() -> load(snapshot), loader())));
        }
        if (oldest != null) {
            discard(oldest);
        }
    }

    /**
     * Takes a connection holding a snapshot's image, waiting while it loads; returns null when none was prepared for
     * the snapshot or preparing it failed (the caller then loads the image itself, and meets any error there).
     */
    @Nullable
    Database take(SqliteSnapshot snapshot) {
        Waiting found = null;
        synchronized (this) {
            for (Waiting candidate : waiting) {
                if (candidate.snapshot() == snapshot) {
                    found = candidate;
                    break;
                }
            }
            if (found == null) {
                return null;
            }
            waiting.remove(found);
        }
        try {
            return found.connection().join();
        } catch (CompletionException | CancellationException e) {
            return null;
        }
    }

    /**
     * Closes a connection nobody uses any more on the background thread; on this one once the pool is closed. The
     * database must live only in memory: nothing waits for the close.
     */
    void retire(Database connection) {
        synchronized (this) {
            if (!closed) {
                loader().execute(connection::close);
                return;
            }
        }
        connection.close();
    }

    /** Closes the connections prepared for a snapshot being dropped. */
    void forget(SqliteSnapshot snapshot) {
        List<Waiting> dropped = new ArrayList<>();
        synchronized (this) {
            waiting.removeIf(candidate -> candidate.snapshot() == snapshot && dropped.add(candidate));
        }
        dropped.forEach(SqliteWarmConnections::discard);
    }

    /** Closes every prepared connection, once the background thread has done what it was given. */
    @Override
    public void close() {
        List<Waiting> dropped;
        ExecutorService running;
        synchronized (this) {
            closed = true;
            dropped = List.copyOf(waiting);
            waiting.clear();
            running = loader;
            loader = null;
        }
        if (running != null) {
            running.shutdown();
            try {
                running.awaitTermination(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        dropped.forEach(SqliteWarmConnections::discard);
    }

    private Database load(SqliteSnapshot snapshot) {
        Database database = connect.get();
        try {
            byte[] image = snapshot.image();
            if (image.length > 0) {
                SqliteIsolatedDatabase.deserialize(database, image, "a prepared connection");
                // Any statement naming a table makes SQLite read the whole schema, which it then keeps.
                try (Statement statement = database.connection().createStatement();
                        ResultSet rows = statement.executeQuery("SELECT count(*) FROM sqlite_master")) {
                    rows.next();
                }
            }
            return database;
        } catch (SQLException e) {
            database.close();
            throw new DatabaseException("reading the schema of a prepared connection: " + SqlErrors.message(e), e);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    private synchronized ExecutorService loader() {
        if (loader == null) {
            loader = Executors.newSingleThreadExecutor(task -> {
                Thread thread = new Thread(task, "plumb-sqlite-warm");
                thread.setDaemon(true);
                return thread;
            });
        }
        return loader;
    }

    // Closes a prepared connection nobody will take, now or once it has loaded.
    private static void discard(Waiting unused) {
        unused.connection().thenAccept(Database::close);
    }
}
