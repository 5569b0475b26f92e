package io.plumb.runner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/** {@code ScriptFiles} finds script files and gives them unique test names, as go-internal does. */
public final class ScriptFiles {
    private ScriptFiles() {}

    /** Returns whether a path names a script: a regular file ending in {@code .txtar}. */
    public static boolean isScript(Path path) {
        return path.getFileName() != null
                && path.getFileName().toString().endsWith(".txtar")
                && Files.isRegularFile(path);
    }

    /**
     * Returns the scripts under the given paths: a file is taken as it is, a directory is searched recursively
     * for {@code *.txtar}, in sorted order.
     *
     * @throws UncheckedIOException when a path does not exist or cannot be read
     */
    public static List<Path> find(List<Path> paths) {
        List<Path> scripts = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(ScriptFiles::isScript).sorted().forEach(scripts::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            } else if (Files.isRegularFile(path)) {
                scripts.add(path);
            } else {
                throw new UncheckedIOException(
                        new NoSuchFileException(path.toString(), null, "no such file or directory"));
            }
        }
        return scripts;
    }

    /** Returns the test name of a script: its base name without {@code .txtar} or {@code .txt}. */
    public static String baseName(Path script) {
        String name = String.valueOf(script.getFileName());
        if (name.endsWith(".txtar")) {
            return name.substring(0, name.length() - ".txtar".length());
        }
        if (name.endsWith(".txt")) {
            return name.substring(0, name.length() - ".txt".length());
        }
        return name;
    }

    /** Returns unique test names for scripts, in order: clashes get {@code #1}, {@code #2}, and so on. */
    public static Map<Path, String> uniqueNames(List<Path> scripts) {
        Map<Path, String> names = new LinkedHashMap<>();
        Set<String> taken = new HashSet<>();
        Map<String, Integer> clashes = new HashMap<>();
        for (Path script : scripts) {
            String name = baseName(script);
            while (taken.contains(name)) {
                name = name + "#" + clashes.merge(name, 1, Integer::sum);
            }
            taken.add(name);
            names.put(script, name);
        }
        return names;
    }
}
