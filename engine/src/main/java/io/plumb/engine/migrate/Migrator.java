package io.plumb.engine.migrate;

import io.plumb.engine.db.Database;
import io.plumb.engine.db.SqlErrors;
import io.plumb.engine.devdb.UserTables;
import io.plumb.engine.schema.Realm;
import io.plumb.engine.schema.Schema;
import io.plumb.engine.schema.Table;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@code Migrator} applies a migration directory to a database (reference 4.4): it checks the directory against
 * {@code atlas.sum}, takes the migration lock (unless told the database is private), works out the pending files
 * from the revisions table, and runs them under the chosen transaction mode, recording every file in the revisions
 * table.
 *
 * <p>Everything that can be refused is refused before the first statement runs: a broken checksum, an unclean
 * database, out-of-order files, a malformed pending file, an edited partly applied file.
 */
public final class Migrator {

    private final Database db;
    private final MigrationDir dir;
    private final ApplyOptions options;
    private final Clock clock;

    public Migrator(Database db, MigrationDir dir, ApplyOptions options) {
        this(db, dir, options, Clock.systemUTC());
    }

    Migrator(Database db, MigrationDir dir, ApplyOptions options, Clock clock) {
        this.db = db;
        this.dir = dir;
        this.options = options;
        this.clock = clock;
    }

    /**
     * Returns how the directory and the database's revisions compare, without changing anything.
     *
     * @throws ChecksumException when the directory does not match its {@code atlas.sum}
     */
    public History history() {
        List<MigrationFile> files = dir.validate();
        return History.of(files, store().readAll(), options.execOrder());
    }

    /**
     * Applies the pending files, reporting progress to a listener. A failing statement does not throw: the report
     * carries the error, after the listener has seen the summary.
     *
     * @throws MigrateException when the run is refused before any statement runs
     */
    public ApplyReport apply(ApplyListener listener) {
        List<MigrationFile> files = dir.validate();
        try (MigrationLock lock = options.locked()
                ? MigrationLock.acquire(db, MigrationLock.APPLY, options.lockTimeout())
                : MigrationLock.none()) {
            RevisionStore store = store();
            List<Revision> revisions = store.readAll();
            Optional<Revision> baseline = Optional.empty();
            if (revisions.isEmpty()) {
                baseline = startHistory(files);
                revisions = baseline.map(List::of).orElse(List.of());
            }
            History history = History.of(files, revisions, options.execOrder());
            if (options.execOrder() == ExecOrder.LINEAR) {
                history.requireLinear();
            }
            List<MigrationScript> scripts = prepare(limit(history.pending()), history.resume());
            // A statement a killed run left in flight either took effect or did not; resolved before anything runs.
            Optional<Revision> resume =
                    history.resume().map(revision -> InFlight.resolve(db, scripts.get(0), revision));
            // Nothing was written until every check passed: a refused run leaves the database as it was. The table
            // is created by the first revision write, inside the first file's transaction, or now for a dry run,
            // which creates it as the reference tool does.
            if (options.dryRun()) {
                store.init();
            }
            baseline.ifPresent(store::write);
            String current = history.last().map(Revision::version).orElse("");
            if (scripts.isEmpty()) {
                Instant now = clock.instant();
                return new ApplyReport(
                        List.of(),
                        List.of(),
                        current,
                        current,
                        now,
                        now,
                        Optional.empty(),
                        new ApplyReport.Counts(0, 0, 0, 0, 0, 0, 0));
            }
            SumFile sum = dir.readSum().orElseGet(() -> SumFile.compute(files));
            FileRunner runner = new FileRunner(db, store, options, clock, listener);
            return runner.run(scripts, resume, sum, current);
        }
    }

