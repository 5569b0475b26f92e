package io.plumb.engine.devdb;

import io.plumb.engine.db.Database;
import io.plumb.engine.db.DatabaseException;
import io.plumb.engine.db.SqlErrors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;
import org.sqlite.SQLiteConnection;

/**
 * A {@code SqliteIsolatedDatabase} is a database a {@link SqliteIsolation} handed out: either a private in-memory
 * database of this JVM, loaded from a snapshot's image with SQLite's {@code deserialize}, or a file. Its URL always
 * names its file; an in-memory database is written to that file, and lives there from then on, when it is {@link
 * #share() shared}. Its connection opens when first asked for, so that a database cloned or restored before any use
 * costs nothing but keeping the image, and a file database can be closed and reopened while its file is replaced.
 */
final class SqliteIsolatedDatabase implements IsolatedDatabase {

    private final String url;
    private final Path file;
    private final SqliteIsolation owner;
    private boolean inMemory;
    // The image the in-memory database holds until its connection opens; null for an empty database.
    private byte @Nullable [] pending;
    private @Nullable Database database;
    private boolean closed;

    SqliteIsolatedDatabase(String url, Path file, SqliteIsolation owner, boolean inMemory, byte @Nullable [] image) {
        this.url = url;
        this.file = file;
        this.owner = owner;
        this.inMemory = inMemory;
        this.pending = image;
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalStateException once the database was closed (and its file dropped)
     */
    @Override
    public synchronized Database database() {
        if (closed) {
            throw new IllegalStateException("the dev database " + url + " was closed and dropped");
        }
        if (database == null) {
            if (inMemory) {
                Database opened = owner.connectInMemory();
                byte[] image = pending;
                if (image != null && image.length > 0) {
                    load(opened, image);
                }
                pending = null;
                database = opened;
            } else {
                database = owner.connect(url, file);
            }
        }
        return database;
    }

    @Override
    public String url() {
        return url;
    }

    /** Writes an in-memory database to its file, where it lives from then on, so that its URL reaches it. */
    @Override
    public synchronized void share() {
        if (!inMemory || closed) {
            return;
        }
        byte[] image = image("share");
        try {
            Files.write(file, image);
        } catch (IOException e) {
            throw new UncheckedIOException("writing dev database " + file + ": " + e.getMessage(), e);
        }
        if (database != null) {
            database.close();
            database = null;
        }
        pending = null;
        inMemory = false;
    }

    /** Returns whether the database lives in memory (it was not shared). */
    synchronized boolean inMemory() {
        return inMemory;
    }

    /** Returns the database's file, which an in-memory database does not have until it is shared. */
    Path file() {
        return file;
    }

    /**
     * Returns the database's image: what a snapshot keeps.
     *
     * @throws IllegalStateException when a transaction is open
     */
    synchronized byte[] image(String action) {
        requireNoTransaction(action);
        if (inMemory) {
            if (database == null) {
                byte[] image = pending;
                return image == null ? new byte[0] : image;
            }
            try {
                return sqlite(database).serialize("main");
            } catch (SQLException e) {
                throw new DatabaseException("serializing " + url + ": " + SqlErrors.message(e), e);
            }
        }
        try {
            // Between transactions the file holds every committed page (the journal is in memory, and nothing
            // else writes to it), so its bytes are a consistent image.
            return Files.exists(file) ? Files.readAllBytes(file) : new byte[0];
        } catch (IOException e) {
            throw new UncheckedIOException("reading dev database " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Replaces the database's whole state with an image: loaded into the open in-memory connection, kept until the
     * connection opens, or written over the closed database's file.
     *
     * @throws IllegalStateException when a transaction is open, whose work would be lost
     */
    synchronized void replace(byte[] image) {
        requireNoTransaction("replace");
        if (inMemory) {
            if (database == null) {
                pending = image;
            } else if (image.length == 0) {
                // An empty image is an empty database: a new connection holds one.
                database.close();
                database = null;
                pending = null;
            } else {
                load(database, image);
            }
            return;
        }
        if (database != null) {
            database.close();
            database = null;
        }
        try {
            Files.write(file, image);
        } catch (IOException e) {
            throw new UncheckedIOException("restoring " + url + ": " + e.getMessage(), e);
        }
    }

    /**
     * Checks that no transaction is open, so that the image holds every committed change and nothing else.
     *
     * @throws IllegalStateException when a transaction is open
     */
    synchronized void requireNoTransaction(String action) {
        if (database == null) {
            return;
        }
        try {
            if (!database.connection().getAutoCommit()) {
                throw new IllegalStateException("cannot " + action + " " + url + " inside a transaction");
            }
        } catch (SQLException e) {
            throw new DatabaseException("reading the state of " + url + ": " + SqlErrors.message(e), e);
        }
    }

    private void load(Database target, byte[] image) {
        try {
            // SQLite copies the image into its own buffer, so snapshots stay untouched by what the case does.
            sqlite(target).deserialize("main", image);
        } catch (SQLException e) {
            throw new DatabaseException("loading a snapshot into " + url + ": " + SqlErrors.message(e), e);
        }
    }

    private static SQLiteConnection sqlite(Database database) throws SQLException {
        return database.connection().unwrap(SQLiteConnection.class);
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            pending = null;
            if (database != null) {
                database.close();
                database = null;
            }
        }
        owner.release(this, file);
    }
}
