package io.plumb.cli;

import io.plumb.engine.db.DatabaseUrl;
import io.plumb.engine.migrate.ChecksumException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * {@code Plumb} is the top-level {@code plumb} command and the program's entry point.
 *
 * <p>{@link #execute(CliEnvironment, String...)} runs the command line in process against a {@link
 * CliEnvironment}, which is how tests and the {@code plumb} script command use it; only {@link #main} touches the
 * process's streams and calls {@link System#exit}.
 */
@Command(
        name = "plumb",
        mixinStandardHelpOptions = true,
        // Every subcommand gets --help and --version, and the same version text.
        scope = ScopeType.INHERIT,
        versionProvider = PlumbVersionProvider.class,
        header = "Database schema as code, with testing at its center.",
        synopsisSubcommandLabel = "COMMAND",
        description = {
            "",
            "Exit codes: 0 success, 1 failure (a script failed, or an error), 2 bad usage, 3 drift (migrate drift,"
                    + " schema drift).",
            ""
        })
public final class Plumb {

    private Plumb() {}

    /** Runs the command line in this process's environment and exits with its exit code. */
    public static void main(String[] args) {
        System.exit(execute(CliEnvironment.ofProcess(), args));
    }

    /**
     * Runs the command line against the given environment and returns its exit code: 0 for success, 1 for a
     * failure, 2 for bad usage. It never throws: an unexpected error is reported as one line on standard error.
     */
    public static int execute(CliEnvironment env, String... args) {
        return executeAs("plumb", env, args);
    }

    /**
     * Runs the command line under another program name, as the {@code atlas} script command does: usage texts
     * show that name, and errors are printed with the reference tool's {@code Error: } prefix when it is {@code
     * atlas}.
     */
    public static int executeAs(String programName, CliEnvironment env, String... args) {
        String prefix = programName.equals("atlas") ? "Error: " : programName + ": ";
        int code;
        try {
            CommandLine commandLine = commandLine(env, prefix, programName);
            commandLine.setCommandName(programName);
            code = commandLine.execute(args);
        } catch (StackOverflowError e) {
            // A last line of defence: parsers bound their nesting, but no input may end in a stack trace.
            env.err().println(prefix + "input nested too deeply to process");
            code = ExitCode.SOFTWARE;
        } catch (RuntimeException | LinkageError e) {
            env.err().println(prefix + ErrorMessage.of(e));
            code = ExitCode.SOFTWARE;
        }
        return checkWritten(env, prefix, code);
    }

    /**
     * Flushes both writers and fails a run whose output could not be written (a full disk, a closed pipe): its
     * output is incomplete, so success would be a lie. A failed standard error can report nothing, but still fails.
     */
    private static int checkWritten(CliEnvironment env, String prefix, int code) {
        int failed = code == ExitCode.OK ? ExitCode.SOFTWARE : code;
        // checkError flushes first, so output still buffered is written (or fails) here.
        if (env.out().checkError()) {
            env.err().println(prefix + "cannot write standard output: " + CheckedWriter.reason(env.out()));
            env.err().flush();
            return failed;
        }
        return env.err().checkError() ? failed : code;
    }

    /** Returns the command tree bound to the given environment, writing to its writers. */
    static CommandLine commandLine(CliEnvironment env) {
        return commandLine(env, "plumb: ", "plumb");
    }

    // picocli's own handler, except that the message (which may quote an argument, such as a URL) is redacted.
    private static int usageError(ParameterException e, String[] args) {
        CommandLine commandLine = e.getCommandLine();
        PrintWriter err = commandLine.getErr();
        err.println(commandLine.getColorScheme().errorText(DatabaseUrl.redact(String.valueOf(e.getMessage()))));
        if (!UnmatchedArgumentException.printSuggestions(e, err)) {
            commandLine.usage(err, commandLine.getColorScheme());
        }
        return commandLine.getCommandSpec().exitCodeOnInvalidInput();
    }

    private static CommandLine commandLine(CliEnvironment env, String errorPrefix, String programName) {
        CommandLine script = new CommandLine(new ScriptGroupCommand()).addSubcommand(new ScriptRunCommand(env));
        CommandLine schema = new CommandLine(new SchemaGroupCommand())
                .addSubcommand(new SchemaInspectCommand(env))
                .addSubcommand(new SchemaApplyCommand(env))
                .addSubcommand(new SchemaDiffCommand(env))
                .addSubcommand(new SchemaCleanCommand(env))
                .addSubcommand(new SchemaTestCommand(env))
                .addSubcommand(new SchemaDriftCommand(env));
        CommandLine migrate = new CommandLine(new MigrateGroupCommand())
                .addSubcommand(new MigrateApplyCommand(env))
                .addSubcommand(new MigrateStatusCommand(env))
                .addSubcommand(new MigrateSetCommand(env))
                .addSubcommand(new MigrateHashCommand(env))
                .addSubcommand(new MigrateValidateCommand(env))
                .addSubcommand(new MigrateLintCommand(env))
                .addSubcommand(new MigrateNewCommand(env))
                .addSubcommand(new MigrateDiffCommand(env))
                .addSubcommand(new MigrateImportCommand(env))
                .addSubcommand(new MigrateTestCommand(env))
                .addSubcommand(new MigrateDriftCommand(env));
        CommandLine agent = new CommandLine(new AgentCommand(env)).addSubcommand(new AgentNotifyTestCommand(env));
        CommandLine plumb = new CommandLine(new Plumb())
                .addSubcommand(script)
                .addSubcommand(schema)
                .addSubcommand(migrate)
                .addSubcommand(agent);
        plumb.setOut(env.out());
        plumb.setErr(env.err());
        plumb.setParameterExceptionHandler(Plumb::usageError);
        plumb.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof ChecksumException checksum) {
                ChecksumReport.print(commandLine.getOut(), checksum, programName);
            }
            commandLine.getErr().println(errorPrefix + ErrorMessage.of(e));
            return ExitCode.SOFTWARE;
        });
        return plumb;
    }
}
