package io.plumb.runner.internal;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code GoRegex} compiles Go RE2 patterns to {@link Pattern}s that match as Go's {@code regexp} does, for
 * testscript's {@code stdout}, {@code stderr} and {@code grep}.
 *
 * <p>The pattern is parsed with Go's grammar and rewritten (see {@link GoRegexTranslator}): Go's syntax errors
 * are reported with Go's messages, Go-only syntax ({@code (?P<name>}, POSIX classes, the {@code U} flag) is
 * translated, and constructs whose meaning differs between the two engines ({@code ^ $ \b \s \v}, octal
 * escapes, {@code [} inside classes) are spelled out so that Java matches what Go matches.
 */
public final class GoRegex {
    private GoRegex() {}

    /**
     * Compiles {@code goPattern} as testscript does, as {@code regexp.Compile("(?m)" + goPattern)}.
     *
     * @throws IllegalArgumentException if Go would reject the pattern; the message is Go's, such as {@code
     *     error parsing regexp: missing closing ): `(?m)(a`} (the expression includes the {@code (?m)} prefix, as
     *     testscript's does)
     */
    public static Pattern compile(String goPattern) {
        return compileExact("(?m)" + goPattern);
    }

    /**
     * Compiles {@code goRegexp} as Go's {@code regexp.Compile} does, without the {@code (?m)} prefix.
     *
     * @throws IllegalArgumentException if Go would reject the pattern, with Go's message
     */
    public static Pattern compileExact(String goRegexp) {
        String java = GoRegexTranslator.translate(goRegexp);
        try {
            // UNIX_LINES: only \n ends a line, for '.', as in Go.
            return Pattern.compile(java, Pattern.UNIX_LINES);
        } catch (PatternSyntaxException e) {
            // Only reached for corners of the grammar the translator passes through unchecked.
            throw new IllegalArgumentException(
                    "error parsing regexp: " + e.getDescription() + ": `" + goRegexp + "`", e);
        }
    }

    /**
     * Counts the matches of {@code pattern} in {@code text} as {@code len(re.FindAllString(text, -1))} in Go:
     * matches do not overlap, and an empty match right after the previous match is not counted.
     */
    public static int countMatches(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        int count = 0;
        int pos = 0;
        int prevMatchEnd = -1;
        while (pos <= text.length() && m.find(pos)) {
            boolean accept = true;
            if (m.end() == pos) {
                // An empty match: Go drops it when it touches the previous match, and moves one rune on.
                if (m.start() == prevMatchEnd) {
                    accept = false;
                }
                pos = pos < text.length() ? text.offsetByCodePoints(pos, 1) : text.length() + 1;
            } else {
                pos = m.end();
            }
            prevMatchEnd = m.end();
            if (accept) {
                count++;
            }
        }
        return count;
    }

    /** Returns the leftmost match of {@code pattern} in {@code text}, as Go's {@code FindString}, if any. */
    public static Optional<String> firstMatch(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? Optional.of(m.group()) : Optional.empty();
    }

    /**
     * Escapes {@code s} as Go's {@code regexp.QuoteMeta}: a backslash before each of {@code \.+*?()|[]{}^$}. The
     * result is a Go regexp, and also a Java one, that matches {@code s} literally.
     */
    public static String quoteMeta(String s) {
        StringBuilder out = new StringBuilder(s.length() * 2);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ("\\.+*?()|[]{}^$".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
