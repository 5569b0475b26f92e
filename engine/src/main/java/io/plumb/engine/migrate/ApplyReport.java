package io.plumb.engine.migrate;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An {@code ApplyReport} is what a {@code migrate apply} run did, with the fields of the reference tool's JSON
 * report (reference 4.5) and the counts of its summary.
 *
 * @param pending the files that were pending when the run started
 * @param applied what happened to each file the run started
 * @param current the version before the run (empty when none was applied)
 * @param target the version the run aimed for
 * @param start when the run started
 * @param end when it ended
 * @param error the error that stopped it
 * @param counts the summary counts
 */
public record ApplyReport(
        List<MigrationFile> pending,
        List<AppliedFile> applied,
        String current,
        String target,
        Instant start,
        Instant end,
        Optional<String> error,
        Counts counts) {

    public ApplyReport {
        pending = List.copyOf(pending);
        applied = List.copyOf(applied);
    }

    /**
     * One file of the run.
     *
     * @param file the file
     * @param start when it started
     * @param end when it ended
     * @param skipped how many statements were skipped because an earlier run applied them
     * @param statements the statements run (or printed, in a dry run)
     * @param error the failing statement and the database's message
     */
    public record AppliedFile(
            MigrationFile file,
            Instant start,
            Instant end,
            int skipped,
            List<String> statements,
            Optional<FileError> error) {

        public AppliedFile {
            statements = List.copyOf(statements);
        }
    }

    /**
     * A file's failure.
     *
     * @param statement the statement, or the check assertion, that failed
     * @param text the message
     */
    public record FileError(String statement, String text) {}

    /**
     * The summary counts.
     *
     * @param filesOk files that completed
     * @param filesFailed files that failed
     * @param checksOk check assertions that held
     * @param checksFailed check assertions that did not
     * @param checkErrors check assertions that could not be evaluated
     * @param statementsOk statements that succeeded
     * @param statementsFailed statements that failed
     */
    public record Counts(
            int filesOk,
            int filesFailed,
            int checksOk,
            int checksFailed,
            int checkErrors,
            int statementsOk,
            int statementsFailed) {

        /** Returns whether any check ran. */
        public boolean anyChecks() {
            return checksOk + checksFailed + checkErrors > 0;
        }
    }
}
