package io.plumb.junit.internal;

import io.plumb.engine.cache.MigrationSnapshotKey;
import io.plumb.engine.cache.SnapshotCache;
import io.plumb.engine.db.Database;
import io.plumb.engine.db.DatabaseUrl;
import io.plumb.engine.devdb.IsolatedDatabase;
import io.plumb.engine.devdb.Isolation;
import io.plumb.engine.devdb.Snapshot;
import io.plumb.engine.dialect.Dialect;
import io.plumb.engine.dialect.PlanOptions;
import io.plumb.engine.migrate.ApplyListener;
import io.plumb.engine.migrate.ApplyOptions;
import io.plumb.engine.migrate.ApplyReport;
import io.plumb.engine.migrate.ChecksumException;
import io.plumb.engine.migrate.DirFormat;
import io.plumb.engine.migrate.MigrationDir;
import io.plumb.engine.migrate.MigrationFile;
import io.plumb.engine.migrate.Migrator;
import io.plumb.engine.migrate.PrefixHash;
import io.plumb.engine.plan.Plan;
import io.plumb.engine.plan.PlanExecutor;
import io.plumb.engine.schema.Realm;
import io.plumb.engine.schema.SchemaChange;
import io.plumb.engine.source.SourceLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * {@code DatabaseTemplates} hands out the databases of {@code @PlumbDatabase}: one {@link Isolation} per dev URL,
 * and per starting state (a desired schema, or a version of a migration directory) a {@link Snapshot} built once,
 * which every test that asks for that state gets a clone of. It lives in the root extension context's store, so it
 * serves the whole engine run and drops the snapshots and closes the isolations when the run ends.
 */
public final class DatabaseTemplates implements ExtensionContext.Store.CloseableResource, AutoCloseable {

    /** What revisions written while migrating a template record as their operator. */
    static final String OPERATOR = "Plumb JUnit";

    private final Path workingDirectory;
    private final Optional<SnapshotCache> cache;
    private final Map<String, Isolation> isolations = new ConcurrentHashMap<>();
    private final Map<StartingState, Snapshot> snapshots = new ConcurrentHashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    /** Creates the templates of a run whose relative paths resolve against this directory, with no cache. */
    public DatabaseTemplates(Path workingDirectory) {
        this(workingDirectory, Optional.empty());
    }

    /**
     * Creates the templates of a run whose relative paths resolve against this directory. With a cache, a state
     * migrated from a directory on a dev database whose snapshots have an image (SQLite) is looked up in the cache
     * before it is migrated, and written to it after, so that a later run of an unchanged directory migrates nothing.
     */
    public DatabaseTemplates(Path workingDirectory, Optional<SnapshotCache> cache) {
        this.workingDirectory = workingDirectory;
        this.cache = cache;
    }

    /**
     * The state a database starts at.
     *
     * @param devUrl the dev URL the database is isolated on
     * @param schema the desired schema's sources, comma-separated, or empty
     * @param migrations the migration directory's URL or path, or empty
     * @param version the directory's version to migrate to, or empty for the latest
     */
    public record StartingState(String devUrl, String schema, String migrations, String version) {

        /** Returns whether the database starts empty. */
        boolean empty() {
            return schema.isEmpty() && migrations.isEmpty();
        }

        /** Describes the state for messages: where the database is made and what it starts at, without secrets. */
        public String describe() {
            String on = "on " + DatabaseUrl.redactUrl(devUrl);
            if (!schema.isEmpty()) {
                return on + " at schema " + schema;
            }
            if (!migrations.isEmpty()) {
                return on + " from migrations " + migrations + " at version "
                        + (version.isEmpty() ? "latest" : version);
            }
            return on;
        }
    }

    /**
     * Returns a new database at the given state; closing it drops it.
     *
     * @throws IllegalArgumentException when the state is not one a database can be brought to (both a schema and
     *     migrations, a version without migrations, an unknown version)
     * @throws RuntimeException the engine's errors when the schema or directory does not load or apply
     */
    public IsolatedDatabase database(StartingState state) {
        if (!state.schema().isEmpty() && !state.migrations().isEmpty()) {
            throw new IllegalArgumentException("set either schema or migrations, not both");
        }
        if (state.migrations().isEmpty() && !state.version().isEmpty()) {
            throw new IllegalArgumentException("version \"" + state.version() + "\" needs a migrations directory");
        }
        Isolation isolation = isolation(state.devUrl());
        if (state.empty()) {
            return isolation.fresh();
        }
        return isolation.clone(snapshot(isolation, state));
    }

    private Isolation isolation(String devUrl) {
        if (closed.get()) {
            throw new IllegalStateException("the run's databases were closed");
        }
        return isolations.computeIfAbsent(
                devUrl,
                url -> Progress.around(Progress.describeStart(url), () -> Isolation.open(url, workingDirectory)));
    }

    // Built once per state: computeIfAbsent holds the state's bin while building, so a second test waits for it.
    private Snapshot snapshot(Isolation isolation, StartingState state) {
        return snapshots.computeIfAbsent(state, key -> {
            if (!key.schema().isEmpty()) {
                try (IsolatedDatabase db = isolation.fresh()) {
                    createSchema(isolation, db, key.schema());
                    return isolation.snapshot(db);
                }
            }
            return migrated(isolation, key.migrations(), key.version());
        });
    }

