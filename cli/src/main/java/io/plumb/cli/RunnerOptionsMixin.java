package io.plumb.cli;

import io.plumb.engine.script.ScriptDialect;
import io.plumb.engine.script.ScriptTarget;
import io.plumb.runner.RunnerOptions;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** A {@code RunnerOptionsMixin} holds the options that set up the script runner, for every command that runs scripts. */
final class RunnerOptionsMixin {

    @Option(
            names = {"-u", "--update"},
            description =
                    "Rewrite an archive whose cmp against one of its own files fails, recording the actual output.")
    boolean update;

    @Option(
            names = "--keep-work",
            description = "Keep each script's work directory, and print its path under the script's result.")
    boolean keepWork;

    @Option(names = "--short", description = "Make the [short] condition hold, so that scripts can skip slow work.")
    boolean isShort;

    @Option(
            names = "--timeout",
            paramLabel = "DURATION",
            defaultValue = "10m",
            converter = DurationConverter.class,
            description =
                    "Fail a script that runs longer than this, such as 90s, 5m or 1h30m (default: ${DEFAULT-VALUE}).")
    Duration timeout = RunnerOptions.DEFAULT_TIMEOUT;

    @Option(
            names = {"-v", "--verbose"},
            description = "Print every script's log, also of passing scripts, with every line of passing phases.")
    boolean verbose;

    @Option(
            names = "--dialect",
            paramLabel = "DIALECT",
            description = "Run the scripts under this dialect: sqlite (the default), postgres or mysql (an embedded"
                    + " MariaDB), or a server version as the reference suites name them (postgres14 to postgres17,"
                    + " maria1011, maria114, ...); it sets $dialect, $version and the [sqlite], [postgres], [mysql]"
                    + " and [maria] conditions.")
    @Nullable
    String dialect;

    /** Returns the given options with these settings applied. */
    RunnerOptions applyTo(RunnerOptions options) {
        RunnerOptions withDialect = dialect == null
                ? options
                : options.withVariable(
                        ScriptDialect.VARIABLE, ScriptTarget.parse(dialect).name());
        return withDialect
                .withUpdate(update)
                .withKeepWork(keepWork)
                .withShort(isShort)
                .withTimeout(timeout)
                .withVerbose(verbose);
    }
}
