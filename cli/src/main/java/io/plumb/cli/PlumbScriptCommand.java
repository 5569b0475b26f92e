package io.plumb.cli;

import io.plumb.engine.script.ScriptDatabase;
import io.plumb.runner.ScriptCommand;
import io.plumb.runner.ScriptContext;
import io.plumb.runner.ScriptFailure;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code PlumbScriptCommand} is the script command {@code [!] plumb args...}: it runs the command line in
 * process, in the script's directory and environment, with its output captured as {@code stdout} and {@code
 * stderr}. The arguments {@code URL}, {@code DEV_URL} and {@code DB_URL} stand for the script's database, dev
 * database and database bound to no schema, as in {@code atlas}, so that a script runs on the dialect its suite
 * names.
 */
final class PlumbScriptCommand implements ScriptCommand {

    @Override
    public void run(ScriptContext script, boolean negated, List<String> args) {
        List<String> argv =
                args.stream().map(arg -> ScriptDatabase.argument(script, arg)).toList();
        runCli(script, negated, "plumb", argv, script.stdout());
    }

    /**
     * Runs the command line in process under a program name, with standard output going to {@code out}, and
     * fails the script when the exit code does not match the negation.
     */
    static void runCli(ScriptContext script, boolean negated, String programName, List<String> args, PrintWriter out) {
        byte[] stdin = script.takeStdin().orElse("").getBytes(StandardCharsets.UTF_8);
        PrintWriter err = script.stderr();
        CliEnvironment env = new CliEnvironment(
                script.cwd(), withCacheDir(script.environment()), new ByteArrayInputStream(stdin), out, err);
        int exitCode = Plumb.executeAs(programName, env, args.toArray(String[]::new));
        out.flush();
        err.flush();
        // No "[exit status N]" note as exec writes: the runner logs a custom command's output after it returns, so
        // the note would come before the output it belongs under. Exit codes 1 and 2 differ in the output anyway.
        if (exitCode != 0 && !negated) {
            throw new ScriptFailure("unexpected command failure");
        }
        if (exitCode == 0 && negated) {
            throw new ScriptFailure("unexpected command success");
        }
    }

    // A script's HOME is /no-home: its snapshot cache is its own, under its temporary directory, unless it names one.
    private static Map<String, String> withCacheDir(Map<String, String> environment) {
        String tmp = environment.get("TMPDIR");
        if (environment.containsKey("PLUMB_CACHE_DIR") || tmp == null) {
            return environment;
        }
        Map<String, String> with = new HashMap<>(environment);
        with.put("PLUMB_CACHE_DIR", Path.of(tmp, "plumb-cache").toString());
        return with;
    }
}