    /**
     * Checks a directory against its {@code atlas.sum}; a directory without one (a Flyway or Liquibase directory not
     * yet hashed) is refused with the command that writes it, which a test run alone does not say.
     */
    private static MigrationDir pinned(MigrationDir dir) {
        try {
            return dir.pinned();
        } catch (ChecksumException e) {
            if (dir.readSum().isPresent()) {
                throw e;
            }
            String url = "file://" + dir.display()
                    + (dir.format() == DirFormat.ATLAS
                            ? ""
                            : "?format=" + dir.format().id());
            throw new IllegalStateException(
                    e.getMessage() + " in " + dir.display() + ": write it once with plumb migrate hash --dir '" + url
                            + "' (and again after each new file), so that an edited migration is caught",
                    e);
        }
    }

    // A directory migrated to a version: from the cache when it holds that prefix, else migrated and cached.
    private Snapshot migrated(Isolation isolation, String migrations, String version) {
        String url = migrations.contains("://") ? migrations : "file://" + migrations;
        // Checked against its atlas.sum first, so that a cached state is never handed out for a directory that a
        // migration would refuse.
        MigrationDir dir = pinned(MigrationDir.open(url, workingDirectory));
        List<MigrationFile> files = dir.files();
        Optional<String> target =
                version.isEmpty() || version.equals("latest") ? Optional.empty() : Optional.of(version);
        int last = files.size() - 1;
        if (target.isPresent()) {
            last = indexOf(files, target.get())
                    .orElseThrow(() -> new IllegalArgumentException("migration version \"" + target.get()
                            + "\" not found in " + dir.display() + " (its versions: "
                            + files.stream().map(MigrationFile::version).collect(Collectors.joining(", ")) + ")"));
        }
        Optional<String> key =
                last >= 0 && cache.isPresent() && isolation.imageFormat().isPresent()
                        ? Optional.of(cacheKey(isolation, dir, files, last))
                        : Optional.empty();
        if (key.isPresent()) {
            Optional<byte[]> image = cache.orElseThrow().get(key.get());
            if (image.isPresent()) {
                return isolation.load(image.get());
            }
        }
        Snapshot snapshot;
        try (IsolatedDatabase db = isolation.fresh()) {
            migrate(db, dir, target);
            snapshot = isolation.snapshot(db);
        }
        if (key.isPresent()) {
            cache.orElseThrow().put(key.get(), isolation.image(snapshot));
        }
        return snapshot;
    }

    private void createSchema(Isolation isolation, IsolatedDatabase target, String schema) {
        List<String> sources = Arrays.stream(schema.split(","))
                .map(String::trim)
                .filter(source -> !source.isEmpty())
                .collect(Collectors.toList());
        Plan plan;
        // SQL sources run on a dev database, and HCL ones are normalised through one: a throwaway one.
        try (IsolatedDatabase dev = isolation.fresh()) {
            Dialect dialect = dev.database().dialect();
            Realm realm =
                    new SourceLoader(workingDirectory, Map.of(), System::getenv).load(sources, dialect, dev.database());
            List<SchemaChange> changes = SchemaChange.createAll(realm);
            if (dialect.name().equals("mysql")) {
                // A MySQL database here is a schema of a name of its own: the desired schema's attributes stay the
                // server's.
                changes = changes.stream()
                        .filter(change -> !(change instanceof SchemaChange.ModifySchema))
                        .collect(Collectors.toList());
            }
            plan = dialect.planner().plan(changes, PlanOptions.defaults());
        }
        PlanExecutor.execute(target.database().connection(), plan);
    }

    private static String cacheKey(Isolation isolation, MigrationDir dir, List<MigrationFile> files, int last) {
        return new MigrationSnapshotKey(
                        isolation.imageFormat().orElseThrow(),
                        dir.format().id(),
                        "",
                        OPERATOR,
                        files.get(last).name(),
                        PrefixHash.of(files.subList(0, last + 1)))
                .text();
    }

    private static Optional<Integer> indexOf(List<MigrationFile> files, String version) {
        for (int i = 0; i < files.size(); i++) {
            if (files.get(i).version().equals(version)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    private static void migrate(IsolatedDatabase target, MigrationDir dir, Optional<String> version) {
        ApplyOptions options = ApplyOptions.defaults(OPERATOR).withoutLock();
        if (version.isPresent()) {
            options = options.withTarget(version.get());
        }
        Database database = target.database();
        ApplyReport report = new Migrator(database, dir, options).apply(new ApplyListener() {});
        Optional<String> error = report.error();
        if (error.isPresent()) {
            throw new IllegalStateException("migrating " + dir.display() + " failed: " + error.get());
        }
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        List<RuntimeException> failures = new ArrayList<>();
        snapshots.values().forEach(snapshot -> closeQuietly(snapshot, failures));
        snapshots.clear();
        isolations.values().forEach(isolation -> closeQuietly(isolation, failures));
        isolations.clear();
        if (!failures.isEmpty()) {
            RuntimeException first = failures.get(0);
            failures.subList(1, failures.size()).forEach(first::addSuppressed);
            throw first;
        }
    }

    private static void closeQuietly(AutoCloseable resource, List<RuntimeException> failures) {
        try {
            resource.close();
        } catch (RuntimeException e) {
            failures.add(e);
        } catch (Exception e) {
            failures.add(new IllegalStateException(e.getMessage(), e));
        }
    }
}
