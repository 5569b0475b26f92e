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

/**
 * A {@code ServerIsolation} isolates databases on a database server the dev URL names: every isolated database is a
 * database (PostgreSQL) or schema (MySQL/MariaDB) of its own, created, copied and dropped through one administrative
 * connection, so tests share a server and not its state. Subclasses say how a server creates, copies and drops one.
 *
 * <p>Names carry a random part, so that several isolations (several JVMs) can share a server. Clones of a snapshot
 * that was cloned once are prepared ahead in the background ({@link ClonePool}), so that the next clone is handed
 * out without waiting for the server's copy.
 */
abstract sealed class ServerIsolation implements Isolation permits PostgresIsolation, MysqlIsolation {

    private final DatabaseUrl devUrl;
    private final Path workingDirectory;
    private final AdminConnection admin;
    private final AdminConnection background;
    private final String prefix;
    private final AtomicInteger counter = new AtomicInteger();
    private final Set<AutoCloseable> held = ConcurrentHashMap.newKeySet();
    private final ClonePool pool = ClonePool.fromSystemProperty();
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
        return handOut(name);
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

    @Override
    public IsolatedDatabase clone(Snapshot snapshot) {
        ServerSnapshot from = server(snapshot);
        String name = pool.take(from.name());
        if (name == null) {
            name = copyOf(from, admin);
        }
        IsolatedDatabase database = handOut(name);
        pool.refill(from.name(), () -> copyOf(from, background));
        return database;
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
        pool.close(this::dropQuietly);
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
            pool.discard(name, this::dropQuietly);
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

    private IsolatedDatabase handOut(String name) {
        ServerIsolatedDatabase database = new ServerIsolatedDatabase(name, urlOf(name), this);
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
