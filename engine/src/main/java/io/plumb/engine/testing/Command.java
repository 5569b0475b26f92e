package io.plumb.engine.testing;

import io.plumb.engine.hcl.Pos;
import java.util.List;
import java.util.Optional;

/**
 * A {@code Command} is one block of a test case. Commands run in source order and the first that fails ends the
 * case; see the records for what each must do to pass.
 */
public sealed interface Command {

    /** Returns where the command's block starts, which is where its failure is reported. */
    Pos pos();

    /**
     * Runs SQL that must succeed; with an expectation, its result rendered in {@code format} must meet it.
     *
     * @param sql the statements; the result is the last statement's
     * @param format how rows are rendered for comparison
     * @param expected the expected output or a pattern it must contain, if any
     */
    record Exec(String sql, OutputFormat format, Optional<Expectation> expected, Pos pos) implements Command {}

    /**
     * Runs SQL that must fail; with {@code error}, the error message must contain it, or match it as a regular
     * expression.
     */
    record Catch(String sql, Optional<String> error, Pos pos) implements Command {}

    /**
     * Runs a query that must return one row of one column holding a true value; {@code errorMessage} replaces the
     * default failure message.
     */
    record Assert(String sql, Optional<String> errorMessage, Pos pos) implements Command {}

    /** Prints a message under the case, as {@code file.test.hcl:LINE: message}. */
    record Log(String message, Pos pos) implements Command {}

    /**
     * Runs a program, which must exit 0; with an expectation, its standard output must meet it.
     *
     * @param program the program and its arguments, not run through a shell
     * @param workingDir the directory to run it in, relative to the test file's directory
     */
    record External(List<String> program, Optional<String> workingDir, Optional<Expectation> expected, Pos pos)
            implements Command {

        public External {
            program = List.copyOf(program);
        }
    }

    /**
     * Registers SQL to run when the case ends, passed or failed; cleanups run last registered first, and a failing
     * cleanup fails the case.
     */
    record Cleanup(String sql, Pos pos) implements Command {}

    /** Migrates the dev database up to and including version {@code to} (migration tests only). */
    record Migrate(String to, Pos pos) implements Command {}
}
