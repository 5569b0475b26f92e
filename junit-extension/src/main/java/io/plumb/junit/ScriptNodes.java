package io.plumb.junit;

import io.plumb.junit.internal.ClasspathDirectories;
import io.plumb.junit.internal.ScriptIdScheme;
import io.plumb.junit.internal.ScriptVerdict;
import io.plumb.runner.RunnerOptions;
import io.plumb.runner.ScriptFiles;
import io.plumb.runner.ScriptRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;

/**
 * A {@code ScriptNodes} turns directories of txtar scripts into Jupiter dynamic tests under fixed runner options:
 * a {@link DynamicContainer} per directory and a {@link DynamicTest} per script, each with a {@code file:} source.
 *
 * <p>A script that fails throws an error located at its failing line, and one that skips aborts, as in the {@code
 * plumb} engine. Start from {@link Scripts#configure()}.
 *
 * @param options the options of the runner that runs the scripts
 */
public record ScriptNodes(RunnerOptions options) {

    /** Returns these settings with update mode set as given. */
    public ScriptNodes update(boolean value) {
        return new ScriptNodes(options.withUpdate(value));
    }

    /** Returns these settings with keeping work directories set as given. */
    public ScriptNodes keepWork(boolean value) {
        return new ScriptNodes(options.withKeepWork(value));
    }

    /** Returns these settings with the {@code [short]} condition set as given. */
    public ScriptNodes isShort(boolean value) {
        return new ScriptNodes(options.withShort(value));
    }

    /**
     * Returns the dynamic nodes of the scripts under a directory, walked recursively: a test per script in it and a
     * container per subdirectory that holds scripts.
     *
     * @throws IllegalArgumentException when the path is not a directory
     */
    public Stream<DynamicNode> in(Path directory) {
        return of(List.of(ScriptIdScheme.absolute(directory)));
    }

    /**
     * Returns the dynamic nodes of the scripts under a class-path directory, such as {@code testdata/scripts}, in
     * every class-path root that has it on the file system.
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
        // Shallow scripts are named first, as the engine's breadth-first discovery names them.
        List<Path> scripts = ScriptFiles.find(directories).stream()
                .sorted(Comparator.comparingInt(Path::getNameCount).thenComparing(Comparator.naturalOrder()))
                .toList();
        Tree tree = new Tree(new ScriptRunner(options), ScriptFiles.uniqueNames(scripts));
        return directories.stream().flatMap(tree::children);
    }

    /** The scripts of one call, named uniquely, and the runner they share. */
    private record Tree(ScriptRunner runner, Map<Path, String> names) {

        Stream<DynamicNode> children(Path directory) {
            List<DynamicNode> nodes = new ArrayList<>();
            for (Map.Entry<Path, String> script : names.entrySet()) {
                if (directory.equals(script.getKey().getParent())) {
                    nodes.add(test(script.getKey(), script.getValue()));
                }
            }
            subdirectories(directory)
                    .forEach(sub -> nodes.add(DynamicContainer.dynamicContainer(
                            String.valueOf(sub.getFileName()), sub.toUri(), children(sub))));
            return nodes.stream();
        }

        private List<Path> subdirectories(Path directory) {
            return names.keySet().stream()
                    .map(script -> subdirectoryTowards(directory, script))
                    .filter(Objects::nonNull)
                    .distinct()
                    .sorted()
                    .toList();
        }

        private static @Nullable Path subdirectoryTowards(Path directory, Path script) {
            Path parent = script.getParent();
            if (parent == null || parent.equals(directory) || !parent.startsWith(directory)) {
                return null;
            }
            return directory.resolve(directory.relativize(parent).getName(0));
        }

        private DynamicTest test(Path script, String name) {
            return DynamicTest.dynamicTest(name, script.toUri(), () -> ScriptVerdict.enforce(runner.run(script, name)));
        }
    }
}
