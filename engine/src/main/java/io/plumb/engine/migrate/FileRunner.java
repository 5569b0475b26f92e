package io.plumb.engine.migrate;

import io.plumb.engine.db.Database;
import io.plumb.engine.migrate.ApplyReport.AppliedFile;
import io.plumb.engine.migrate.ApplyReport.FileError;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code FileRunner} executes prepared migration files under the run's transaction modes, writes their revisions
 * and counts what happened, telling a listener as it goes.
 *
 * <p>In a transaction (modes {@code file} and {@code all}) a file's revision is written once, before commit: a
 * failure or a killed process rolls back statements and revision together. Without one (mode {@code none}) the
 * revision is written after every statement, so a later run resumes where this one stopped.
 */
final class FileRunner {

    /** A unit of work that runs inside a transaction and returns the error that should roll it back. */
    private interface Work {
        Optional<String> run() throws SQLException;
    }

    private final Database db;
    private final RevisionStore store;
    private final ApplyOptions options;
    private final Clock clock;
    private final ApplyListener listener;
    private final List<AppliedFile> applied = new ArrayList<>();
    private final Tally tally = new Tally();

    FileRunner(Database db, RevisionStore store, ApplyOptions options, Clock clock, ApplyListener listener) {
        this.db = db;
        this.store = store;
        this.options = options;
        this.clock = clock;
        this.listener = listener;
    }

    ApplyReport run(List<MigrationScript> scripts, Optional<Revision> resume, SumFile sumFile, String current) {
        // One lookup per file: a list search per file would make a long directory quadratic.
        Map<String, String> sum = new HashMap<>();
        sumFile.entries().forEach(entry -> sum.put(entry.name(), entry.hash()));
        List<MigrationFile> pending =
                scripts.stream().map(MigrationScript::file).toList();
        String target = pending.get(pending.size() - 1).version();
        Instant start = clock.instant();
        listener.starting(report(pending, current, target, start, start, Optional.empty()));
        Optional<String> error;
        try {
            if (options.txMode() == TxMode.ALL && !options.dryRun() && transactionalDdl()) {
                error = inTransaction(scripts, () -> runAll(scripts, resume, sum));
            } else {
                error = runEach(scripts, resume, sum);
            }
        } catch (SQLException e) {
            error = Optional.of("sql/migrate: " + Migrator.message(e));
        }
        ApplyReport report = report(pending, current, target, start, clock.instant(), error);
        listener.finished(report);
        return report;
    }

    private Optional<String> runAll(List<MigrationScript> scripts, Optional<Revision> resume, Map<String, String> sum)
            throws SQLException {
        for (MigrationScript script : scripts) {
            Optional<String> error = runFile(script, resume, sum, true);
            if (error.isPresent()) {
                return error;
            }
        }
        return Optional.empty();
    }

    private Optional<String> runEach(List<MigrationScript> scripts, Optional<Revision> resume, Map<String, String> sum)
            throws SQLException {
        for (MigrationScript script : scripts) {
            boolean transactional = TxModes.effective(options.txMode(), script) != TxMode.NONE
                    && !options.dryRun()
                    && transactionalDdl();
            Optional<String> error = transactional
                    ? inTransaction(List.of(script), () -> runFile(script, resume, sum, true))
                    : runFile(script, resume, sum, false);
            if (error.isPresent()) {
                return error;
            }
            if (!options.dryRun()) {
                listener.fileCommitted(script.file());
            }
        }
        return Optional.empty();
    }

    /**
     * Returns whether a rollback undoes DDL. MySQL and MariaDB commit around every DDL statement, so a transaction
     * would hold only the revision writes since the last one, and a rollback would leave the revision behind the
     * schema; there every mode runs as {@code none} does, recording each statement, as the reference tool does.
     */
    private boolean transactionalDdl() {
        return !db.dialect().name().equals("mysql");
    }

    private Optional<String> inTransaction(List<MigrationScript> scripts, Work work) throws SQLException {
        Connection connection = db.connection();
        SqliteForeignKeys keys =
                SqliteForeignKeys.before(connection, db.dialect().name(), scripts);
        connection.setAutoCommit(false);
        try {
            Optional<String> error = work.run();
            if (error.isEmpty()) {
                error = keys.violation();
                error.ifPresent(tally::lastFileFailed);
            }
            if (error.isPresent()) {
                connection.rollback();
            } else {
                connection.commit();
            }
            return error;
        } catch (SQLException | RuntimeException e) {
            Migrator.rollback(connection);
            throw e;
        } finally {
            connection.setAutoCommit(true);
            keys.after();
        }
    }

