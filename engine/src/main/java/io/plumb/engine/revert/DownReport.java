package io.plumb.engine.revert;

import io.plumb.engine.migrate.MigrationFile;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A {@code DownReport} is what one {@code migrate down} run did, in the fields of the reference tool's {@code
 * MigrateDown} result.
 *
 * @param planned the files to revert, the last applied first
 * @param checks the data-loss checks run, one block per file that has any, in the order they ran
 * @param reverted the files reverted (planned only, under {@code --dry-run}), up to the one that failed
 * @param current the version the database was at, or empty
 * @param target the version the run reverts to (reached only when the status is {@link #APPLIED}), or empty when
 *     every file is reverted
 * @param start when the run started
 * @param end when it ended
 * @param status {@link #APPLIED}, {@link #PLANNED} (a dry run) or {@link #ABORTED}
 * @param error why the run stopped, when it did
 */
public record DownReport(
        List<MigrationFile> planned,
        List<CheckBlock> checks,
        List<RevertedFile> reverted,
        String current,
        String target,
        Instant start,
        Instant end,
        String status,
        Optional<String> error) {

    /** The status of a run that reverted its files. */
    public static final String APPLIED = "APPLIED";

    /** The status of a dry run whose checks passed. */
    public static final String PLANNED = "PLANNED";

    /** The status of a run stopped by a failed check or statement. */
    public static final String ABORTED = "ABORTED";

    public DownReport {
        planned = List.copyOf(planned);
        checks = List.copyOf(checks);
        reverted = List.copyOf(reverted);
    }

    /** Returns how many files the run set out to revert. */
    public int total() {
        return planned.size();
    }

    /**
     * The data-loss checks run before one file is reverted.
     *
     * @param version the file's version
     * @param statements the assertions run, up to the one that failed
     * @param elapsed how long they took
     * @param error why the last one failed, when it did
     */
    public record CheckBlock(String version, List<String> statements, Duration elapsed, Optional<String> error) {

        public CheckBlock {
            statements = List.copyOf(statements);
        }
    }

    /**
     * One file reverted.
     *
     * @param file the file
     * @param start when its revert started
     * @param end when it ended
     * @param applied the statements run (planned, under {@code --dry-run}), the failed one included
     * @param error the statement that failed and the database's error
     */
    public record RevertedFile(
            MigrationFile file, Instant start, Instant end, List<String> applied, Optional<StatementError> error) {

        public RevertedFile {
            applied = List.copyOf(applied);
        }
    }

    /**
     * A statement the database refused.
     *
     * @param statement the statement
     * @param text the database's error
     */
    public record StatementError(String statement, String text) {}
}
