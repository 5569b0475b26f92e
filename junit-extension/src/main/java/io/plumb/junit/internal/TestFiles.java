package io.plumb.junit.internal;

import io.plumb.engine.testing.TestFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** {@code TestFiles} recognises and finds {@code *.test.hcl} files, the schema and migration test files. */
public final class TestFiles {
    private TestFiles() {}

    /** Returns whether a path is a regular file named {@code *.test.hcl}. */
    public static boolean isTestFile(Path path) {
        Path name = path.getFileName();
        return name != null && name.toString().endsWith(TestFile.SUFFIX) && Files.isRegularFile(path);
    }

    /** Returns the test files below a directory, recursively, in path order. */
    public static List<Path> find(Path directory) {
        try (Stream<Path> walk = Files.walk(directory)) {
            return walk.filter(TestFiles::isTestFile)
                    .map(ScriptIdScheme::absolute)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot walk directory " + ScriptIdScheme.stablePath(directory), e);
        }
    }
}
