package io.plumb.engine.hcl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The file-matching functions, with a relative pattern resolved against the evaluated file's directory and the
 * paths sorted and spelled as the pattern spells them:
 *
 * <ul>
 *   <li>{@code glob(pattern)}: the wildcards ({@code *}, {@code ?}, {@code [...]}) apply to the last path element,
 *       such as {@code "schemas/*.hcl"};
 *   <li>{@code fileset(pattern)}: the reference's successor to {@code glob}, whose wildcards apply anywhere and match
 *       files only: {@code **} matches any number of directories ({@code "schemas/**}{@code /*.hcl"} takes {@code
 *       schemas/a.hcl} and {@code schemas/public/tables/b.hcl}), {@code *} and {@code ?} stay within one path
 *       element, and {@code {a,b}} matches either.
 * </ul>
 */
final class GlobFunction {

    private GlobFunction() {}

    static void register(Map<String, FunctionDef> m) {
        m.put("glob", FunctionDef.of(1, GlobFunction::glob));
        m.put("fileset", FunctionDef.of(1, GlobFunction::fileset));
    }

    private static Value fileset(CallArgs a) {
        String pattern = a.str(0);
        // The directories before the first wildcard are walked; the rest of the pattern is matched below them.
        String[] elements = pattern.split("/", -1);
        int fixed = 0;
        while (fixed < elements.length - 1 && !elements[fixed].matches(".*[*?\\[{].*")) {
            fixed++;
        }
        String prefix =
                fixed == 0 ? "" : String.join("/", Arrays.asList(elements).subList(0, fixed)) + "/";
        Pattern matcher;
        try {
            matcher = Pattern.compile(
                    regex(String.join("/", Arrays.asList(elements).subList(fixed, elements.length))));
        } catch (IllegalArgumentException e) {
            throw a.error("fileset \"" + pattern + "\": " + e.getMessage());
        }
        Path dir = a.dir().resolve(prefix.isEmpty() ? "." : prefix);
        List<String> names = new ArrayList<>();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.filter(Files::isRegularFile)
                        .map(p -> dir.relativize(p).toString().replace('\\', '/'))
                        .filter(relative -> matcher.matcher(relative).matches())
                        .forEach(relative -> names.add(prefix + relative));
            } catch (IOException | UncheckedIOException e) {
                throw a.error("fileset \"" + pattern + "\": " + e.getMessage());
            }
        }
        names.sort(null);
        return new Value.ListValue(
                names.stream().map(n -> (Value) new Value.Str(n)).toList());
    }

    // A doublestar pattern as a regular expression over '/'-separated relative paths.
    private static String regex(String glob) {
        StringBuilder out = new StringBuilder();
        int braces = 0;
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            switch (c) {
                case '*' -> {
                    if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                        boolean slash = i + 2 < glob.length() && glob.charAt(i + 2) == '/';
                        out.append(slash ? "(?:.*/)?" : ".*");
                        i += slash ? 2 : 1;
                    } else {
                        out.append("[^/]*");
                    }
                }
                case '?' -> out.append("[^/]");
                case '[' -> {
                    int end = glob.indexOf(']', i + 1);
                    if (end < 0) {
                        throw new IllegalArgumentException("unterminated [ at " + (i + 1));
                    }
                    String body = glob.substring(i + 1, end);
                    out.append('[')
                            .append(body.startsWith("!") ? "^" + body.substring(1) : body)
                            .append(']');
                    i = end;
                }
                case '{' -> {
                    braces++;
                    out.append("(?:");
                }
                case '}' -> {
                    if (braces == 0) {
                        throw new IllegalArgumentException("unmatched } at " + (i + 1));
                    }
                    braces--;
                    out.append(')');
                }
                case ',' -> out.append(braces > 0 ? "|" : ",");
                case '\\' -> {
                    if (i + 1 < glob.length()) {
                        out.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
                    }
                }
                default -> out.append(Pattern.quote(String.valueOf(c)));
            }
        }
        if (braces > 0) {
            throw new IllegalArgumentException("unterminated {");
        }
        return out.toString();
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
