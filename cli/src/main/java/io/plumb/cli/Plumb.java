package io.plumb.cli;

import io.plumb.engine.db.DatabaseUrl;
import io.plumb.engine.migrate.ChecksumException;
import java.io.PrintWriter;
import org.jspecify.annotations.Nullable;
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
        SqliteLibrary.prepare();
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
            CommandLine commandLine = commandLine(env, prefix, programName, args);
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

    /**
     * The system property that makes every run build the whole command tree, as every run did before the tree was
     * pruned to the invoked command; {@code bench/run startup} sets it to measure the difference.
     */
    static final String FULL_TREE_PROPERTY = "plumb.cli.fullTree";

    // The command groups and their commands, in the order usage lists them. The names are the @Command names.
    private static final String[] SCRIPT_COMMANDS = {"run"};
    private static final String[] CACHE_COMMANDS = {"info", "clear"};
    private static final String[] SCHEMA_COMMANDS = {"inspect", "apply", "diff", "clean", "fmt", "test", "drift"};
    private static final String[] MIGRATE_COMMANDS = {
        "apply",
        "down",
        "status",
        "set",
        "hash",
        "validate",
        "lint",
        "new",
        "diff",
        "checkpoint",
        "import",
        "test",
        "drift"
    };

    private static String[] commandsOf(String group) {
        switch (group) {
            case "script":
                return SCRIPT_COMMANDS;
            case "schema":
                return SCHEMA_COMMANDS;
            case "migrate":
                return MIGRATE_COMMANDS;
            case "cache":
                return CACHE_COMMANDS;
            default:
                return new String[0];
        }
    }

    private static Object group(String group) {
        switch (group) {
            case "script":
                return new ScriptGroupCommand();
            case "schema":
                return new SchemaGroupCommand();
            case "migrate":
                return new MigrateGroupCommand();
            case "cache":
                return new CacheGroupCommand();
            default:
                throw new IllegalArgumentException("no command group " + group);
        }
    }

    // A switch rather than a table of constructor references: each reference would cost a lambda at start-up.
    private static Object command(String group, String name, CliEnvironment env) {
        switch (group + " " + name) {
            case "script run":
                return new ScriptRunCommand(env);
            case "schema inspect":
                return new SchemaInspectCommand(env);
            case "schema apply":
                return new SchemaApplyCommand(env);
            case "schema diff":
                return new SchemaDiffCommand(env);
            case "schema clean":
                return new SchemaCleanCommand(env);
            case "schema fmt":
                return new SchemaFmtCommand(env);
            case "schema test":
                return new SchemaTestCommand(env);
            case "schema drift":
                return new SchemaDriftCommand(env);
            case "migrate apply":
                return new MigrateApplyCommand(env);
            case "migrate down":
                return new MigrateDownCommand(env);
            case "migrate status":
                return new MigrateStatusCommand(env);
            case "migrate set":
                return new MigrateSetCommand(env);
            case "migrate hash":
                return new MigrateHashCommand(env);
            case "migrate validate":
                return new MigrateValidateCommand(env);
            case "migrate lint":
                return new MigrateLintCommand(env);
            case "migrate new":
                return new MigrateNewCommand(env);
            case "migrate diff":
                return new MigrateDiffCommand(env);
            case "migrate checkpoint":
                return new MigrateCheckpointCommand(env);
            case "migrate import":
                return new MigrateImportCommand(env);
            case "migrate test":
                return new MigrateTestCommand(env);
            case "migrate drift":
                return new MigrateDriftCommand(env);
            case "cache info":
                return new CacheInfoCommand(env);
            case "cache clear":
                return new CacheClearCommand(env);
            default:
                throw new IllegalArgumentException("no command " + group + " " + name);
        }
    }

    private static CommandLine groupLine(String group, CliEnvironment env, String... names) {
        CommandLine line = new CommandLine(group(group));
        for (String name : names) {
            line.addSubcommand(command(group, name, env));
        }
        return line;
    }

    /**
     * Returns the root with only the command path the arguments name, or null when the run needs the whole tree.
     *
     * <p>Building every command's spec costs most of a short command's start-up, so a run that names a group and
     * one of its commands ({@code migrate status ...}), or asks only for {@code --version}, gets a root that holds
     * just that path: picocli parses, validates and reports errors for it exactly as in the whole tree, since a
     * command's options and usage do not depend on its siblings. Anything else (no arguments, {@code --help}, a
     * group alone, an unknown or misspelt command, the agent) gets the whole tree, so usage and suggestions list
     * every command as before.
     */
    static @Nullable CommandLine pruned(CliEnvironment env, String... args) {
        if (Boolean.getBoolean(FULL_TREE_PROPERTY)) {
            return null;
        }
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            return new CommandLine(new Plumb());
        }
        if (args.length < 2) {
            return null;
        }
        for (String name : commandsOf(args[0])) {
            if (name.equals(args[1])) {
                return new CommandLine(new Plumb()).addSubcommand(groupLine(args[0], env, name));
            }
        }
        return null;
    }

    private static CommandLine commandLine(CliEnvironment env, String errorPrefix, String programName) {
        return commandLine(env, errorPrefix, programName, new String[0]);
    }

    private static CommandLine commandLine(CliEnvironment env, String errorPrefix, String programName, String[] args) {
        CommandLine plumb = pruned(env, args);
        if (plumb == null) {
            plumb = new CommandLine(new Plumb())
                    .addSubcommand(groupLine("script", env, SCRIPT_COMMANDS))
                    .addSubcommand(groupLine("schema", env, SCHEMA_COMMANDS))
                    .addSubcommand(groupLine("migrate", env, MIGRATE_COMMANDS))
                    .addSubcommand(
                            new CommandLine(new AgentCommand(env)).addSubcommand(new AgentNotifyTestCommand(env)))
                    .addSubcommand(groupLine("cache", env, CACHE_COMMANDS));
        }
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