    private Optional<String> runFile(
            MigrationScript script, Optional<Revision> resume, Map<String, String> sum, boolean transactional)
            throws SQLException {
        MigrationFile file = script.file();
        Instant fileStart = clock.instant();
        long started = System.nanoTime();
        Revision revision = resume.filter(r -> r.version().equals(file.version()))
                .map(r -> r.restartedAt(fileStart, options.operatorVersion()))
                .orElseGet(() -> Revision.started(
                        file,
                        script.statements().size(),
                        sum.getOrDefault(file.name(), ""),
                        fileStart,
                        options.operatorVersion()));
        int skipped = revision.applied();
        boolean record = !options.dryRun() && !transactional;
        if (!script.checks().isEmpty() && skipped == 0) {
            // Checks run before any statement of the file, so a failure in tx-mode file or all leaves nothing to
            // record, even where DDL is not transactional and statements are recorded one by one.
            boolean recordFailure = record && TxModes.effective(options.txMode(), script) == TxMode.NONE;
            Optional<String> failure = runChecks(script, revision, recordFailure, started);
            if (failure.isPresent()) {
                return failure;
            }
        }
        listener.fileStarting(file);
        if (record) {
            store.write(revision);
        }
        PartialHashes hashes = new PartialHashes();
        script.statements().stream().limit(skipped).forEach(s -> hashes.add(s.text()));
        StatementAtomicity atomicity = new StatementAtomicity(db.dialect().name());
        Revision beforeFileTransaction = revision;
        List<String> ran = new ArrayList<>();
        // Output and the revisions table show the statements as written: placeholder values may be secrets.
        List<String> shown = script.shownStatements();
        GuardedRun guarded = new GuardedRun(script);
        for (int i = skipped; i < script.statements().size(); i++) {
            Statement statement = script.statements().get(i);
            String sql = statement.text();
            // A dry run checks no precondition, as Liquibase's default onSqlOutput:IGNORE.
            Guard.Verdict verdict = options.dryRun() ? Guard.Verdict.HOLDS : guarded.at(i, db.connection());
            if (verdict.halts()) {
                return halted(script, revision, record, started, fileStart, skipped, ran, verdict);
            }
            verdict.message().ifPresent(listener::note);
            if (!verdict.runs()) {
                // A changeset whose precondition skips it counts as applied, as Liquibase marks it ran.
                revision = revision.withStatementApplied(hashes.add(sql), Migrator.since(started));
                if (record) {
                    store.write(revision);
                }
                continue;
            }
            listener.statement(shown.get(i));
            ran.add(shown.get(i));
            if (options.dryRun()) {
                tally.statementsOk++;
                continue;
            }
            Revision next = revision.withStatementApplied(hashes.add(sql), Migrator.since(started));
            if (!atomicity.isInsideFileTransaction()) {
                beforeFileTransaction = revision;
            }
            StatementAtomicity.Kind kind = record ? atomicity.classify(sql) : StatementAtomicity.Kind.PAIRED;
            Optional<String> failure = record
                    ? runRecorded(kind, sql, revision, next)
                    : execute(sql).map(Migrator::message);
            if (failure.isPresent()) {
                if (record) {
                    store.write(recordedFailure(atomicity, kind, revision, beforeFileTransaction)
                            .failed(failure.get(), shown.get(i), Migrator.since(started)));
                }
                return failed(script, shown.get(i), statement, fileStart, skipped, ran, failure.get());
            }
            tally.statementsOk++;
            revision = next;
        }
        if (!options.dryRun()) {
            store.write(revision.completed(Migrator.since(started)));
        }
        tally.filesOk++;
        listener.fileApplied(Migrator.since(started));
        applied.add(new AppliedFile(file, fileStart, clock.instant(), skipped, ran, Optional.empty()));
        return Optional.empty();
    }

    private Optional<String> halted(
            MigrationScript script,
            Revision revision,
            boolean record,
            long started,
            Instant fileStart,
            int skipped,
            List<String> ran,
            Guard.Verdict verdict) {
        String message = verdict.message().orElseThrow();
        tally.filesFailed++;
        listener.fileFailed(message);
        if (record) {
            store.write(revision.failed(message, "", Migrator.since(started)));
        }
        applied.add(new AppliedFile(
                script.file(), fileStart, clock.instant(), skipped, ran, Optional.of(new FileError("", message))));
        return Optional.of(message);
    }

    private Optional<String> runChecks(MigrationScript script, Revision revision, boolean record, long started) {
        MigrationFile file = script.file();
        listener.checksStarting(file);
        long checksStarted = System.nanoTime();
        PreMigrationChecks.Outcome outcome = PreMigrationChecks.run(db.connection(), script.checks(), listener);
        tally.checksOk += outcome.ok();
        tally.checksFailed += outcome.failed();
        tally.checkErrors += outcome.errors();
        if (outcome.failure().isEmpty()) {
            listener.checksPassed(Migrator.since(checksStarted));
            return Optional.empty();
        }
        String message = outcome.failure().get();
        String assertion = outcome.failedAssertion().map(Statement::text).orElse("");
        listener.checksFailed(message);
        tally.filesFailed++;
        if (record) {
            store.write(revision.failed(message, assertion, Migrator.since(started)));
        }
        applied.add(new AppliedFile(
                file,
                revision.executedAt(),
                clock.instant(),
                0,
                List.of(),
                Optional.of(new FileError(assertion, message))));
        // The run's error says where the assertion is, as lint does; the revision and the report keep the message.
        return Optional.of(outcome.failedAssertion()
                .map(a -> script.position(a) + ": " + message)
                .orElse(message));
    }

