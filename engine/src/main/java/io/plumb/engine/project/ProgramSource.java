package io.plumb.engine.project;

import io.plumb.engine.hcl.Value;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * A {@code ProgramSource} runs the {@code program} of a {@code data "external"} or {@code data "external_schema"}
 * block ({@code [argv...]}, found on the {@code PATH}, run in the project file's directory or in {@code
 * working_dir} relative to it) and reads its standard output: {@code external} gives the output as a string,
 * {@code external_schema} reads it as an SQL schema and gives a desired-state {@code url} (a file holding the
 * output). A program that cannot start, or exits non-zero, is an error that quotes its standard error.
 */
final class ProgramSource {

    private final Path directory;

    ProgramSource(Path directory) {
        this.directory = directory;
    }

    /** Resolves {@code data "external"}: the output. */
    Value output(DataBlock block) {
        return new Value.Str(run(block));
    }

    /** Resolves {@code data "external_schema"}: a URL of the output as an SQL file. */
    Value schema(DataBlock block) {
        String sql = run(block);
        Path file = DataFiles.directory(block.type(), block.name()).resolve(block.name() + ".sql");
        try {
            Files.writeString(file, sql, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw block.error("writing the program's output: " + e.getMessage());
        }
        return ProjectDataSources.url("file://" + file);
    }

    private String run(DataBlock block) {
        block.allow(Set.of("program", "working_dir"), Set.of());
        List<String> program = block.strings("program");
        if (program.isEmpty()) {
            throw block.error(block.attribute("program").orElseThrow().pos(), "program cannot be empty");
        }
        Path dir = block.optionalString("working_dir")
                .map(d -> directory.resolve(d).normalize())
                .orElse(directory);
        if (!Files.isDirectory(dir)) {
            throw block.error(
                    block.attribute("working_dir").orElseThrow().pos(), "working_dir " + dir + " is not a directory");
        }
        Process process;
        try {
            process = new ProcessBuilder(program)
                    .directory(dir.toFile())
                    .redirectInput(ProcessBuilder.Redirect.PIPE)
                    .start();
        } catch (IOException e) {
            String reason = String.valueOf(e.getMessage()).contains("error=2,")
                    ? "no such program on the PATH"
                    : String.valueOf(e.getMessage());
            throw block.error("running program \"" + program.get(0) + "\": " + reason);
        }
        try {
            process.getOutputStream().close();
            CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
            String stdout = read(process.getInputStream());
            int exit = process.waitFor();
            String errors = stderr.get().strip();
            if (exit != 0) {
                throw block.error("running program \"" + program.get(0) + "\": "
                        + (errors.isEmpty() ? "exit status " + exit : errors));
            }
            return stdout;
        } catch (IOException | UncheckedIOException | ExecutionException e) {
            throw block.error("running program \"" + program.get(0) + "\": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw block.error("running program \"" + program.get(0) + "\": interrupted");
        }
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
