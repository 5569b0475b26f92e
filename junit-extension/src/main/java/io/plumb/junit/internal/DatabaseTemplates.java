package io.plumb.junit.internal;

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
import io.plumb.engine.migrate.MigrationDir;
import io.plumb.engine.migrate.MigrationFile;
import io.plumb.engine.migrate.Migrator;
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
    private final Map<String, Isolation> isolations = new ConcurrentHashMap<>();
    private final Map<StartingState, Snapshot> snapshots = new ConcurrentHashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    /** Creates the templates of a run whose relative paths resolve against this directory. */
    public DatabaseTemplates(Path workingDirectory) {
        this.workingDirectory = workingDirectory;
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
            try (IsolatedDatabase db = isolation.fresh()) {
                if (!key.schema().isEmpty()) {
                    createSchema(isolation, db, key.schema());
                } else {
                    migrate(db, key.migrations(), key.version());
                }
                return isolation.snapshot(db);
            }
        });
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

    private void migrate(IsolatedDatabase target, String migrations, String version) {
        String url = migrations.contains("://") ? migrations : "file://" + migrations;
        MigrationDir dir = MigrationDir.open(url, workingDirectory);
        ApplyOptions options = ApplyOptions.defaults(OPERATOR).withoutLock();
        if (!version.isEmpty() && !version.equals("latest")) {
            List<String> versions =
                    dir.files().stream().map(MigrationFile::version).collect(Collectors.toList());
            if (!versions.contains(version)) {
                throw new IllegalArgumentException("migration version \"" + version + "\" not found in " + dir.display()
                        + " (its versions: " + String.join(", ", versions) + ")");
            }
            options = options.withTarget(version);
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