    /**
     * Returns the revision a failure is recorded on. A statement that fails inside a transaction the file opened
     * itself fails that transaction (PostgreSQL refuses anything but a rollback after it): it is rolled back, its
     * revision writes with it, and the failure is recorded on the revision from before its {@code BEGIN}, where
     * the next run resumes.
     */
    private Revision recordedFailure(
            StatementAtomicity atomicity, StatementAtomicity.Kind kind, Revision revision, Revision before) {
        boolean inside =
                atomicity.isInsideFileTransaction() || kind == StatementAtomicity.Kind.COMMITS_FILE_TRANSACTION;
        if (!inside) {
            return revision;
        }
        execute("ROLLBACK");
        atomicity.fileTransactionRolledBack();
        return before;
    }

    /**
     * Runs a statement of a file recorded statement by statement, so that a kill at any moment leaves a revision
     * from which a resumed run neither repeats nor loses it (see {@link StatementAtomicity}); returns its error.
     */
    private Optional<String> runRecorded(StatementAtomicity.Kind kind, String sql, Revision revision, Revision next)
            throws SQLException {
        return switch (kind) {
            case PAIRED -> runPaired(sql, revision, next);
            case COMMITS_FILE_TRANSACTION -> {
                store.write(next);
                yield execute(sql).map(Migrator::message);
            }
            case VERIFIED -> runInFlight(sql, revision, next, Optional.of(SchemaFingerprint.of(db)));
            case UNVERIFIABLE -> runInFlight(sql, revision, next, Optional.empty());
            case IN_FILE_TRANSACTION, REPEATABLE -> executeThenRecord(sql, next);
        };
    }

    private Optional<String> runPaired(String sql, Revision revision, Revision next) throws SQLException {
        Connection connection = db.connection();
        connection.setAutoCommit(false);
        Optional<SQLException> failure;
        try {
            failure = execute(sql);
            if (failure.isEmpty()) {
                store.write(next);
                connection.commit();
            } else {
                connection.rollback();
            }
        } catch (SQLException | RuntimeException e) {
            Migrator.rollback(connection);
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
        if (failure.isPresent() && refusesTransaction(failure.get())) {
            // It was rolled back without effect; it must run on its own, and nothing can verify it afterwards.
            return runInFlight(sql, revision, next, Optional.empty());
        }
        return failure.map(Migrator::message);
    }

    // PostgreSQL: "cannot run inside a transaction block" (25001), or a DO or CALL whose body commits (2D000).
    private boolean refusesTransaction(SQLException e) {
        String state = String.valueOf(e.getSQLState());
        return db.dialect().name().equals("postgres") && (state.equals("25001") || state.equals("2D000"));
    }

    private Optional<String> runInFlight(String sql, Revision revision, Revision next, Optional<String> fingerprint) {
        InFlight marker = new InFlight(next.applied(), fingerprint);
        store.write(revision.failed(marker.render(), sql, revision.executionTime()));
        return executeThenRecord(sql, next);
    }

    private Optional<String> executeThenRecord(String sql, Revision next) {
        Optional<SQLException> failure = execute(sql);
        if (failure.isEmpty()) {
            store.write(next);
        }
        return failure.map(Migrator::message);
    }

    private Optional<SQLException> execute(String sql) {
        try (java.sql.Statement statement = db.connection().createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            return Optional.of(e);
        }
        return Optional.empty();
    }

    private Optional<String> failed(
            MigrationScript script,
            String sql,
            Statement statement,
            Instant fileStart,
            int skipped,
            List<String> ran,
            String text) {
        MigrationFile file = script.file();
        tally.statementsFailed++;
        tally.filesFailed++;
        listener.fileFailed(text);
        applied.add(
                new AppliedFile(file, fileStart, clock.instant(), skipped, ran, Optional.of(new FileError(sql, text))));
        return Optional.of(script.position(statement) + ": sql/migrate: executing statement \"" + sql
                + "\" from version \"" + file.version() + "\": " + text);
    }

    private ApplyReport report(
            List<MigrationFile> pending,
            String current,
            String target,
            Instant start,
            Instant end,
            Optional<String> error) {
        return new ApplyReport(pending, applied, current, target, start, end, error, tally.counts());
    }

    /** The running counts of the summary. */
    private static final class Tally {
        int filesOk;
        int filesFailed;
        int checksOk;
        int checksFailed;
        int checkErrors;
        int statementsOk;
        int statementsFailed;

        void lastFileFailed(String reason) {
            filesOk--;
            filesFailed++;
        }

        ApplyReport.Counts counts() {
            return new ApplyReport.Counts(
                    filesOk, filesFailed, checksOk, checksFailed, checkErrors, statementsOk, statementsFailed);
        }
    }
}
