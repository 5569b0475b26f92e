package io.plumb.cli;

import io.plumb.engine.testing.TestFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code TestPaths} turns the paths a test command was given into test files: a file stands for itself, a
 * directory for every {@code *.test.hcl} below it, in path order.
 */
final class TestPaths {

    private TestPaths() {}

    /**
     * Returns the test files the paths name, each once, in the order given (a directory's files in path order).
     *
     * @throws EngineFailure when a path does not exist, or a named file is not a test file
     */
    static List<Path> collect(CliEnvironment env, List<String> paths) {
        Set<Path> files = new LinkedHashSet<>();
        for (String path : paths) {
            Path resolved = env.resolve(path).normalize();
            if (Files.isDirectory(resolved)) {
                files.addAll(below(resolved));
            } else if (Files.isRegularFile(resolved)) {
                if (!resolved.getFileName().toString().endsWith(TestFile.SUFFIX)) {
                    throw new EngineFailure(
                            "\"" + path + "\" is not a test file: test files end in " + TestFile.SUFFIX);
                }
                files.add(resolved);
            } else {
                throw new EngineFailure("test path \"" + path + "\" does not exist");
            }
        }
        return new ArrayList<>(files);
    }

    private static List<Path> below(Path directory) {
        try (Stream<Path> walk = Files.walk(directory)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(TestFile.SUFFIX))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("listing " + directory + ": " + e.getMessage(), e);
        }
    }
}
