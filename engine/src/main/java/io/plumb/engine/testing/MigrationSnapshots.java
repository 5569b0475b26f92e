package io.plumb.engine.testing;

import io.plumb.engine.cache.MigrationSnapshotKey;
import io.plumb.engine.cache.SnapshotCache;
import io.plumb.engine.db.DatabaseException;
import io.plumb.engine.devdb.IsolatedDatabase;
import io.plumb.engine.devdb.Isolation;
import io.plumb.engine.devdb.Snapshot;
import io.plumb.engine.hcl.Pos;
import io.plumb.engine.migrate.ApplyListener;
import io.plumb.engine.migrate.ApplyOptions;
import io.plumb.engine.migrate.ApplyReport;
import io.plumb.engine.migrate.MigrateException;
import io.plumb.engine.migrate.MigrationDir;
import io.plumb.engine.migrate.Migrator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * {@code MigrationSnapshots} runs the {@code migrate} commands of migration tests, so that no prefix of the
 * directory is replayed twice in a run: the state after migrating an empty database to version N is kept as a
 * snapshot keyed by the prefix's hash, and a database that still holds such a state (nothing but {@code migrate}
 * and {@code log} ran on it) is restored from the snapshot of its target, or from the nearest lower one and
 * migrated from there, rather than migrated from where it is. Migrating on from a snapshot keeps every target it
 * passes, so each file of the directory is applied at most once to build the states that cases start from.
 *
 * <p>Only the versions cases start from are kept: before a test file's first case runs, its cases are read for the
 * versions they migrate an empty database to ({@link MigrationTargets}), and a run up to one target snapshots the
 * others it passes. Every version is not worth its copy: the image of a migrated database grows with the directory
 * (2.6 MB after the 200 files of {@code bench/run tests}), so copying, keeping and caching each of 200 versions cost
 * as much as applying the files. A target no scan found is still built, from the nearest lower snapshot.
 *
 * <p>Each snapshot is built once: the first case to need it builds it, and a case needing it meanwhile waits.
 * Snapshots include the revisions table, so a restored database migrates on from the right version.
 *
 * <p>With a {@link SnapshotCache} (and a dev database whose snapshots have an image: SQLite), every snapshot built is
 * also written to the cache, in the background, and a snapshot missing from the run is looked up there before it
 * is built, so that a second run of an unchanged directory replays nothing. An entry's key is a {@link
 * MigrationSnapshotKey}: the prefix's running hash, the directory's format, the revisions schema and operator, the
 * SQLite library and the dev URL's connection parameters.
 */
final class MigrationSnapshots implements AutoCloseable {

    /** What the revisions written by migration tests give as their operator. */
    static final String OPERATOR = "Plumb test";

    private final TestSetup setup;
    private final ApplyListener listener;
    private final Map<String, CompletableFuture<Optional<Snapshot>>> snapshots = new ConcurrentHashMap<>();
    private final AtomicInteger created = new AtomicInteger();
    private final AtomicInteger reused = new AtomicInteger();
    private final AtomicInteger cached = new AtomicInteger();
    private final Optional<SnapshotCache> cache;
    // The versions the planned files' cases migrate an empty database to: the ones worth a snapshot.
    private final Set<String> targets = ConcurrentHashMap.newKeySet();
    private final Set<TestFile> planned = new HashSet<>();
    private @Nullable Predicate<String> listed;
    private @Nullable MigrationPrefixes prefixes;
    private @Nullable ExecutorService writer;

    MigrationSnapshots(TestSetup setup, ApplyListener listener) {
        this.setup = setup;
        this.listener = listener;
        this.cache = setup.cache();
    }

    /**
     * Migrates a case's database up to and including a version.
     *
     * @param from the index of the last file applied to the database, -1 for none
     * @param pristine whether the database holds exactly what migrating an empty database to {@code from} gives
     * @return the index of the target version's file
     * @throws CommandFailedException when the version is unknown or lower than the database's, or a file fails
     * @throws MigrateException when the directory does not load (a set-up failure, not the case's)
     */
    int migrate(Isolation isolation, IsolatedDatabase db, int from, boolean pristine, Command.Migrate command) {
        MigrationPrefixes dir = prefixes();
        int target = dir.indexOf(command.to())
                .orElseThrow(() -> CommandFailedException.at(
                        command.pos(),
                        "migration version \"" + command.to() + "\" not found in "
                                + dir.dir().display()));
        if (target < from) {
            throw CommandFailedException.at(
                    command.pos(),
                    "cannot migrate down to version \"" + command.to() + "\": the database is at version \""
                            + dir.files().get(from).version() + "\"");
        }
        if (target == from) {
            return target;
        }
        if (pristine && setup.snapshots()) {
            fromSnapshots(isolation, db, dir, from, target, command.pos());
        } else {
            apply(db, dir, target, command.pos(), listener);
        }
        return target;
    }

