package io.plumb.engine.drift;

import io.plumb.engine.db.Database;
import io.plumb.engine.migrate.DirReplay;
import io.plumb.engine.migrate.MigrationFile;
import io.plumb.engine.migrate.MigrationLock;
import io.plumb.engine.migrate.PrefixHash;
import io.plumb.engine.schema.Realm;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * {@code ExpectedStates} is a thread-safe cache of the states migration directories give at a version, shared by
 * drift checks so that many databases at one version (a thousand tenants) have the directory replayed once.
 *
 * <p>A state is keyed by the dialect and server version it was built for, the dev database it was built on, the
 * schemas inspected, and the running hash of the files replayed ({@link io.plumb.engine.migrate.PrefixHash}, which
 * migration tests key their snapshots by too). The first check to need a state
 * builds it; checks needing it meanwhile wait for it; a failed build is not kept, so the next check tries again.
 * Replays on one dev database run one at a time, since each needs the dev database clean.
 */
public final class ExpectedStates {

    /**
     * What an expected state is kept under.
     *
     * @param dialect the dialect's name
     * @param serverVersion the target server's version, as its driver reports it
     * @param devUrl the dev database the state is built on
     * @param schemas the schemas inspected (empty: the bound one, or all)
     * @param filesHash the running hash of the files replayed ({@link io.plumb.engine.migrate.PrefixHash})
     */
    public record Key(String dialect, String serverVersion, String devUrl, List<String> schemas, String filesHash) {

        public Key {
            schemas = List.copyOf(schemas);
        }
    }

    /**
     * The dev database a state is built on.
     *
     * @param url the dev database's URL
     * @param workingDirectory where a relative SQLite path resolves
     * @param schemas the schemas to inspect (empty: the bound one, or all)
     * @param lockTimeout how long to wait for another replay on the dev database
     */
    public record Dev(String url, Path workingDirectory, List<String> schemas, Duration lockTimeout) {

        public Dev {
            schemas = List.copyOf(schemas);
        }
    }

    private final Map<Key, CompletableFuture<Realm>> states = new ConcurrentHashMap<>();
    private final Map<String, Object> devLocks = new ConcurrentHashMap<>();
    private final AtomicInteger replays = new AtomicInteger();
    private final AtomicInteger hits = new AtomicInteger();

    /**
     * Returns the state kept under a key, building it with {@code replay} when there is none.
     *
     * @throws RuntimeException whatever {@code replay} throws, to this caller and to those that waited for it
     */
    public Realm get(Key key, Supplier<Realm> replay) {
        CompletableFuture<Realm> mine = new CompletableFuture<>();
        CompletableFuture<Realm> existing = states.putIfAbsent(key, mine);
        if (existing != null) {
            hits.incrementAndGet();
            return join(existing);
        }
        try {
            Realm realm;
            synchronized (devLocks.computeIfAbsent(key.devUrl(), url -> new Object())) {
                replays.incrementAndGet();
                realm = replay.get();
            }
            mine.complete(realm);
            return realm;
        } catch (RuntimeException e) {
            states.remove(key, mine);
            mine.completeExceptionally(e);
            throw e;
        }
    }

    /**
     * Returns the state a list of files gives a target database: kept, or replayed on the dev database under the
     * lock {@code migrate diff} takes there, so that another process's replay on it waits.
     *
     * @throws DriftException when the dev database is of another dialect than the target
     * @throws io.plumb.engine.migrate.MigrateException when a file fails to replay
     */
    public Realm replayed(Database target, Dev dev, List<MigrationFile> files) {
        Key key =
                new Key(target.dialect().name(), serverVersion(target), dev.url(), dev.schemas(), PrefixHash.of(files));
        return get(key, () -> {
            try (Database db = Database.open(dev.url(), dev.workingDirectory())) {
                if (!db.dialect().name().equals(target.dialect().name())) {
                    throw new DriftException("the dev database " + db.url() + " is "
                            + db.dialect().name() + ", the database " + target.url() + " is "
                            + target.dialect().name());
                }
                List<String> schemas = db.boundSchema().isPresent() ? List.of() : dev.schemas();
                try (MigrationLock lock = MigrationLock.acquire(db, MigrationLock.DIFF, dev.lockTimeout())) {
                    return DirReplay.replay(db, files, schemas);
                }
            }
        });
    }

    private static String serverVersion(Database db) {
        try {
            @Nullable String version = db.connection().getMetaData().getDatabaseProductVersion();
            return version == null ? "" : version;
        } catch (SQLException e) {
            return "";
        }
    }

    /** Returns how many states were built: replays of a directory on a dev database. */
    public int replays() {
        return replays.get();
    }

    /** Returns how many checks were given a state another check had built (or was building). */
    public int hits() {
        return hits.get();
    }

    /** Returns how many states are kept. */
    public int size() {
        return states.size();
    }

    /** Forgets every state, so that the next checks replay again (the directory changed under a long-lived agent). */
    public void clear() {
        states.clear();
    }

    private static Realm join(CompletableFuture<Realm> future) {
        try {
            return future.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
