package io.plumb.engine.drift;

import io.plumb.engine.db.Database;
import io.plumb.engine.db.DatabaseException;
import io.plumb.engine.db.InvalidUrlException;
import io.plumb.engine.diff.DiffPolicy;
import io.plumb.engine.hcl.HclException;
import io.plumb.engine.migrate.ExecOrder;
import io.plumb.engine.migrate.MigrateException;
import io.plumb.engine.migrate.MigrationDir;
import io.plumb.engine.migrate.MigrationLock;
import io.plumb.engine.source.SourceException;
import io.plumb.engine.source.SourceLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A {@code DriftCheck} tells whether one database still holds the schema it should: the state its applied
 * migrations give ({@link #migrate()}, {@code plumb migrate drift}), or a desired schema ({@link #schema(List)},
 * {@code plumb schema drift}).
 *
 * <p>{@link #migrate()} reads the revisions table, builds the state at the last applied version by replaying files
 * 1..current on the dev database (once per version and server across checks that share {@link ExpectedStates}),
 * inspects the database in the same scope and compares the two under the diff policy {@code schema diff} uses,
 * leaving out the revisions table. Files not applied yet are pending, never drift. A database without a revisions
 * table has applied nothing: its expected state is empty, so an empty database is {@code PENDING} (or {@code SYNCED}
 * for an empty directory) and one holding anything is {@code DRIFTED}.
 *
 * <p>The check is read-only. It holds the lock {@code migrate apply} takes while it reads, so a deploy in flight is
 * waited for (up to the lock timeout, then an error) rather than reported as drift. A check is immutable: many
 * checks, of many targets, run at once on any threads.
 */
public final class DriftCheck {

    /** The lock timeout when none is given, as {@code migrate apply}'s. */
    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(10);

    private final Settings settings;

    private DriftCheck(Settings settings) {
        this.settings = settings;
    }

    /**
     * What a check is made of.
     *
     * @param url the target database's URL (it may hold a password: messages redact it)
     * @param workingDirectory where relative SQLite paths and sources resolve
     * @param dir the migration directory, for {@link #migrate()}
     * @param devUrl the dev database's URL, on which expected states are built
     * @param schemas the schemas to compare (empty: the bound one, or all)
     * @param exclude globs of objects left out on both sides, as {@code --exclude} takes them
     * @param revisionsSchema the schema of the revisions table, as {@code migrate apply} takes it
     * @param policy the diff policy ({@code diff { skip { ... } }} of the project's env)
     * @param execOrder the execution order, which decides what a file added out of order is
     * @param lockTimeout how long to wait for a {@code migrate apply} in flight
     * @param states the cache of expected states, shared between checks
     * @param loader the loader of desired schemas, for {@link #schema(List)}
     */
    record Settings(
            String url,
            Path workingDirectory,
            @Nullable MigrationDir dir,
            @Nullable String devUrl,
            List<String> schemas,
            List<String> exclude,
            Optional<String> revisionsSchema,
            DiffPolicy policy,
            ExecOrder execOrder,
            Duration lockTimeout,
            ExpectedStates states,
            SourceLoader loader) {}

    /** Returns a builder of a check of the database a URL names. */
    public static Builder builder(String url) {
        return new Builder(url);
    }

    /** Returns a builder of a check of the database a parsed URL names. */
    public static Builder builder(io.plumb.engine.db.DatabaseUrl url) {
        return new Builder(url.original());
    }

    /**
     * Checks the database against the state its applied migrations give.
     *
     * @throws IllegalStateException when the check was built without a directory or a dev URL
     * @throws DriftException when the check cannot be made: a database unreachable (the URL redacted), the directory
     *     broken or not matching its {@code atlas.sum}, a file failing to replay, the lock held past the timeout
     */
    public DriftReport migrate() {
        MigrationDir dir = settings.dir();
        if (dir == null) {
            throw new IllegalStateException("migrate drift needs a migration directory");
        }
        String devUrl = requireDev();
        return guarded(() -> new MigrateDrift(settings, dir, devUrl).run());
    }

    /**
     * Checks the database against a desired schema: HCL or SQL files or directories, or a database URL, as {@code
     * schema apply --to} takes them. There is no history: the report's versions are {@code null} and nothing is
     * pending.
     *
     * @throws DriftException when the check cannot be made: a database unreachable, a source malformed ({@code
     *     file:line:col: ...})
     */
    public DriftReport schema(List<String> desired) {
        if (desired.isEmpty()) {
            throw new IllegalArgumentException("schema drift needs a desired schema");
        }
        return guarded(() -> new SchemaDrift(settings, List.copyOf(desired)).run());
    }

    private String requireDev() {
        String dev = settings.devUrl();
        if (dev == null) {
            throw new IllegalStateException("migrate drift needs a dev database URL");
        }
        return dev;
    }

    /** Opens the target, runs a check on it under the migration lock, and turns every failure into one exception. */
    static <T> T guarded(Supplier<T> check) {
        try {
            return check.get();
        } catch (DriftException e) {
            throw e;
        } catch (DatabaseException
                | InvalidUrlException
                | MigrateException
                | SourceException
                | HclException
                | io.plumb.engine.dialect.PlanException e) {
            throw new DriftException(String.valueOf(e.getMessage()), e);
        }
    }

    /** Takes the lock {@code migrate apply} takes, for as long as the check reads. */
    static MigrationLock lock(Database db, Duration timeout) {
        return MigrationLock.acquire(db, MigrationLock.APPLY, timeout);
    }

    /** A {@code Builder} collects what a check is made of; only the URL is required. */
    public static final class Builder {
        private final String url;
        private Path workingDirectory = Path.of("").toAbsolutePath();
        private @Nullable MigrationDir dir;
        private @Nullable String devUrl;
        private List<String> schemas = List.of();
        private List<String> exclude = List.of();
        private Optional<String> revisionsSchema = Optional.empty();
        private DiffPolicy policy = DiffPolicy.none();
        private ExecOrder execOrder = ExecOrder.LINEAR;
        private Duration lockTimeout = DEFAULT_LOCK_TIMEOUT;
        private @Nullable ExpectedStates states;
        private @Nullable SourceLoader loader;

        private Builder(String url) {
            this.url = url;
        }

        /** Sets where relative SQLite paths and sources resolve; the process's directory by default. */
        public Builder workingDirectory(Path value) {
            this.workingDirectory = value;
            return this;
        }

        /** Sets the migration directory ({@code MigrationDir.open("file://migrations?format=flyway", cwd)}). */
        public Builder dir(MigrationDir value) {
            this.dir = value;
            return this;
        }

        /** Sets the dev database's URL. */
        public Builder devUrl(String value) {
            this.devUrl = value;
            return this;
        }

        /** Sets the schemas to compare (empty: the bound one, or all). */
        public Builder schemas(List<String> value) {
            this.schemas = List.copyOf(value);
            return this;
        }

        /** Sets the globs of objects to leave out on both sides. */
        public Builder exclude(List<String> value) {
            this.exclude = List.copyOf(value);
            return this;
        }

        /** Sets the schema of the revisions table. */
        public Builder revisionsSchema(Optional<String> value) {
            this.revisionsSchema = value;
            return this;
        }

        /** Sets the diff policy. */
        public Builder diffPolicy(DiffPolicy value) {
            this.policy = value;
            return this;
        }

        /** Sets the execution order ({@code linear} by default). */
        public Builder execOrder(ExecOrder value) {
            this.execOrder = value;
            return this;
        }

        /** Sets how long to wait for a {@code migrate apply} in flight; {@link #DEFAULT_LOCK_TIMEOUT} by default. */
        public Builder lockTimeout(Duration value) {
            this.lockTimeout = value;
            return this;
        }

        /** Sets the cache of expected states to share with other checks; a private one by default. */
        public Builder expectedStates(ExpectedStates value) {
            this.states = value;
            return this;
        }

        /** Sets the loader of desired schemas (input variables, environment); one without variables by default. */
        public Builder sourceLoader(SourceLoader value) {
            this.loader = value;
            return this;
        }

        /** Returns the check. */
        public DriftCheck build() {
            ExpectedStates cache = states == null ? new ExpectedStates() : states;
            SourceLoader sources =
                    loader == null ? new SourceLoader(workingDirectory, Map.of(), System::getenv) : loader;
            return new DriftCheck(new Settings(
                    url,
                    workingDirectory,
                    dir,
                    devUrl,
                    schemas,
                    exclude,
                    revisionsSchema,
                    policy,
                    execOrder,
                    lockTimeout,
                    cache,
                    sources));
        }
    }
}
