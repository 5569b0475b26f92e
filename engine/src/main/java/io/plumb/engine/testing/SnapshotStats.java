package io.plumb.engine.testing;

/**
 * {@code SnapshotStats} count what migration tests did with snapshots of migrated dev databases.
 *
 * @param created snapshots taken after migrating a prefix of the directory for the first time
 * @param reused cases (or snapshots) that started from an existing snapshot instead of replaying its prefix
 * @param cached snapshots loaded from the cache of an earlier run instead of being built
 */
public record SnapshotStats(int created, int reused, int cached) {

    /** Returns stats of a run that loaded nothing from the cache. */
    public SnapshotStats(int created, int reused) {
        this(created, reused, 0);
    }
}
