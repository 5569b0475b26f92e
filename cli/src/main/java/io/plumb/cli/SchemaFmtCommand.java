package io.plumb.cli;

import io.plumb.engine.hcl.HclFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * A {@code SchemaFmtCommand} is {@code plumb schema fmt}: it rewrites HCL files in the canonical layout and prints
 * the name of each file it changed, as the reference's command does.
 */
@Command(
        name = "fmt",
        header = "Format HCL files.",
        description = {
            "",
            "Formats the .hcl files given, and those directly in the directories given (the current directory by"
                    + " default): two-space indentation, one space between words, the = of consecutive attributes"
                    + " aligned. Prints the name of each file it changed. A file that does not parse is an error"
                    + " and nothing after it is written.",
            ""
        })
final class SchemaFmtCommand implements Callable<Integer> {

    private final CliEnvironment env;

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "HCL files or directories (default: ./).")
    List<String> paths = new ArrayList<>();

    SchemaFmtCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        List<String> given = paths.isEmpty() ? List.of("./") : paths;
        for (String path : given) {
            for (String file : files(path)) {
                Path resolved = env.resolve(file);
                String text = read(resolved, file);
                String formatted = HclFormat.format(file, text);
                if (!formatted.equals(text)) {
                    write(resolved, file, formatted);
                    env.out().println(file);
                    env.out().flush();
                }
            }
        }
        return 0;
    }

    /** Returns the file itself when it is an .hcl file, or the .hcl files directly in a directory, by name. */
    private List<String> files(String path) {
        Path resolved = env.resolve(path);
        if (!Files.exists(resolved)) {
            throw new EngineFailure(path + ": no such file or directory");
        }
        if (!Files.isDirectory(resolved)) {
            return path.endsWith(".hcl") ? List.of(path) : List.of();
        }
        try (Stream<Path> entries = Files.list(resolved)) {
            return entries.filter(p -> !Files.isDirectory(p))
                    .map(p -> p.getFileName().toString())
                    .filter(name -> name.endsWith(".hcl"))
                    .sorted()
                    .map(name -> join(path, name))
                    .toList();
        } catch (IOException e) {
            throw new EngineFailure("reading directory " + path + ": " + e.getMessage());
        }
    }

    /** Joins as Go's {@code filepath.Join} does for these paths: {@code ./} and {@code .} add nothing. */
    private static String join(String dir, String name) {
        String clean = dir;
        while (clean.endsWith("/") && clean.length() > 1) {
            clean = clean.substring(0, clean.length() - 1);
        }
        if (clean.equals(".") || clean.isEmpty()) {
            return name;
        }
        return clean + "/" + name;
    }

    private static String read(Path path, String shown) {
        try {
            return new String(Files.readAllBytes(path), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new EngineFailure("reading " + shown + ": " + e.getMessage());
        }
    }

    private static void write(Path path, String shown, String text) {
        try {
            Files.writeString(path, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new EngineFailure("writing " + shown + ": " + e.getMessage());
        }
    }
}
