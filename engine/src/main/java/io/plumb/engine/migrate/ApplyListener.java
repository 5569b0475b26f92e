package io.plumb.engine.migrate;

import java.time.Duration;

/**
 * An {@code ApplyListener} follows a {@code migrate apply} run as it happens, so a long run shows its progress; the
 * CLI prints each event in the reference layout. Every method does nothing by default.
 */
public interface ApplyListener {

    /** The run is about to execute the pending files. */
    default void starting(ApplyReport plan) {}

    /** A file's pre-migration checks are about to run. */
    default void checksStarting(MigrationFile file) {}

    /** A file's checks passed. */
    default void checksPassed(Duration elapsed) {}

    /** A file's checks failed or could not be evaluated; the file will not run. */
    default void checksFailed(String message) {}

    /** A file is about to run. */
    default void fileStarting(MigrationFile file) {}

    /** A statement (or check assertion) is about to run. */
    default void statement(String sql) {}

    /**
     * Something the user should know about the file being run that is not an error: a changeset's precondition that
     * did not hold and skipped it ({@code onFail:MARK_RAN}) or let it run anyway ({@code onFail:WARN}), as {@code
     * NAME:LINE:COL: message}.
     */
    default void note(String message) {}

    /** The file's statements all succeeded. */
    default void fileApplied(Duration elapsed) {}

    /**
     * A file's statements and revision are committed, and no transaction is open: the database holds the state after
     * the file. Not called for a dry run, nor under transaction mode {@code all}, where no file commits on its own.
     */
    default void fileCommitted(MigrationFile file) {}

    /** A statement of the file failed; the message is the database's. */
    default void fileFailed(String message) {}

    /** The run ended, with or without an error. */
    default void finished(ApplyReport report) {}
}
