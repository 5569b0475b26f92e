package io.plumb.engine.revert;

import io.plumb.engine.db.Database;
import io.plumb.engine.db.SqlErrors;
import io.plumb.engine.migrate.MigrateException;
import io.plumb.engine.migrate.MigrationFile;
import io.plumb.engine.migrate.RevisionStore;
import io.plumb.engine.migrate.SqlTruth;
import io.plumb.engine.plan.Plan;
import io.plumb.engine.plan.PlanExecutor;
import io.plumb.engine.plan.PlannedChange;
import io.plumb.engine.plan.StatementException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@code RevertRun} runs planned revert steps on the target: every data-loss check first, then the statements and
 * the deletion of the reverted revisions, in one transaction where the dialect's DDL allows it.
 */
final class RevertRun {

    private final Database db;
    private final RevisionStore store;
    private final Clock clock;
    private final List<RevertStep> steps;

    RevertRun(Database db, RevisionStore store, Clock clock, List<RevertStep> steps) {
        this.db = db;
        this.store = store;
        this.clock = clock;
        this.steps = List.copyOf(steps);
    }

    /** Runs the checks, then (unless a dry run) the steps, and reports both. */
    DownReport execute(boolean dryRun, String current, String target, Instant start) {
        List<MigrationFile> planned = steps.stream().map(RevertStep::file).toList();
        List<DownReport.CheckBlock> checks = new ArrayList<>();
        for (RevertStep step : steps) {
            if (step.checks().isEmpty()) {
                continue;
            }
            DownReport.CheckBlock block = check(step);
            checks.add(block);
            if (block.error().isPresent()) {
                return new DownReport(
                        planned,
                        checks,
                        List.of(),
                        current,
                        target,
                        start,
                        clock.instant(),
                        DownReport.ABORTED,
                        block.error());
            }
        }
        if (dryRun) {
            Instant now = clock.instant();
            List<DownReport.RevertedFile> reverted = steps.stream()
                    .map(s -> new DownReport.RevertedFile(s.file(), now, now, s.statements(), Optional.empty()))
                    .toList();
            return new DownReport(
                    planned, checks, reverted, current, target, start, now, DownReport.PLANNED, Optional.empty());
        }
        Outcome outcome = isTransactional() ? inOneTransaction() : fileByFile();
        return new DownReport(
                planned,
                checks,
                outcome.reverted(),
                current,
                target,
                start,
                clock.instant(),
                outcome.error().isPresent() ? DownReport.ABORTED : DownReport.APPLIED,
                outcome.error());
    }

    private record Outcome(List<DownReport.RevertedFile> reverted, Optional<String> error) {}

    private boolean isTransactional() {
        return !db.dialect().name().equals("mysql")
                && steps.stream().allMatch(s -> s.plan().transactional());
    }

    private DownReport.CheckBlock check(RevertStep step) {
        long started = System.nanoTime();
        List<String> run = new ArrayList<>();
        for (DataLossCheck check : step.checks()) {
            run.add(check.sql());
            Optional<String> failure = failure(check);
            if (failure.isPresent()) {
                return new DownReport.CheckBlock(
                        step.file().version(),
                        run,
                        since(started),
                        Optional.of("data-loss check failed before reverting version "
                                + step.file().version() + ": " + failure.get()));
            }
        }
        return new DownReport.CheckBlock(step.file().version(), run, since(started), Optional.empty());
    }

    private Optional<String> failure(DataLossCheck check) {
        try (Statement statement = db.connection().createStatement();
                ResultSet rows = statement.executeQuery(check.sql())) {
            if (rows.next() && SqlTruth.of(rows.getObject(1)).orElse(false)) {
                return Optional.empty();
            }
            return Optional.of(check.failure());
        } catch (SQLException e) {
            return Optional.of("check \"" + check.sql() + "\": " + SqlErrors.message(e));
        }
    }

    /** PostgreSQL and SQLite: every statement and the revision deletions commit together, or nothing does. */
    private Outcome inOneTransaction() {
        List<PlannedChange> all = new ArrayList<>();
        steps.forEach(s -> all.addAll(s.plan().changes()));
        Instant started = clock.instant();
        try {
            PlanExecutor.execute(db.connection(), new Plan(all, true), this::deleteRevisions);
        } catch (StatementException e) {
            return failedAt(e, started, " (rolled back: nothing was reverted)");
        } catch (MigrateException e) {
            return new Outcome(List.of(), Optional.of(e.getMessage() + " (rolled back: nothing was reverted)"));
        }
        Instant end = clock.instant();
        return new Outcome(
                steps.stream()
                        .map(s -> new DownReport.RevertedFile(s.file(), started, end, s.statements(), Optional.empty()))
                        .toList(),
                Optional.empty());
    }

    private void deleteRevisions() {
        steps.forEach(s -> store.delete(s.file().version()));
    }

    /** MySQL: each file's statements run in turn (each DDL commits), and its revision is deleted after them. */
    private Outcome fileByFile() {
        List<DownReport.RevertedFile> reverted = new ArrayList<>();
        for (RevertStep step : steps) {
            Instant started = clock.instant();
            try {
                PlanExecutor.execute(
                        db.connection(),
                        step.plan(),
                        () -> store.delete(step.file().version()));
            } catch (StatementException e) {
                DownReport.RevertedFile failed = failed(step, e, started, "");
                reverted.add(failed);
                return new Outcome(reverted, Optional.of(message(failed)));
            }
            reverted.add(new DownReport.RevertedFile(
                    step.file(), started, clock.instant(), step.statements(), Optional.empty()));
        }
        return new Outcome(reverted, Optional.empty());
    }

    /**
     * Returns the files up to the one whose statement failed: those before it whole, that one with the statements
     * up to the failed one and the error. A statement of no step (the foreign key check before a commit) is the last
     * step's.
     */
    private Outcome failedAt(StatementException e, Instant started, String suffix) {
        List<DownReport.RevertedFile> reverted = new ArrayList<>();
        Instant end = clock.instant();
        for (RevertStep step : steps) {
            if (indexOf(step.statements(), e.statement()) >= 0 || step == last()) {
                DownReport.RevertedFile failed = failed(step, e, started, suffix);
                reverted.add(failed);
                return new Outcome(reverted, Optional.of(message(failed)));
            }
            reverted.add(new DownReport.RevertedFile(step.file(), started, end, step.statements(), Optional.empty()));
        }
        throw new IllegalStateException("a revert without steps failed");
    }

    /** Returns a step's file with the statements up to the failed one (all, when it is none of them) and the error. */
    private DownReport.RevertedFile failed(RevertStep step, StatementException e, Instant started, String suffix) {
        List<String> statements = step.statements();
        int at = indexOf(statements, e.statement());
        List<String> applied = new ArrayList<>(at < 0 ? statements : statements.subList(0, at));
        applied.add(e.statement());
        return new DownReport.RevertedFile(
                step.file(),
                started,
                clock.instant(),
                applied,
                Optional.of(new DownReport.StatementError(e.statement(), e.reason() + suffix)));
    }

    private static String message(DownReport.RevertedFile file) {
        DownReport.StatementError error = file.error().orElseThrow();
        return "executing statement \"" + error.statement() + "\" reverting version \""
                + file.file().version() + "\": " + error.text();
    }

    private RevertStep last() {
        return steps.get(steps.size() - 1);
    }

    private static int indexOf(List<String> statements, String sql) {
        for (int i = 0; i < statements.size(); i++) {
            if (statements.get(i).trim().equals(sql.trim())) {
                return i;
            }
        }
        return -1;
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