    /**
     * Notes the versions a test file's cases migrate to from an empty database, once per file, so that runs passing
     * them keep their snapshots; cases of the file wait until it is planned. Without snapshots it does nothing.
     */
    void plan(TestFile file) {
        if (!setup.snapshots()) {
            return;
        }
        synchronized (planned) {
            if (planned.add(file)) {
                targets.addAll(MigrationTargets.of(file, setup.devUrl()));
            }
        }
    }

    SnapshotStats stats() {
        return new SnapshotStats(created.get(), reused.get(), cached.get());
    }

    private void fromSnapshots(
            Isolation isolation, IsolatedDatabase db, MigrationPrefixes dir, int from, int target, Pos pos) {
        CompletableFuture<Optional<Snapshot>> mine = new CompletableFuture<>();
        CompletableFuture<Optional<Snapshot>> existing =
                snapshots.putIfAbsent(dir.keys().get(target), mine);
        if (existing != null) {
            Optional<Snapshot> snapshot = existing.join();
            if (snapshot.isPresent()) {
                isolation.restore(db, snapshot.get());
                reused.incrementAndGet();
            } else {
                // Building it failed in another case; this one fails the same way, at its own command.
                apply(db, dir, target, pos, listener);
            }
            return;
        }
        try {
            Optional<Snapshot> stored = loadCached(isolation, dir, target);
            if (stored.isPresent()) {
                isolation.restore(db, stored.get());
                cached.incrementAndGet();
                mine.complete(stored);
                return;
            }
            int base = from;
            for (int i = target - 1; i > from; i--) {
                CompletableFuture<Optional<Snapshot>> kept =
                        snapshots.get(dir.keys().get(i));
                Optional<Snapshot> lower = done(kept);
                if (lower.isPresent()) {
                    isolation.restore(db, lower.get());
                    reused.incrementAndGet();
                    base = i;
                    break;
                }
                if (kept == null && listed(isolation, dir, i)) {
                    lower = cachedLower(isolation, dir, i);
                    if (lower.isPresent()) {
                        isolation.restore(db, lower.get());
                        base = i;
                        break;
                    }
                }
            }
            if (isolation.snapshotsDuringRuns()) {
                // One run up to the target that keeps the other targets it commits on the way, so that no later
                // case replays any of them.
                ApplyListener keeping = new KeepingListener(listener, file -> {
                    int index = dir.indexOf(file.version()).orElse(target);
                    if (index < target && isTarget(dir, index)) {
                        keep(isolation, db, dir, index);
                    }
                });
                apply(db, dir, target, pos, keeping);
            } else {
                // A run per target on the way, keeping each between runs, where a snapshot needs the database idle.
                for (int next = base + 1; next < target; next++) {
                    if (isTarget(dir, next)) {
                        apply(db, dir, next, pos, listener);
                        keep(isolation, db, dir, next);
                    }
                }
                apply(db, dir, target, pos, listener);
            }
            Snapshot built = isolation.snapshot(db);
            mine.complete(Optional.of(built));
            created.incrementAndGet();
            store(isolation, dir, target, built);
        } catch (RuntimeException e) {
            snapshots.remove(dir.keys().get(target), mine);
            mine.complete(Optional.empty());
            throw e;
        }
    }

    private boolean isTarget(MigrationPrefixes dir, int index) {
        return targets.contains(dir.files().get(index).version());
    }

    // Keeps the state of an intermediate version, unless another case has kept (or is keeping) it already.
    private void keep(Isolation isolation, IsolatedDatabase db, MigrationPrefixes dir, int index) {
        CompletableFuture<Optional<Snapshot>> intermediate = new CompletableFuture<>();
        if (snapshots.putIfAbsent(dir.keys().get(index), intermediate) == null) {
            Snapshot snapshot = isolation.snapshot(db);
            intermediate.complete(Optional.of(snapshot));
            created.incrementAndGet();
            store(isolation, dir, index, snapshot);
        }
    }

    // The cache's key of a prefix's snapshot, when the run has a cache and the dev database's snapshots an image.
    private Optional<String> cacheKey(Isolation isolation, MigrationPrefixes dir, int index) {
        if (cache.isEmpty()) {
            return Optional.empty();
        }
        return isolation.imageFormat().map(format -> new MigrationSnapshotKey(
                        format,
                        dir.dir().format().id(),
                        setup.revisionsSchema().orElse(""),
                        OPERATOR,
                        dir.files().get(index).name(),
                        dir.keys().get(index))
                .text());
    }

    private Optional<Snapshot> loadCached(Isolation isolation, MigrationPrefixes dir, int index) {
        Optional<String> key = cacheKey(isolation, dir, index);
        if (key.isEmpty() || !cache.orElseThrow().contains(key.get())) {
            return Optional.empty();
        }
        return cache.orElseThrow().get(key.get()).map(isolation::load);
    }

