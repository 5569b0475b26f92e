package io.plumb.engine.testing;

/**
 * {@code SnapshotStats} count what migration tests did with snapshots of migrated dev databases.
 *
 * @param created snapshots taken after migrating a prefix of the directory for the first time
 * @param reused cases (or snapshots) that started from an existing snapshot instead of replaying its prefix
 */
public record SnapshotStats(int created, int reused) {}
