package io.plumb.engine.hcl;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code glob(pattern)} function: the paths that match a pattern such as {@code "schema-*.hcl"} or {@code
 * "schemas/*.hcl"}, sorted, spelled as the pattern spells them. The wildcards ({@code *}, {@code ?}, {@code [...]})
 * apply to the last path element; a relative pattern is resolved against the evaluated file's directory.
 */
final class GlobFunction {

    private GlobFunction() {}

    static void register(Map<String, FunctionDef> m) {
        m.put("glob", FunctionDef.of(1, GlobFunction::glob));
    }

    private static Value glob(CallArgs a) {
        String pattern = a.str(0);
        int slash = pattern.lastIndexOf('/');
        String prefix = slash < 0 ? "" : pattern.substring(0, slash + 1);
        String last = pattern.substring(slash + 1);
        if (prefix.matches(".*[*?\\[].*")) {
            throw a.error("glob \"" + pattern + "\": wildcards are supported in the last path element only");
        }
        Path dir;
        PathMatcher matcher;
        try {
            dir = a.dir().resolve(prefix.isEmpty() ? "." : prefix);
            matcher = FileSystems.getDefault().getPathMatcher("glob:" + last);
        } catch (IllegalArgumentException e) {
            throw a.error("glob \"" + pattern + "\": " + e.getMessage());
        }
        List<String> names = new ArrayList<>();
        if (Files.isDirectory(dir)) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
                for (Path entry : entries) {
                    Path name = entry.getFileName();
                    if (name != null && matcher.matches(name)) {
                        names.add(prefix + name);
                    }
                }
            } catch (IOException e) {
                throw a.error("glob \"" + pattern + "\": " + e.getMessage());
            }
        }
        names.sort(null);
        return new Value.ListValue(
                names.stream().map(n -> (Value) new Value.Str(n)).toList());
    }
}
