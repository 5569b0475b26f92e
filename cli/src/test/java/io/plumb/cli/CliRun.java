package io.plumb.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

/**
 * A {@code CliRun} is what one in-process run of the command line gave: exit code, standard output and error.
 *
 * @param exitCode the exit code
 * @param out what was written to standard output
 * @param err what was written to standard error
 */
record CliRun(int exitCode, String out, String err) {

    /** Runs {@code plumb args...} in the given directory, with {@code TMPDIR} set to {@code tmp}. */
    static CliRun of(Path cwd, Path tmp, String... args) {
        return of(cwd, Map.of("TMPDIR", tmp.toString()), args);
    }

    /** Runs {@code plumb args...} in the given directory and environment. */
    static CliRun of(Path cwd, Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode =
                Plumb.execute(CliEnvironment.of(cwd, environment, new PrintWriter(out), new PrintWriter(err)), args);
        return new CliRun(exitCode, out.toString(), err.toString());
    }
}
