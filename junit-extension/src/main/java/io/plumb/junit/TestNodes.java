package io.plumb.junit;

import io.plumb.junit.internal.ClasspathDirectories;
import io.plumb.junit.internal.ScriptIdScheme;
import io.plumb.junit.internal.TestFileNodes;
import io.plumb.junit.internal.TestFiles;
import io.plumb.junit.internal.TestSession;
import io.plumb.junit.internal.TestSetupResolver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;

/**
 * A {@code TestNodes} turns directories of {@code *.test.hcl} files into Jupiter dynamic tests under fixed settings:
 * a {@link DynamicContainer} per file and per {@code for_each} block, a {@link DynamicTest} per case. Settings left
 * unset come from the nearest {@code atlas.hcl} or {@code plumb.hcl}, as in the {@code plumb} engine. Start from
 * {@link PlumbTests#configure()}.
 *
 * <p>The returned stream owns the dev databases of its cases: Jupiter closes a {@code @TestFactory}'s stream when its
 * tests ran, which drops them and, in update mode, rewrites the files.
 *
 * @param parameters what the files run against
 * @param update whether mismatched {@code output} values are rewritten instead of failing
 */
public record TestNodes(TestParameters parameters, boolean update) {

    /** Returns these settings with the dev database URL set. */
    public TestNodes devUrl(String url) {
        return new TestNodes(parameters.withDevUrl(url), update);
    }

    /** Returns these settings with the desired schema of schema tests set: files, directories or URLs. */
    public TestNodes schema(String... sources) {
        return new TestNodes(parameters.withSchema(Arrays.asList(sources)), update);
    }

    /** Returns these settings with the migration directory of migration tests set, such as {@code file://dir}. */
    public TestNodes migrations(String dirUrl) {
        return new TestNodes(parameters.withDir(dirUrl), update);
    }

    /** Returns these settings with the schema of the revisions table set. */
    public TestNodes revisionsSchema(String name) {
        return new TestNodes(parameters.withRevisionsSchema(name), update);
    }

    /** Returns these settings with input variables of the test files and the desired schema set. */
    public TestNodes vars(Map<String, String> values) {
        return new TestNodes(parameters.withVars(values), update);
    }

    /** Returns these settings with the env of the project file set. */
    public TestNodes env(String name) {
        return new TestNodes(parameters.withEnv(name), update);
    }

    /** Returns these settings with update mode set as given. */
    public TestNodes update(boolean value) {
        return new TestNodes(parameters, value);
    }

    /**
     * Returns the dynamic nodes of the test files under a directory, walked recursively, named by their path
     * relative to it.
     *
     * @throws IllegalArgumentException when the path is not a directory
     */
    public Stream<DynamicNode> in(Path directory) {
        return of(List.of(ScriptIdScheme.absolute(directory)));
    }

    /**
     * Returns the dynamic nodes of the test files under a class-path directory, in every class-path root that has it
     * on the file system (a build's copy maps back to {@code src/test/resources}).
     *
     * @throws IllegalArgumentException when no class-path root has the directory
     */
    public Stream<DynamicNode> onClasspath(String resourceDirectory) {
        List<Path> directories = ClasspathDirectories.locate(resourceDirectory).stream()
                .filter(Files::isDirectory)
                .toList();
        if (directories.isEmpty()) {
            throw new IllegalArgumentException(
                    "no class-path directory \"" + resourceDirectory + "\" on the file system");
        }
        return of(directories);
    }

    private Stream<DynamicNode> of(List<Path> directories) {
        for (Path directory : directories) {
            if (!Files.isDirectory(directory)) {
                throw new IllegalArgumentException("not a directory: " + ScriptIdScheme.stablePath(directory));
            }
        }
        TestSession session = TestSession.of(new TestSetupResolver(parameters, Path.of(""), update, System::getenv));
        List<TestFileNodes> files = new ArrayList<>();
        for (Path directory : directories) {
            for (Path file : TestFiles.find(directory)) {
                String name = directory.relativize(file).toString().replace('\\', '/');
                files.add(new TestFileNodes(session, file, name));
            }
        }
        return files.stream().map(TestFileNodes::node).onClose(() -> {
            try {
                files.forEach(TestFileNodes::finish);
            } finally {
                session.close();
            }
        });
    }
}
