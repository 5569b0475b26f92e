package io.plumb.runner.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Temporary: replaced by the full Go RE2 translation. */
final class GoRegex {
    private GoRegex() {}

    static Pattern compile(String pattern) {
        try {
            return Pattern.compile(pattern, Pattern.MULTILINE | Pattern.UNIX_LINES);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("error parsing regexp: " + e.getDescription(), e);
        }
    }

    static int countMatches(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        int count = 0;
        int prevEnd = -1;
        while (m.find()) {
            if (m.start() == m.end() && m.start() == prevEnd) {
                continue;
            }
            count++;
            prevEnd = m.end();
        }
        return count;
    }

    static String quoteMeta(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            if ("\\.+*?()|[]{}^$".indexOf(c) >= 0) {
                b.append('\\');
            }
            b.append(c);
        }
        return b.toString();
    }
}
