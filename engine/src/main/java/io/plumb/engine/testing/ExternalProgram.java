package io.plumb.engine.testing;

import io.plumb.engine.hcl.Pos;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * {@code ExternalProgram} runs an {@code external} command's program: directly, not through a shell, with standard
 * input closed, and returns its standard output when it exits 0 within the time limit.
 */
final class ExternalProgram {

    /** How long a program may run; a program that hangs (waiting for input that never comes) must not hang the run. */
    static final Duration TIMEOUT = Duration.ofMinutes(10);

    private static final int STDERR_LINES = 10;

    private ExternalProgram() {}

    /**
     * Runs the program and returns its standard output.
     *
     * @throws CommandFailedException when it cannot start, exits non-zero or runs out of time
     */
    static String run(List<String> program, Path directory, Duration timeout, Pos pos) {
        String name = program.get(0);
        if (!Files.isDirectory(directory)) {
            throw CommandFailedException.at(
                    pos, "working directory " + directory + " of program \"" + name + "\" does not exist");
        }
        Process process;
        try {
            process = new ProcessBuilder(program).directory(directory.toFile()).start();
        } catch (IOException e) {
            throw CommandFailedException.at(pos, "cannot start program \"" + name + "\": " + reason(e));
        }
        closeQuietly(process);
        CompletableFuture<String> stdout = drain(process.getInputStream());
        CompletableFuture<String> stderr = drain(process.getErrorStream());
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw CommandFailedException.at(
                        pos,
                        "program \"" + name + "\" did not finish within " + timeout.toSeconds() + "s and was killed");
            }
            int status = process.exitValue();
            if (status != 0) {
                String errors = lastLines(stderr.get(), STDERR_LINES);
                throw CommandFailedException.at(
                        pos,
                        "program \"" + name + "\" exited with status " + status
                                + (errors.isEmpty() ? "" : "; its last error output:\n" + errors));
            }
            return stdout.get();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw CommandFailedException.at(pos, "interrupted while program \"" + name + "\" ran");
        } catch (ExecutionException e) {
            throw CommandFailedException.at(pos, "reading the output of program \"" + name + "\": " + e.getCause());
        }
    }

    // Standard input is closed rather than inherited, so a program that reads it sees end of input, not the JVM's.
    private static void closeQuietly(Process process) {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // The program may already have exited; there is nothing to close then.
        }
    }

    // Both streams are read while the program runs: a program blocked on a full pipe would never exit.
    private static CompletableFuture<String> drain(InputStream stream) {
        CompletableFuture<String> text = new CompletableFuture<>();
        Thread reader = new Thread(
                () -> {
                    try (stream) {
                        text.complete(new String(stream.readAllBytes(), StandardCharsets.UTF_8));
                    } catch (IOException e) {
                        text.completeExceptionally(new UncheckedIOException(e));
                    }
                },
                "plumb-external-output");
        reader.setDaemon(true);
        reader.start();
        return text;
    }

    // Java says: Cannot run program "x" (in directory "d"): error=2, No such file or directory.
    private static String reason(IOException e) {
        String message = e.getCause() != null && e.getCause().getMessage() != null
                ? e.getCause().getMessage()
                : String.valueOf(e.getMessage());
        return message.replaceFirst("^error=\\d+, ", "");
    }

    static String lastLines(String text, int count) {
        List<String> lines = Arrays.asList(text.strip().split("\\R"));
        if (lines.size() == 1 && lines.get(0).isEmpty()) {
            return "";
        }
        return String.join("\n", lines.subList(Math.max(0, lines.size() - count), lines.size()));
    }
}
