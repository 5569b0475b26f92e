package io.plumb.runner.internal;

import io.plumb.runner.ScriptCommand;
import io.plumb.runner.ScriptExtension;
import io.plumb.runner.ScriptFailure;
import io.plumb.runner.ScriptOutcome;
import io.plumb.runner.ScriptSkip;
import io.plumb.txtar.Archive;
import io.plumb.txtar.ArchiveFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A {@code ScriptBody} runs the part of a script that can fail: extraction, setup, every line, and the cleanup that
 * checks background programs and applies updates.
 */
final class ScriptBody {
    /** Scripts run on their own threads so that a command that hangs cannot outlive the time limit unnoticed. */
    private static final ExecutorService THREADS = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "plumb-script");
        thread.setDaemon(true);
        return thread;
    });

    private final ScriptState ts;
    private final Archive archive;
    private final CommandTable commands;

    ScriptBody(ScriptState ts, Archive archive, CommandTable commands) {
        this.ts = ts;
        this.archive = archive;
        this.commands = commands;
    }

    /** Runs the body, failing it when it takes longer than {@code timeout}. */
    ScriptExecution.Outcome runWithin(Duration timeout) {
        Future<ScriptExecution.Outcome> future = THREADS.submit(this::run);
        try {
            // The body watches the deadline itself while programs run; the extra second is for in-process commands.
            return future.get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            for (BackgroundProcess background : ts.background()) {
                background.process().destroyForcibly();
            }
            return fail("test timed out while running command");
        } catch (ExecutionException e) {
            return fail("internal error: " + e.getCause());
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            return fail("interrupted");
        }
    }

    private ScriptExecution.Outcome run() {
        ScriptExecution.Outcome outcome;
        try {
            extract();
            for (ScriptExtension extension : ts.options().extensions()) {
                extension.setup(ts);
            }
            if (ts.options().keepWork() || ts.options().verbose()) {
                logEnvironment();
            }
            boolean stopped = runLines();
            stopBackground(true);
            ts.scriptLog().finishPassed();
            if (!stopped) {
                ts.scriptLog().line("PASS");
            }
            outcome = new ScriptExecution.Outcome(ScriptOutcome.PASSED, 0, "");
        } catch (ScriptFailure e) {
            outcome = fail(String.valueOf(e.getMessage()));
            stopBackground(false);
        } catch (ScriptSkip e) {
            ts.scriptLog().finishFailed();
            outcome =
                    new ScriptExecution.Outcome(ScriptOutcome.SKIPPED, ts.lineNumber(), String.valueOf(e.getMessage()));
            stopBackground(false);
        } catch (RuntimeException e) {
            outcome = fail("internal error: " + e);
            stopBackground(false);
        }
        return finish(outcome);
    }

    /** Runs deferred actions and applies updates, which happen whether or not the script passed. */
    private ScriptExecution.Outcome finish(ScriptExecution.Outcome outcome) {
        ScriptExecution.Outcome result = outcome;
        while (!ts.deferred().isEmpty()) {
            try {
                ts.deferred().pop().run();
            } catch (RuntimeException e) {
                if (result.outcome() != ScriptOutcome.FAILED) {
                    result = fail("deferred action failed: " + e.getMessage());
                }
            }
        }
        try {
            new ScriptUpdater(ts, archive).apply();
        } catch (ScriptFailure e) {
            if (result.outcome() != ScriptOutcome.FAILED) {
                result = fail(String.valueOf(e.getMessage()));
            }
        }
        return result;
    }

    private ScriptExecution.Outcome fail(String message) {
        ts.scriptLog().line("FAIL: " + ts.scriptFile() + ":" + ts.lineNumber() + ": " + message);
        ts.scriptLog().finishFailed();
        return new ScriptExecution.Outcome(ScriptOutcome.FAILED, ts.lineNumber(), message);
    }

    private void extract() {
        Path work = ts.workDir().toAbsolutePath().normalize();
        int markerLine = lineCount(archive.comment()) + 1;
        for (ArchiveFile file : archive.files()) {
            String expanded = Expander.expand(file.name(), ts::getenv);
            Path path = ts.workDir().resolve(expanded).normalize();
            Path absolute = path.toAbsolutePath();
            if (!absolute.startsWith(work) || absolute.equals(work)) {
                // Extraction must not write outside $WORK: a script could otherwise overwrite any file of its user.
                ts.setLineNumber(markerLine);
                throw new ScriptFailure("archive file " + GoQuote.quote(file.name())
                        + (absolute.equals(work) ? " names $WORK itself" : " is outside $WORK"));
            }
            try {
                Files.createDirectories(absolute.getParent());
                Files.write(path, file.data().getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                ts.setLineNumber(markerLine);
                throw new ScriptFailure(ScriptState.describe("extracting " + file.name(), e), e);
            }
            ts.recordExtracted(path, file.name());
            markerLine += 1 + lineCount(file.data());
        }
    }

    private static int lineCount(String text) {
        int lines = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lines++;
            }
        }
        return lines;
    }

    private void logEnvironment() {
        ts.environment().forEach((name, value) -> ts.scriptLog().line(name + "=" + value));
        ts.scriptLog().raw("\n");
        ts.scriptLog().markHere();
    }

    /** Runs the lines; returns whether {@code stop} ended them. */
    private boolean runLines() {
        String[] lines = archive.comment().split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i == lines.length - 1 && lines[i].isEmpty()) {
                break;
            }
            ts.setLineNumber(i + 1);
            String line = lines[i];
            if (line.startsWith("#")) {
                ts.scriptLog().phase(line);
                continue;
            }
            try {
                runLine(line);
            } catch (ScriptStop e) {
                return true;
            }
            if (Thread.currentThread().isInterrupted() || ts.deadline().isExpired()) {
                throw new ScriptFailure("test timed out while running command");
            }
        }
        return false;
    }

    private void runLine(String line) {
        List<String> args = new ArrayList<>(LineParser.parse(line, this::expand));
        if (args.isEmpty()) {
            return;
        }
        ts.scriptLog().line("> " + line);
        while (args.get(0).startsWith("[") && args.get(0).endsWith("]")) {
            String condition = args.remove(0);
            condition = condition.substring(1, condition.length() - 1).strip();
            if (args.isEmpty()) {
                throw new ScriptFailure("missing command after condition");
            }
            boolean want = true;
            if (condition.startsWith("!")) {
                want = false;
                condition = condition.substring(1).strip();
            }
            Optional<Boolean> holds = Conditions.evaluate(ts, condition);
            if (holds.isEmpty()) {
                throw new ScriptFailure("unknown condition " + GoQuote.quote(condition));
            }
            if (holds.get() != want) {
                return;
            }
        }
        Prefix prefix = Prefix.NONE;
        if (args.get(0).equals("!") || args.get(0).equals("?")) {
            prefix = args.get(0).equals("!") ? Prefix.NEGATED : Prefix.OPTIONAL;
            args.remove(0);
            if (args.isEmpty()) {
                throw new ScriptFailure(prefix.symbol + " on line by itself");
            }
        }
        String name = args.remove(0);
        try {
            dispatch(name, prefix == Prefix.NEGATED, args);
        } catch (ScriptFailure e) {
            if (prefix != Prefix.OPTIONAL) {
                throw e;
            }
            ts.scriptLog().line("[" + e.getMessage() + "]");
        }
    }

    private void dispatch(String name, boolean negated, List<String> args) {
        Optional<Builtin> builtin = commands.builtin(name);
        if (builtin.isPresent()) {
            builtin.get().run(ts, negated, List.copyOf(args));
            return;
        }
        Optional<ScriptCommand> command = commands.extension(name);
        if (command.isEmpty()) {
            throw new ScriptFailure(Suggestions.unknownCommand(name, commands.names()));
        }
        ts.clearCommandOutput();
        try {
            command.get().run(ts, negated, List.copyOf(args));
        } catch (ScriptFailure | ScriptSkip | ScriptStop e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ScriptFailure(name + ": unexpected error: " + e, e);
        } finally {
            ts.collectCommandOutput();
        }
    }

    private String expand(String text) {
        return Expander.expand(text, key -> {
            if (key.endsWith("@R")) {
                return GoRegex.quoteMeta(ts.getenv(key.substring(0, key.length() - 2)));
            }
            return ts.getenv(key);
        });
    }

    /**
     * Interrupts the background programs that are still running and waits for them, ignoring their status. After
     * a normal end they are logged; after a failure they are not, as in go-internal.
     */
    private void stopBackground(boolean log) {
        if (ts.background().isEmpty()) {
            return;
        }
        for (BackgroundProcess background : ts.background()) {
            ProcessLauncher.signal(background.process(), "INT");
        }
        if (log) {
            ProcessCommands.waitAll(ts, false);
            return;
        }
        for (BackgroundProcess background : ts.background()) {
            ProcessLauncher.await(background);
        }
        ts.background().clear();
    }

    /** The prefix of a command: none, {@code !} (must fail), or {@code ?} (may fail). */
    private enum Prefix {
        NONE(""),
        NEGATED("!"),
        OPTIONAL("?");

        private final String symbol;

        Prefix(String symbol) {
            this.symbol = symbol;
        }
    }
}
