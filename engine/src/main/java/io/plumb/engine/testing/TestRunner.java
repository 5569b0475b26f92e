package io.plumb.engine.testing;

import io.plumb.engine.devdb.IsolatedDatabase;
import io.plumb.engine.devdb.Isolation;
import io.plumb.engine.hcl.HclException;
import io.plumb.engine.migrate.ApplyListener;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A {@code TestRunner} runs test cases on isolated dev databases: a schema-test case on a fresh database holding
 * the desired schema, a migration-test case on a fresh empty one that its {@code migrate} commands migrate,
 * starting from snapshots of prefixes migrated before. It is safe to call from several threads.
 *
 * <p>The rules each command follows are in {@code engine/TESTING.md}.
 */
public final class TestRunner implements AutoCloseable {

    private final TestSetup setup;
    private final DesiredSchema desiredSchema;
    private final MigrationSnapshots migrations;
    private @Nullable Isolation isolation;
    private boolean closed;

    /** Creates a runner; nothing is opened until the first case runs. */
    public TestRunner(TestSetup setup) {
        this(setup, new ApplyListener() {});
    }

    /** Creates a runner that reports the migration files it applies to a listener, for tests that count them. */
    TestRunner(TestSetup setup, ApplyListener listener) {
        this.setup = setup;
        this.desiredSchema = new DesiredSchema(setup);
        this.migrations = new MigrationSnapshots(setup, listener);
    }

    /**
     * Runs one case of a block of a file. Failures of the case are in the result; set-up failures (a desired
     * schema or migration directory that does not load, an unreachable dev database) are thrown.
     */
    public CaseResult run(TestFile file, TestBlock block, TestBlock.CaseRef ref) {
        long started = System.nanoTime();
        if (block.kind() == TestKind.MIGRATE) {
            migrations.plan(file);
        }
        // A case is evaluated against the dev URL first, so that a skipped case opens no database at all; the
        // case that runs is evaluated again with its own database's URL.
        TestCase preview;
        try {
            preview = block.evaluate(ref, setup.devUrl());
        } catch (HclException e) {
            return failed(ref, block, started, e);
        }
        if (preview.skip()) {
            return result(preview, CaseStatus.SKIP, started, List.of(), Optional.empty(), List.of());
        }
        Isolation databases = isolation();
        try (IsolatedDatabase db = databases.fresh()) {
            TestCase testCase;
            try {
                testCase = block.evaluate(ref, db.url());
            } catch (HclException e) {
                return failed(ref, block, started, e);
            }
            if (testCase.kind() == TestKind.SCHEMA) {
                desiredSchema.createOn(db, databases);
            }
            CaseRun run = new CaseRun(context(databases), db, directoryOf(file));
            Optional<CaseFailure> failure = run.run(testCase.commands());
            CaseStatus status = failure.isPresent() ? CaseStatus.FAIL : CaseStatus.PASS;
            return result(testCase, status, started, run.logs(), failure, run.updates());
        }
    }

    /**
     * Returns the warning about what the desired schema of schema tests held that Plumb does not model (and the
     * cases therefore do not get), once a schema case loaded it.
     */
    public Optional<String> warning() {
        return desiredSchema.warning();
    }

    /** Returns what migration tests did with snapshots so far. */
    public SnapshotStats snapshotStats() {
        return migrations.stats();
    }

    /** Drops every database and snapshot the runner created. */
    @Override
    public void close() {
        Isolation databases;
        synchronized (this) {
            closed = true;
            databases = isolation;
            isolation = null;
        }
        migrations.close();
        if (databases != null) {
            databases.close();
        }
    }

    private synchronized Isolation isolation() {
        if (closed) {
            throw new IllegalStateException("the test runner is closed");
        }
        if (isolation == null) {
            // SQLite databases stay in memory unless a case runs a program, which is handed the database's file.
            isolation = Isolation.openInMemory(setup.devUrl(), setup.workingDirectory());
        }
        return isolation;
    }

    private CaseRun.Context context(Isolation databases) {
        return new CaseRun.Context() {
            @Override
            public TestSetup setup() {
                return setup;
            }

            @Override
            public int migrate(IsolatedDatabase db, int from, boolean pristine, Command.Migrate command) {
                return migrations.migrate(databases, db, from, pristine, command);
            }
        };
    }

    private static Path directoryOf(TestFile file) {
        Path parent = file.path().toAbsolutePath().getParent();
        return parent == null ? Path.of("/") : parent;
    }

    private static CaseResult failed(TestBlock.CaseRef ref, TestBlock block, long started, HclException e) {
        return new CaseResult(
                ref.name(),
                block.pos(),
                CaseStatus.FAIL,
                since(started),
                List.of(),
                Optional.of(CaseFailure.of(e.pos(), e.detail())),
                List.of());
    }

    private static CaseResult result(
            TestCase testCase,
            CaseStatus status,
            long started,
            List<LogLine> logs,
            Optional<CaseFailure> failure,
            List<OutputUpdate> updates) {
        return new CaseResult(testCase.name(), testCase.pos(), status, since(started), logs, failure, updates);
    }

    private static Duration since(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
    }
}
