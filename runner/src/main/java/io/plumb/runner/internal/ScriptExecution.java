package io.plumb.runner.internal;

import io.plumb.runner.RunnerOptions;
import io.plumb.runner.ScriptOutcome;
import io.plumb.runner.ScriptResult;
import io.plumb.txtar.Archive;
import io.plumb.txtar.Txtar;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * A {@code ScriptExecution} runs one script from start to end: it makes {@code $WORK}, extracts the archive, runs
 * setup and then each line, cleans up, and turns what happened into a {@link ScriptResult}.
 */
public final class ScriptExecution {
    private final RunnerOptions options;
    private final Path scriptFile;
    private final String name;
    private final WorkRoot workRoot;

    public ScriptExecution(RunnerOptions options, WorkRoot workRoot, Path scriptFile, String name) {
        this.options = options;
        this.workRoot = workRoot;
        this.scriptFile = scriptFile;
        this.name = name;
    }

    /** Runs the script within the time limit; errors become a failed result, never an exception. */
    public ScriptResult run() {
        long start = System.nanoTime();
        Archive archive;
        try {
            archive = Txtar.parse(new String(Files.readAllBytes(scriptFile), StandardCharsets.UTF_8));
        } catch (IOException e) {
            String message = ScriptState.describe("open " + scriptFile, e);
            if (e instanceof java.nio.file.NoSuchFileException) {
                message = "open " + scriptFile + ": no such file or directory";
            }
            return failedBeforeStart(message, start);
        }
        Path work;
        try {
            work = workRoot.newWorkDir(name);
            Files.createDirectory(work.resolve(".tmp"));
        } catch (IOException e) {
            return failedBeforeStart(ScriptState.describe("creating work directory", e), start);
        }
        ScriptState ts = new ScriptState(options, scriptFile, name, work, new Deadline(options.timeout()));
        initEnvironment(ts);
        Outcome outcome = new ScriptBody(ts, archive, commands()).runWithin(options.timeout());
        Optional<Path> kept = Optional.empty();
        if (options.keepWork()) {
            kept = Optional.of(work);
        } else {
            workRoot.discard(work);
        }
        String log = ts.scriptLog().text().replace(work.toString(), "$WORK");
        return new ScriptResult(
                name,
                scriptFile,
                outcome.outcome(),
                log,
                outcome.line(),
                outcome.message().replace(work.toString(), "$WORK"),
                kept,
                Duration.ofNanos(System.nanoTime() - start));
    }

    /** How the body of a script ended. */
    record Outcome(ScriptOutcome outcome, int line, String message) {}

    private ScriptResult failedBeforeStart(String message, long start) {
        String log = "FAIL: " + scriptFile + ":0: " + message + "\n";
        return new ScriptResult(
                name,
                scriptFile,
                ScriptOutcome.FAILED,
                log,
                0,
                message,
                Optional.empty(),
                Duration.ofNanos(System.nanoTime() - start));
    }

    private CommandTable commands() {
        return new CommandTable(options.extensions());
    }

    private void initEnvironment(ScriptState ts) {
        boolean windows = File.separatorChar == '\\';
        ts.setenv("WORK", ts.workDir().toString());
        ts.setenv("PATH", options.path());
        ts.setenv("GOTRACEBACK", "system");
        ts.setenv(windows ? "USERPROFILE" : "HOME", "/no-home");
        ts.setenv(windows ? "TMP" : "TMPDIR", ts.workDir().resolve(".tmp").toString());
        ts.setenv("devnull", windows ? "NUL" : "/dev/null");
        ts.setenv("/", File.separator);
        ts.setenv(":", File.pathSeparator);
        ts.setenv("$", "$");
        ts.setenv("exe", windows ? ".exe" : "");
        options.variables().forEach(ts::setenv);
    }
}
