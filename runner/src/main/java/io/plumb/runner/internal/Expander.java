package io.plumb.runner.internal;

import java.util.function.UnaryOperator;

/** An {@code Expander} expands {@code $NAME} and {@code ${NAME}} with the rules of Go's {@code os.Expand}. */
final class Expander {
    private Expander() {}

    /**
     * Expands variables in {@code s}. {@code $} followed by anything but a name, a special character or a brace is
     * kept; <code>${}</code> and an unclosed <code>${</code> are removed.
     */
    static String expand(String s, UnaryOperator<String> lookup) {
        StringBuilder out = null;
        int i = 0;
        for (int j = 0; j < s.length(); j++) {
            if (s.charAt(j) == '$' && j + 1 < s.length()) {
                if (out == null) {
                    out = new StringBuilder(2 * s.length());
                }
                out.append(s, i, j);
                String rest = s.substring(j + 1);
                Name name = shellName(rest);
                if (name.text().isEmpty() && name.width() > 0) {
                    // Invalid syntax such as "${}": Go eats the characters.
                } else if (name.text().isEmpty()) {
                    out.append('$');
                } else {
                    out.append(lookup.apply(name.text()));
                }
                j += name.width();
                i = j + 1;
            }
        }
        return out == null ? s : out.append(s, i, s.length()).toString();
    }

    private record Name(String text, int width) {}

    private static Name shellName(String s) {
        char first = s.charAt(0);
        if (first == '{') {
            if (s.length() > 2 && isSpecial(s.charAt(1)) && s.charAt(2) == '}') {
                return new Name(s.substring(1, 2), 3);
            }
            for (int i = 1; i < s.length(); i++) {
                if (s.charAt(i) == '}') {
                    return i == 1 ? new Name("", 2) : new Name(s.substring(1, i), i + 1);
                }
            }
            return new Name("", 1);
        }
        if (isSpecial(first)) {
            return new Name(s.substring(0, 1), 1);
        }
        int i = 0;
        while (i < s.length() && isAlphaNumeric(s.charAt(i))) {
            i++;
        }
        return new Name(s.substring(0, i), i);
    }

    private static boolean isSpecial(char c) {
        return "*#$@!?-".indexOf(c) >= 0 || (c >= '0' && c <= '9');
    }

    private static boolean isAlphaNumeric(char c) {
        return c == '_' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
