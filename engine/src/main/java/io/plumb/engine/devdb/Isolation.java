package io.plumb.engine.devdb;

import io.plumb.engine.db.DatabaseUrl;
import java.nio.file.Path;
import java.util.Optional;

/**
 * An {@code Isolation} hands out isolated databases on the server a dev URL names: empty ones, and clones of
 * snapshots of others. It is how tests get databases rather than servers; each dialect clones its own way (SQLite
 * copies a file, PostgreSQL copies a template database, MySQL and MariaDB copy a schema's tables). Implementations are safe to use from several
 * threads.
 */
public interface Isolation extends AutoCloseable {

    /**
     * The system property that sets how many clones of a snapshot a server isolation prepares ahead, in the
     * background, once the snapshot was cloned: {@code 1} by default, {@code 0} to copy every clone when asked.
     * SQLite isolations copy a file and keep no pool. It is read when an isolation opens.
     */
    String CLONE_POOL_PROPERTY = "plumb.devdb.clonePool";

    /**
     * The system property that caps how many connections a server isolation's pool holds open at once to clones
     * made ahead ({@code 8} by default): a clone handed out with its connection already open costs the test no
     * connection set-up. A clone made when the cap is reached is handed out without one and connects on first use;
     * {@code 0} opens none ahead. It is read when an isolation opens.
     */
    String CLONE_POOL_CONNECTIONS_PROPERTY = "plumb.devdb.clonePoolConnections";

    /**
     * Opens the isolation for a dev URL.
     *
     * @throws io.plumb.engine.db.InvalidUrlException when the URL is not one Plumb can open
     * @throws io.plumb.engine.db.DatabaseException when the dev server cannot be reached
     */
    static Isolation open(String devUrl, Path workingDirectory) {
        DatabaseUrl url = DatabaseUrl.parse(devUrl);
        return switch (url.scheme()) {
            case "postgres", "postgresql" -> PostgresIsolation.open(url, workingDirectory);
            case "mysql", "maria", "mariadb" -> MysqlIsolation.open(url, workingDirectory);
                // Isolated databases are made on the server behind the URL; the URL's own database is not used.
            case "embedded", "docker" -> open(ServerUrls.server(url), workingDirectory);
            default -> SqliteIsolation.open(devUrl, workingDirectory);
        };
    }

    /**
     * Opens the isolation for a dev URL whose SQLite databases live in this JVM's memory until they are {@link
     * IsolatedDatabase#share() shared}: for callers that use databases through {@link IsolatedDatabase#database()}
     * and share one before another program uses its URL. Server isolations are the same as {@link #open}.
     *
     * @throws io.plumb.engine.db.InvalidUrlException when the URL is not one Plumb can open
     * @throws io.plumb.engine.db.DatabaseException when the dev server cannot be reached
     */
    static Isolation openInMemory(String devUrl, Path workingDirectory) {
        DatabaseUrl url = DatabaseUrl.parse(devUrl);
        if (url.isSqlite()) {
            return SqliteIsolation.open(devUrl, workingDirectory, true);
        }
        return open(devUrl, workingDirectory);
    }

    /**
     * Returns what the images of this isolation's snapshots are files of (the SQLite library and the connection
     * parameters they were built with), or empty when its snapshots have no image that outlives the server they
     * are on (PostgreSQL and MySQL snapshots are databases on the server).
     */
    default Optional<String> imageFormat() {
        return Optional.empty();
    }

    /**
     * Returns a snapshot's image, which {@link #load} turns into a snapshot again, in this JVM or a later one;
     * callers do not modify it.
     *
     * @throws UnsupportedOperationException when {@link #imageFormat()} is empty
     */
    default byte[] image(Snapshot snapshot) {
        throw new UnsupportedOperationException("snapshots of " + getClass().getSimpleName() + " have no image");
    }

    /**
     * Returns a snapshot holding an image {@link #image} gave, in an isolation of the same {@link #imageFormat()}.
     *
     * @throws UnsupportedOperationException when {@link #imageFormat()} is empty
     */
    default Snapshot load(byte[] image) {
        throw new UnsupportedOperationException("snapshots of " + getClass().getSimpleName() + " have no image");
    }

    /**
     * Returns whether {@link #snapshot} may be taken while a migration run holds the database's connection, between
     * two of its files (a file copy or a copy inside the server); {@code false} when a snapshot needs the database
     * idle, as PostgreSQL's template copies do.
     */
    default boolean snapshotsDuringRuns() {
        return true;
    }

    /** Returns a new, empty database that no one else uses; closing it drops it. */
    IsolatedDatabase fresh();

    /** Captures the state of a database, which stays usable; closing the snapshot drops it. */
    Snapshot snapshot(IsolatedDatabase source);

    /** Returns a new database holding a snapshot's state; closing it drops it. */
    IsolatedDatabase clone(Snapshot snapshot);

    /**
     * Replaces a database's whole state with a snapshot's, keeping the database's URL, so that a program already
     * given the URL reaches the restored state.
     */
    void restore(IsolatedDatabase target, Snapshot snapshot);

    /** Drops every database and snapshot this isolation created and still holds. */
    @Override
    void close();
}
