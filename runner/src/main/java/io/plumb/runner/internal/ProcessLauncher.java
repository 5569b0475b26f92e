package io.plumb.runner.internal;

import io.plumb.runner.ScriptFailure;
import java.io.File;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A {@code ProcessLauncher} starts the programs of {@code exec}: it finds them on the script's {@code PATH}, gives
 * them the script's environment and directory, and captures their output through files so no thread is needed.
 */
final class ProcessLauncher {
    private static final Map<String, Boolean> ON_PATH = new ConcurrentHashMap<>();

    private ProcessLauncher() {}

    /** Runs a program in the foreground and waits for it, within the script's deadline. */
    static ProcessResult runForeground(ScriptState state, String program, List<String> args) {
        Started started;
        Optional<String> ttyin = state.takeTtyin();
        try {
            started = ttyin.isPresent()
                    ? TerminalLauncher.start(state, resolve(state, program), args, ttyin.get())
                    : start(state, program, args);
        } catch (StartException e) {
            return ProcessResult.notStarted(String.valueOf(e.getMessage()));
        }
        Process process = started.process();
        try {
            Duration remaining = state.deadline().remaining();
            if (!process.waitFor(remaining.toNanos(), TimeUnit.NANOSECONDS)) {
                signal(process, "QUIT");
                if (!process.waitFor(100, TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new ScriptFailure("test timed out while running command");
        }
        ProcessResult result = collect(started.stdoutFile(), started.stderrFile(), process.exitValue());
        Path ttyout = started.ttyoutFile();
        if (ttyout != null) {
            state.setTtyout(readAndDelete(ttyout));
        }
        if (state.deadline().isExpired()) {
            state.logOutput(result.stdout(), result.stderr());
            state.log("[" + result.state() + "]");
            throw new ScriptFailure("test timed out while running command");
        }
        return result;
    }

    /** Starts a program in the background. */
    static BackgroundProcess startBackground(
            ScriptState state, String name, String program, List<String> args, boolean negated) throws StartException {
        Started started = start(state, program, args);
        List<String> shown = new ArrayList<>();
        shown.add(Path.of(program).getFileName().toString());
        shown.addAll(args);
        return new BackgroundProcess(
                name, shown, started.process(), started.stdoutFile(), started.stderrFile(), negated);
    }

    /** Waits for a background process and collects what it left. */
    static ProcessResult await(BackgroundProcess background) {
        try {
            background.process().waitFor();
        } catch (InterruptedException e) {
            background.process().destroyForcibly();
            Thread.currentThread().interrupt();
            throw new ScriptFailure("test timed out while running command");
        }
        return collect(
                background.stdoutFile(),
                background.stderrFile(),
                background.process().exitValue());
    }

    /** Sends a signal by name ({@code INT}, {@code QUIT}, {@code KILL}) to a process. */
    static void signal(Process process, String signal) {
        if (!process.isAlive()) {
            return;
        }
        if ("KILL".equals(signal) || File.separatorChar == '\\') {
            process.destroyForcibly();
            return;
        }
        // Java can only send SIGTERM and SIGKILL itself; go-internal's contract needs SIGINT and SIGQUIT.
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            kill.waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            process.destroy();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Returns whether a program is found on a {@code PATH}; the answer is cached for the process's lifetime. */
    static boolean isOnPath(String program, String path) {
        return ON_PATH.computeIfAbsent(program, p -> lookPath(p, path).isPresent());
    }

    /** A program could not be started; the message is Go's. */
    static final class StartException extends Exception {
        private static final long serialVersionUID = 1L;

        StartException(String message) {
            super(message, null, false, false);
        }
    }

    /** A started program and the files its output goes to. */
    record Started(Process process, Path stdoutFile, Path stderrFile, @Nullable Path ttyoutFile) {}

    private static Started start(ScriptState state, String program, List<String> args) throws StartException {
        Path executable = resolve(state, program);
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(args);
        ProcessBuilder builder = inScript(state, command);
        try {
            Path out = scratchFile(state, ".stdout", "");
            Path err = scratchFile(state, ".stderr", "");
            builder.redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.redirectInput(stdinFile(state).toFile());
            return new Started(builder.start(), out, err, null);
        } catch (InterruptedIOException e) {
            Thread.currentThread().interrupt();
            throw new ScriptFailure("test timed out while running command");
        } catch (IOException e) {
            throw new StartException("fork/exec " + executable + ": " + firstLine(String.valueOf(e.getMessage())));
        }
    }

    /** Returns a builder for a command in the script's directory, with the script's environment and {@code PWD}. */
    static ProcessBuilder inScript(ScriptState state, List<String> command) {
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(state.cwd().toFile());
        Map<String, String> env = builder.environment();
        env.clear();
        env.putAll(state.envMap());
        env.put("PWD", state.cwd().toString());
        return builder;
    }

    /** Makes a file in {@code $WORK/.tmp} holding {@code content}, for a program's input or output. */
    static Path scratchFile(ScriptState state, String suffix, String content) throws IOException {
        Path tmp = Files.createDirectories(state.workDir().resolve(".tmp"));
        Path file = Files.createTempFile(tmp, "exec-", suffix);
        if (!content.isEmpty()) {
            Files.writeString(file, content, StandardCharsets.UTF_8);
        }
        return file;
    }

    /** Takes the pending {@code stdin} into a scratch file, or returns the null device when there is none. */
    static Path stdinFile(ScriptState state) throws IOException {
        Optional<String> stdin = state.takeStdin();
        return stdin.isPresent() ? scratchFile(state, ".stdin", stdin.get()) : Path.of(nullDevice());
    }

    static Path resolve(ScriptState state, String program) throws StartException {
        if (program.contains("/") || program.contains(File.separator)) {
            // ProcessBuilder would resolve a relative program against the JVM's directory; Go uses the script's.
            return state.mkAbs(program);
        }
        return lookPath(program, state.getenv("PATH"))
                .orElseThrow(() -> new StartException("exec: \"" + program + "\": executable file not found in $PATH"));
    }

    private static Optional<Path> lookPath(String program, String path) {
        for (String dir : path.split(File.pathSeparator, -1)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir).resolve(program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static ProcessResult collect(Path stdoutFile, Path stderrFile, int exitCode) {
        String out = readAndDelete(stdoutFile);
        String err = readAndDelete(stderrFile);
        return new ProcessResult(out, err, exitCode, ProcessResult.stateOf(exitCode));
    }

    private static String readAndDelete(Path file) {
        try {
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            Files.deleteIfExists(file);
            return text;
        } catch (IOException e) {
            throw new ScriptFailure("reading program output: " + e.getMessage(), e);
        }
    }

    static String nullDevice() {
        return File.separatorChar == '\\' ? "NUL" : "/dev/null";
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
