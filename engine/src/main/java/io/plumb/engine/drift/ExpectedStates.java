package io.plumb.engine.drift;

import io.plumb.engine.schema.Realm;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

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
