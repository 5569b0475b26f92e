package io.plumb.engine.devdb;

import io.plumb.engine.db.Database;
import io.plumb.engine.db.DatabaseException;
import io.plumb.engine.db.DatabaseUrl;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * A {@code ServerIsolation} isolates databases on a database server the dev URL names: every isolated database is a
 * database (PostgreSQL) or schema (MySQL/MariaDB) of its own, created, copied and dropped through one administrative
 * connection, so tests share a server and not its state. Subclasses say how a server creates, copies and drops one.
 *
 * <p>Names carry a random part, so that several isolations (several JVMs) can share a server. Clones of a snapshot
 * that was cloned once are prepared ahead in the background ({@link ClonePool}), each with its connection opened
 * (up to {@value Isolation#CLONE_POOL_CONNECTIONS_PROPERTY} of them at once, 8 by default), so that the next clone
 * is handed out without waiting for the server's copy or for a connection to be made.
 */
abstract sealed class ServerIsolation implements Isolation permits PostgresIsolation, MysqlIsolation {

    // How long the pool waits for a connection it opened ahead to answer before it hands the clone out without it.
    private static final int VALIDATION_SECONDS = 5;

    private final DatabaseUrl devUrl;
    private final Path workingDirectory;
    private final AdminConnection admin;
    private final AdminConnection background;
    private final String prefix;
    private final AtomicInteger counter = new AtomicInteger();
    private final Set<AutoCloseable> held = ConcurrentHashMap.newKeySet();
    private final ClonePool<Prepared> pool = ClonePool.fromSystemProperty();
    private final int poolConnectionLimit = poolConnectionLimit();
    // The connections the pool opened to clones not handed out yet; closed with their clone when it is dropped.
    private final Set<Database> poolConnections = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /**
     * Creates an isolation whose administrative connections the opener makes; the first is opened at once, so that
     * an unreachable server fails here.
     *
     * @throws DatabaseException when the server cannot be reached
     */
    ServerIsolation(DatabaseUrl devUrl, Path workingDirectory, AdminConnection.Opener opener) {
        this.devUrl = devUrl;
        this.workingDirectory = workingDirectory;
        this.admin = new AdminConnection(devUrl, opener);
        this.background = new AdminConnection(devUrl, opener);
        admin.open();
        this.prefix = "plumb_" + HexFormat.of().formatHex(new SecureRandom().generateSeed(4)) + "_";
    }

    /** Creates an empty database of this name. */
    abstract void create(Connection admin, String name) throws SQLException;

    /**
     * Creates a database of the target name holding the source's state, and returns what it learnt that makes the
     * next copies of the target faster: their recipe, passed back as {@code known} when the target is copied.
     */
    abstract List<String> copy(Connection admin, String source, String target, List<String> known) throws SQLException;

    /** Returns whether the server copies only a database no one is connected to, as PostgreSQL's templates do. */
    abstract boolean copiesOnlyUnconnected();

    /** Drops a database of this name, if it exists. */
    abstract void drop(Connection admin, String name) throws SQLException;

    @Override
    public IsolatedDatabase fresh() {
        String name = newName("db");
        admin("creating database " + name, connection -> {
            create(connection, name);
            return List.of();
        });
        return handOut(name, null);
    }

    @Override
    public Snapshot snapshot(IsolatedDatabase source) {
        ServerIsolatedDatabase database = server(source);
        // PostgreSQL copies only a database no one is connected to; the connection reopens on next use.
        if (copiesOnlyUnconnected()) {
            database.disconnect("snapshot");
        } else {
            database.requireNoTransaction("snapshot");
        }
        String name = newName("snap");
        List<String> recipe = admin(
                "snapshotting " + database.name(), connection -> copy(connection, database.name(), name, List.of()));
        ServerSnapshot snapshot = new ServerSnapshot(name, recipe, this);
        held.add(snapshot);
        return snapshot;
    }

    /**
     * A clone the pool made ahead: its name, and the connection the pool opened to it, or null when it held as many
     * as it may or opening one failed (the hand-out then opens it on first use, and reports what fails then).
     */
    private record Prepared(String name, @Nullable Database connection) {}

    @Override
    public IsolatedDatabase clone(Snapshot snapshot) {
        ServerSnapshot from = server(snapshot);
        Prepared prepared = pool.take(from.name(), this::dropPrepared);
        IsolatedDatabase database;
        if (prepared == null) {
            database = handOut(copyOf(from, admin), null);
        } else {
            Database connection = prepared.connection();
            if (connection != null) {
                poolConnections.remove(connection);
            }
            database = handOut(prepared.name(), connection);
        }
        pool.refill(from.name(), () -> prepare(from));
        return database;
    }

    /** Copies a snapshot on the background connection and opens a connection to the copy, for the pool. */
    private Prepared prepare(ServerSnapshot from) {
        String name = copyOf(from, background);
        // Only the pool's one background thread adds connections, so the count cannot pass the limit.
        if (poolConnections.size() >= poolConnectionLimit) {
            return new Prepared(name, null);
        }
        Database connection = null;
        try {
            connection = connect(urlOf(name));
            // A round trip, so that a connection the server accepted but cannot use is not handed out.
            if (connection.connection().isValid(VALIDATION_SECONDS)) {
                poolConnections.add(connection);
                return new Prepared(name, connection);
            }
        } catch (SQLException | RuntimeException e) {
            // The hand-out opens the connection on first use instead, and reports what fails then.
        }
        if (connection != null) {
            connection.close();
        }
        return new Prepared(name, null);
    }

    /** Waits until the clones the pool is preparing of a snapshot are ready; for tests. */
    void awaitPool(Snapshot snapshot) {
        pool.await(server(snapshot).name());
    }

    /** Returns the connections the pool holds open to clones not handed out yet; for tests. */
    Set<Database> poolConnections() {
        return Set.copyOf(poolConnections);
    }

    private static int poolConnectionLimit() {
        String property = Isolation.CLONE_POOL_CONNECTIONS_PROPERTY;
        String value = System.getProperty(property, "8");
        try {
            return Math.max(0, Integer.parseInt(value.strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "system property " + property + ": expected a number of connections, found \"" + value + "\"", e);
        }
    }

    /** Drops a clone the pool prepared and nobody took, closing the connection it opened first. */
    private void dropPrepared(Prepared prepared) {
        Database connection = prepared.connection();
        if (connection != null) {
            poolConnections.remove(connection);
            connection.close();
        }
        dropQuietly(prepared.name());
    }

    private String copyOf(ServerSnapshot from, AdminConnection connection) {
        String name = newName("db");
        connection.run("cloning " + from.name(), c -> copy(c, from.name(), name, from.recipe()));
        return name;
    }

    @Override
    public void restore(IsolatedDatabase target, Snapshot snapshot) {
        ServerIsolatedDatabase database = server(target);
        ServerSnapshot from = server(snapshot);
        // MySQL sessions on a dropped schema carry on once it is recreated, so only PostgreSQL disconnects.
        if (copiesOnlyUnconnected()) {
            database.disconnect("restore");
        } else {
            database.requireNoTransaction("restore");
        }
        admin("restoring " + database.name() + " from " + from.name(), connection -> {
            drop(connection, database.name());
            return copy(connection, from.name(), database.name(), from.recipe());
        });
    }

    @Override
    public void close() {
        closed = true;
        pool.close(this::dropPrepared);
        for (AutoCloseable resource : List.copyOf(held)) {
            try {
                resource.close();
            } catch (Exception e) {
                // What cannot be dropped now stays on the throwaway dev server.
            }
        }
        admin.close();
        background.close();
    }

    /** Opens a connection to a database this isolation handed out. */
    Database connect(String url) {
        return Database.open(url, workingDirectory);
    }

    /** Drops a database or snapshot that was closed, and a snapshot's clones prepared ahead. */
    void release(AutoCloseable resource, String name) {
        held.remove(resource);
        if (resource instanceof ServerSnapshot) {
            pool.discard(name, this::dropPrepared);
        }
        dropQuietly(name);
    }

    private void dropQuietly(String name) {
        try {
            admin("dropping " + name, connection -> {
                drop(connection, name);
                return List.of();
            });
        } catch (DatabaseException | IllegalStateException e) {
            // Dropping a throwaway database is best effort: it stays on the dev server under a plumb_ name.
        }
    }

    String redacted(String url) {
        return DatabaseUrl.redact(url);
    }

    /** Returns the URL of a database of this name: the dev URL's server, user and password, and parameters. */
    String urlOf(String name) {
        StringBuilder url = new StringBuilder(devUrl.scheme()).append("://");
        if (!devUrl.user().isEmpty()) {
            url.append(encode(devUrl.user()));
            devUrl.password().ifPresent(p -> url.append(':').append(encode(p)));
            url.append('@');
        }
        url.append(devUrl.host());
        if (devUrl.port() >= 0) {
            url.append(':').append(devUrl.port());
        }
        url.append('/').append(name);
        String separator = "?";
        for (Map.Entry<String, String> parameter : devUrl.query().entrySet()) {
            url.append(separator).append(encode(parameter.getKey())).append('=').append(encode(parameter.getValue()));
            separator = "&";
        }
        return url.toString();
    }

    List<String> admin(String what, AdminConnection.Work work) {
        return admin.run(what, work);
    }

    private String newName(String kind) {
        if (closed) {
            throw new IllegalStateException("the isolation is closed");
        }
        return (prefix + kind + "_" + counter.incrementAndGet()).toLowerCase(Locale.ROOT);
    }

    private IsolatedDatabase handOut(String name, @Nullable Database connection) {
        ServerIsolatedDatabase database = new ServerIsolatedDatabase(name, urlOf(name), this, connection);
        held.add(database);
        return database;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private ServerIsolatedDatabase server(IsolatedDatabase database) {
        if (!(database instanceof ServerIsolatedDatabase server) || !held.contains(server)) {
            throw new IllegalArgumentException("not a database of this isolation: " + database.url());
        }
        return server;
    }

    private ServerSnapshot server(Snapshot snapshot) {
        if (!(snapshot instanceof ServerSnapshot server) || !held.contains(server)) {
            throw new IllegalArgumentException("not a snapshot of this isolation: " + snapshot);
        }
        return server;
    }
}