    /** Returns the pending files this run applies: up to the target version, and at most the amount. */
    private List<MigrationFile> limit(List<MigrationFile> pending) {
        List<MigrationFile> limited = pending;
        if (options.target().isPresent()) {
            String version = options.target().get();
            int at = 0;
            while (at < pending.size() && !pending.get(at).version().equals(version)) {
                at++;
            }
            if (at == pending.size()) {
                throw new MigrateException("migration version \"" + version + "\" is not pending on the database"
                        + (pending.isEmpty()
                                ? ""
                                : ": the pending files start at version \""
                                        + pending.get(0).version() + "\""));
            }
            limited = pending.subList(0, at + 1);
        }
        if (options.amount() > 0 && limited.size() > options.amount()) {
            limited = limited.subList(0, options.amount());
        }
        return limited;
    }

    /** Returns the baseline revision to write, or checks that a database without history is clean. */
    private Optional<Revision> startHistory(List<MigrationFile> files) {
        if (options.baseline().isPresent()) {
            String version = options.baseline().get();
            MigrationFile file = files.stream()
                    .filter(f -> f.version().equals(version))
                    .findFirst()
                    .orElseThrow(() -> new MigrateException("baseline version \"" + version + "\" not found"));
            String hash = SumFile.compute(files).hashOf(file.name()).orElse("");
            Revision baseline = Revision.started(file, 0, hash, clock.instant(), options.operatorVersion())
                    .withType(Revision.BASELINE);
            return Optional.of(baseline);
        }
        if (!options.allowDirty()) {
            requireClean();
        }
        return Optional.empty();
    }

    private void requireClean() {
        if (!db.dialect().name().equals("sqlite")) {
            // The catalog answers without the dialect's inspector, and knows PostgreSQL's empty public schema is clean.
            for (UserTables.Name table : UserTables.of(db)) {
                if (!table.table().equals(RevisionStore.TABLE)) {
                    throw notClean(table.table(), table.schema());
                }
            }
            return;
        }
        Realm realm = db.inspect(List.of());
        for (Schema schema : realm.schemas()) {
            for (Table table : schema.tables()) {
                if (!table.name().equals(RevisionStore.TABLE)) {
                    throw notClean(table.name(), schema.name());
                }
            }
        }
    }

    private static MigrateException notClean(String table, String schema) {
        return new MigrateException("sql/migrate: connected database is not clean: found table \"" + table
                + "\" in schema \"" + schema + "\". baseline version or allow-dirty is required");
    }

    /** Reads every pending file and checks what can be checked before the first statement runs. */
    private List<MigrationScript> prepare(List<MigrationFile> pending, Optional<Revision> resume) {
        ScannerOptions scanner = ScannerOptions.forDialect(db.dialect().name());
        List<MigrationScript> scripts = new ArrayList<>();
        for (MigrationFile file : pending) {
            MigrationScript script = MigrationScript.parse(file, scanner);
            TxModes.effective(options.txMode(), script);
            scripts.add(script);
        }
        resume.ifPresent(revision -> verifyPartialHashes(scripts.get(0), revision));
        return scripts;
    }

    private static void verifyPartialHashes(MigrationScript script, Revision revision) {
        List<String> now = PartialHashes.of(script.statements(), revision.applied());
        List<String> stored = revision.partialHashes();
        if (script.statements().size() < revision.applied()) {
            throw new MigrateException(
                    "sql/migrate: history changed: file \"" + script.file().name() + "\" has "
                            + script.statements().size() + " statements, but " + revision.applied() + " were applied");
        }
        for (int i = 0; i < stored.size() && i < now.size(); i++) {
            if (!stored.get(i).equals(now.get(i))) {
                throw new MigrateException("sql/migrate: history changed: statement " + (i + 1) + " from file \""
                        + script.file().name() + "\" changed");
            }
        }
    }

    private RevisionStore store() {
        return RevisionStore.of(db, options.revisionsSchema());
    }

    /** Rolls back the connection's transaction, keeping the first error as the one reported. */
    static void rollback(Connection connection) {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
        } catch (SQLException e) {
            // The statement's error is what the user needs; a failed rollback is followed by closing the connection.
        }
    }

    static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    static String message(SQLException e) {
        return SqlErrors.message(e);
    }
}
