package io.plumb.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A {@code ProcessRun} runs one external command to completion for a process leg of {@link MigrateBench}, with its
 * output in a log file rather than a pipe, so that a full pipe never stalls the command being timed.
 *
 * @param command the program and its arguments
 * @param stdin the file to read as standard input, or {@code null} for none
 * @param log the file that receives standard output and standard error
 */
record ProcessRun(List<String> command, @Nullable Path stdin, Path log) {

    ProcessRun {
        command = List.copyOf(command);
    }

    /** Runs the command and waits for it; a non-zero exit is a {@link LegFailure} quoting the end of the log. */
    void run(String leg) throws LegFailure {
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        if (stdin != null) {
            builder.redirectInput(stdin.toFile());
        } else {
            builder.redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
        }
        int exit;
        try {
            exit = builder.start().waitFor();
        } catch (IOException e) {
            throw new LegFailure(leg + ": cannot start " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LegFailure(leg + ": interrupted", e);
        }
        if (exit != 0) {
            throw new LegFailure(leg + ": " + String.join(" ", command) + " exited with " + exit + ": " + tail());
        }
    }

    private static File nullDevice() {
        return new File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    private String tail() {
        try {
            String text = Files.readString(log, StandardCharsets.UTF_8).strip();
            return text.length() <= 2000 ? text : "..." + text.substring(text.length() - 2000);
        } catch (IOException e) {
            return "(its output in " + log + " could not be read: " + e.getMessage() + ")";
        }
    }
}
