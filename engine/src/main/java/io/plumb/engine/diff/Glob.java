package io.plumb.engine.diff;

import java.util.regex.Pattern;

/**
 * A {@code Glob} is one name pattern of an exclude path, with Go's {@code path.Match} syntax: {@code *}, {@code ?},
 * {@code [abc]}, {@code [a-z]}, {@code [^a-z]} and {@code \} escapes.
 */
final class Glob {

    private final Pattern regex;

    private Glob(Pattern regex) {
        this.regex = regex;
    }

    /**
     * Compiles a glob.
     *
     * @throws IllegalArgumentException for a malformed glob, such as an unclosed {@code [}
     */
    static Glob compile(String glob) {
        StringBuilder re = new StringBuilder();
        int i = 0;
        while (i < glob.length()) {
            char c = glob.charAt(i);
            if (c == '*') {
                re.append("[^/]*");
            } else if (c == '?') {
                re.append("[^/]");
            } else if (c == '\\') {
                if (++i == glob.length()) {
                    throw new IllegalArgumentException("trailing escape");
                }
                re.append(Pattern.quote(String.valueOf(glob.charAt(i))));
            } else if (c == '[') {
                i = charClass(glob, i, re);
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
            i++;
        }
        return new Glob(Pattern.compile(re.toString()));
    }

    /** Appends the class opened at {@code open} and returns the index of its closing bracket. */
    private static int charClass(String glob, int open, StringBuilder re) {
        int i = open + 1;
        re.append('[');
        if (i < glob.length() && glob.charAt(i) == '^') {
            re.append('^');
            i++;
        }
        int first = i;
        while (i < glob.length() && glob.charAt(i) != ']') {
            char c = glob.charAt(i);
            if (c == '\\' && i + 1 < glob.length()) {
                re.append(literal(glob.charAt(++i)));
            } else if (c == '-' && i > first && i + 1 < glob.length() && glob.charAt(i + 1) != ']') {
                re.append('-');
            } else {
                re.append(literal(c));
            }
            i++;
        }
        if (i >= glob.length()) {
            throw new IllegalArgumentException("unclosed character class");
        }
        if (i == first) {
            throw new IllegalArgumentException("empty character class");
        }
        re.append(']');
        return i;
    }

    /** Returns a character as a literal inside a regex class: a backslash before anything not alphanumeric. */
    private static String literal(char c) {
        return Character.isLetterOrDigit(c) ? String.valueOf(c) : "\\" + c;
    }

    /** Returns whether the name matches the whole glob. */
    boolean matches(String name) {
        return regex.matcher(name).matches();
    }
}