    // Whether the cache held an entry for a prefix when this run first looked: one listing of the directory rather
    // than a lookup for each of the many versions below a target that no run kept. An entry another JVM writes later
    // is missed, which costs only its rebuild.
    private boolean listed(Isolation isolation, MigrationPrefixes dir, int index) {
        Optional<String> key = cacheKey(isolation, dir, index);
        if (key.isEmpty()) {
            return false;
        }
        Predicate<String> present;
        synchronized (this) {
            if (listed == null) {
                try {
                    listed = cache.orElseThrow().listing();
                } catch (RuntimeException e) {
                    // A directory that cannot be listed: look up nothing below targets.
                    listed = k -> false;
                }
            }
            present = listed;
        }
        return present.test(key.get());
    }

    // A lower version's snapshot from the cache, kept for the rest of the run as if built in it.
    private Optional<Snapshot> cachedLower(Isolation isolation, MigrationPrefixes dir, int index) {
        Optional<Snapshot> loaded = loadCached(isolation, dir, index);
        if (loaded.isEmpty()) {
            return loaded;
        }
        if (snapshots.putIfAbsent(dir.keys().get(index), CompletableFuture.completedFuture(loaded)) != null) {
            // Another case kept it meanwhile: use its snapshot when it is done.
            loaded.get().close();
            return done(snapshots.get(dir.keys().get(index)));
        }
        cached.incrementAndGet();
        return loaded;
    }

    // Writes a snapshot's image to the cache in the background; close() waits for the writes.
    private void store(Isolation isolation, MigrationPrefixes dir, int index, Snapshot snapshot) {
        Optional<String> key = cacheKey(isolation, dir, index);
        if (key.isEmpty()) {
            return;
        }
        SnapshotCache target = cache.orElseThrow();
        byte[] image = isolation.image(snapshot);
        writer().execute(() -> target.put(key.get(), image));
    }

    private synchronized ExecutorService writer() {
        if (writer == null) {
            writer = Executors.newSingleThreadExecutor(task -> {
                Thread thread = new Thread(task, "plumb-snapshot-cache");
                thread.setDaemon(true);
                return thread;
            });
        }
        return writer;
    }

    // A snapshot still being built by another case is not waited for: the nearest lower one, or none, will do.
    private static Optional<Snapshot> done(@Nullable CompletableFuture<Optional<Snapshot>> future) {
        if (future == null || !future.isDone()) {
            return Optional.empty();
        }
        return future.join();
    }

    private void apply(IsolatedDatabase db, MigrationPrefixes dir, int target, Pos pos, ApplyListener events) {
        // The case's database is private while the command runs (a program given its URL runs between commands,
        // not during one), so no other run can contend for the migration lock.
        ApplyOptions options = ApplyOptions.defaults(OPERATOR)
                .withRevisionsSchema(setup.revisionsSchema())
                .withTarget(dir.files().get(target).version())
                .withoutLock();
        try {
            ApplyReport report = new Migrator(db.database(), dir.dir(), options).apply(events);
            if (report.error().isPresent()) {
                throw CommandFailedException.at(
                        pos, describe(report, report.error().get()));
            }
        } catch (MigrateException | DatabaseException e) {
            throw CommandFailedException.at(pos, String.valueOf(e.getMessage()));
        }
    }

    // The wording of migrate diff's replay for a failing statement, so that one failure reads the same everywhere.
    private static String describe(ApplyReport report, String error) {
        List<ApplyReport.AppliedFile> applied = report.applied();
        if (applied.isEmpty()) {
            return error;
        }
        ApplyReport.AppliedFile last = applied.get(applied.size() - 1);
        if (last.error().isEmpty()) {
            return error;
        }
        String version = last.file().version();
        ApplyReport.FileError failure = last.error().get();
        if (last.statements().isEmpty() && report.counts().anyChecks()) {
            return "pre-migration checks of version \"" + version + "\" failed: " + failure.text();
        }
        return "executing statement \"" + failure.statement() + "\" from version \"" + version + "\": "
                + failure.text();
    }

    private synchronized MigrationPrefixes prefixes() {
        if (prefixes == null) {
            String url = setup.migrationDir().orElse(MigrationDir.DEFAULT_URL);
            prefixes = MigrationPrefixes.of(MigrationDir.open(url, setup.workingDirectory()));
        }
        return prefixes;
    }

    /** Drops every snapshot, once the cache holds those it is being written; then bounds the cache's size. */
    @Override
    public void close() {
        ExecutorService writes;
        synchronized (this) {
            writes = writer;
            writer = null;
        }
        if (writes != null) {
            writes.shutdown();
            try {
                while (!writes.awaitTermination(1, TimeUnit.MINUTES)) {
                    // Writing a large image to a slow disk: the next run needs it whole, so keep waiting.
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                writes.shutdownNow();
            }
            try {
                cache.orElseThrow().evict();
            } catch (RuntimeException e) {
                // A cache directory that cannot be listed is bounded by the next run that can.
            }
        }
        for (CompletableFuture<Optional<Snapshot>> future : snapshots.values()) {
            done(future).ifPresent(Snapshot::close);
        }
        snapshots.clear();
    }
}
