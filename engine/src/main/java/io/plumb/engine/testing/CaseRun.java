package io.plumb.engine.testing;

import io.plumb.engine.db.SqlErrors;
import io.plumb.engine.devdb.IsolatedDatabase;
import io.plumb.engine.hcl.Pos;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A {@code CaseRun} runs the commands of one evaluated case on its database, in order, until the first fails, then
 * its registered cleanups, last first. It is used by one thread.
 */
final class CaseRun {

    /** What the runner lends a case: its services and settings. */
    interface Context {
        TestSetup setup();

        /** Runs a {@code migrate} command; see {@link MigrationSnapshots#migrate}. */
        int migrate(IsolatedDatabase db, int from, boolean pristine, Command.Migrate command);
    }

    private final Context context;
    private final IsolatedDatabase db;
    private final Path testDirectory;
    private final List<LogLine> logs = new ArrayList<>();
    private final List<OutputUpdate> updates = new ArrayList<>();
    private final Deque<Command.Cleanup> cleanups = new ArrayDeque<>();
    private int version = -1;
    private boolean pristine = true;

    CaseRun(Context context, IsolatedDatabase db, Path testDirectory) {
        this.context = context;
        this.db = db;
        this.testDirectory = testDirectory;
    }

    /** Runs the commands and the cleanups; returns the first failure, if any. */
    Optional<CaseFailure> run(List<Command> commands) {
        Optional<CaseFailure> failure = Optional.empty();
        try {
            for (Command command : commands) {
                execute(command);
            }
        } catch (CommandFailedException e) {
            failure = Optional.of(e.failure());
        }
        while (!cleanups.isEmpty()) {
            Command.Cleanup cleanup = cleanups.pop();
            try {
                SqlBatch.run(db.database(), cleanup.sql());
            } catch (SQLException e) {
                failure = failure.or(() -> Optional.of(CaseFailure.of(cleanup.pos(), SqlErrors.message(e))));
            }
        }
        return failure;
    }

    List<LogLine> logs() {
        return logs;
    }

    List<OutputUpdate> updates() {
        return updates;
    }

    private void execute(Command command) {
        if (command instanceof Command.Log log) {
            logs.add(new LogLine(log.pos(), log.message()));
        } else if (command instanceof Command.Cleanup cleanup) {
            // Registering runs nothing: the database stays as it was.
            cleanups.push(cleanup);
        } else if (command instanceof Command.Migrate migrate) {
            version = context.migrate(db, version, pristine, migrate);
        } else if (command instanceof Command.Exec exec) {
            pristine = false;
            String actual = sql(exec.sql(), exec.pos()).render(exec.format());
            expect(exec.expected(), actual, exec.pos());
        } else if (command instanceof Command.Catch catching) {
            pristine = false;
            catching(catching);
        } else if (command instanceof Command.Assert assertion) {
            pristine = false;
            assertion(assertion);
        } else if (command instanceof Command.External external) {
            pristine = false;
            // The program may open the case's database by its URL: from here on it is a file that both reach.
            db.share();
            Path directory =
                    testDirectory.resolve(external.workingDir().orElse(".")).normalize();
            String stdout = ExternalProgram.run(external.program(), directory, ExternalProgram.TIMEOUT, external.pos());
            expect(external.expected(), stdout, external.pos());
        }
    }

    private ResultTable sql(String sql, Pos pos) {
        try {
            return SqlBatch.run(db.database(), sql);
        } catch (SQLException e) {
            throw CommandFailedException.at(pos, SqlErrors.message(e));
        }
    }

    private void expect(Optional<Expectation> expectation, String output, Pos pos) {
        String actual = withoutNewline(output);
        if (expectation.isEmpty()) {
            return;
        }
        if (expectation.get() instanceof Expectation.Output expected) {
            String text = withoutNewline(expected.text());
            if (text.equals(actual)) {
                return;
            }
            if (context.setup().update()) {
                updates.add(new OutputUpdate(expected.pos(), actual));
                return;
            }
            throw CommandFailedException.mismatch(pos, noMatch(text, actual), text, actual);
        }
        if (expectation.get() instanceof Expectation.Match match && !find(match.regex(), actual, pos, "match")) {
            throw CommandFailedException.at(pos, noMatch(match.regex(), actual));
        }
    }

    private void catching(Command.Catch command) {
        String message;
        try {
            SqlBatch.run(db.database(), command.sql());
            throw CommandFailedException.at(command.pos(), "expected the SQL to fail, but it succeeded");
        } catch (SQLException e) {
            message = SqlErrors.message(e);
        }
        Optional<String> error = command.error();
        if (error.isPresent()
                && !message.contains(error.get())
                && !find(error.get(), message, command.pos(), "error")) {
            throw CommandFailedException.mismatch(
                    command.pos(),
                    "error \"" + message + "\" does not match `" + error.get() + "`",
                    error.get(),
                    message);
        }
    }

    private void assertion(Command.Assert command) {
        ResultTable result = sql(command.sql(), command.pos());
        Optional<String> found = AssertedValue.problem(result);
        if (found.isPresent()) {
            String message = "assertion failed: expected one true value, found " + found.get();
            throw CommandFailedException.at(
                    command.pos(), command.errorMessage().orElse(message));
        }
    }

    private static boolean find(String regex, String text, Pos pos, String attribute) {
        try {
            return Pattern.compile(regex).matcher(text).find();
        } catch (PatternSyntaxException e) {
            throw CommandFailedException.at(
                    pos, attribute + ": invalid regular expression `" + regex + "`: " + e.getDescription());
        }
    }

    private static String noMatch(String expected, String actual) {
        return "no match for `" + expected + "` found in \"" + actual + "\"";
    }

    // A heredoc ends in a newline and a program's output usually does: one is not part of the value.
    static String withoutNewline(String text) {
        if (text.endsWith("\r\n")) {
            return text.substring(0, text.length() - 2);
        }
        return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    }
}
