package io.plumb.engine.testing;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code OutputLiteral} writes a string as HCL source that evaluates to it: a quoted string with escapes, or a
 * heredoc of a given shape.
 */
final class OutputLiteral {

    private OutputLiteral() {}

    /** Returns {@code value} as a quoted HCL string: escapes for quotes, backslashes, controls and templates. */
    static String quoted(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (needsUnicodeEscape(value, i)) {
                        out.append(String.format("\\u%04X", (int) c));
                    } else {
                        appendTemplateSafe(out, value, i);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /**
     * Returns whether a heredoc can hold {@code value}: a heredoc has no escapes, so control characters other than
     * newline and tab (a carriage return among them) and unpaired surrogates could only be written raw, and an
     * editor or a checkout would not keep them.
     */
    static boolean fitsHeredoc(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '\n' && c != '\t' && needsUnicodeEscape(value, i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Returns {@code value} as a heredoc shaped like {@code shape}, or as a quoted string when no heredoc can hold
     * it. The heredoc's value is {@code value} with a newline added when it has none at its end, since a heredoc's
     * last line always ends with one.
     *
     * @param eol the line ending to write, that of the surrounding file
     */
    static String heredoc(String value, HeredocShape shape, String eol) {
        if (!fitsHeredoc(value)) {
            return quoted(value);
        }
        List<String> lines = lines(value);
        boolean indented = shape.indented();
        String prefix = "";
        if (indented && lines.stream().anyMatch(l -> !l.isBlank())) {
            // HCL strips the least indentation of the non-blank lines: prefixing every line with the body's
            // indentation strips back to the value only when one non-blank line of the value has none itself.
            if (lines.stream().anyMatch(l -> !l.isBlank() && HeredocShape.indentOf(l) == 0)) {
                prefix = shape.bodyIndent();
            } else {
                indented = false;
            }
        }
        String marker = freeMarker(shape.marker(), lines);
        StringBuilder out = new StringBuilder("<<")
                .append(indented ? "-" : "")
                .append(marker)
                .append(eol);
        for (String line : lines) {
            out.append(line.isEmpty() ? "" : prefix + line).append(eol);
        }
        return out.append(shape.closeIndent()).append(marker).toString();
    }

    /** Returns the body lines of a heredoc holding {@code value}, template sequences escaped. */
    private static List<String> lines(String value) {
        List<String> lines = new ArrayList<>();
        if (value.isEmpty()) {
            return lines;
        }
        String content = value.endsWith("\n") ? value.substring(0, value.length() - 1) : value;
        for (String line : content.split("\n", -1)) {
            StringBuilder escaped = new StringBuilder(line.length());
            for (int i = 0; i < line.length(); i++) {
                appendTemplateSafe(escaped, line, i);
            }
            lines.add(escaped.toString());
        }
        return lines;
    }

    /** Returns {@code marker}, or {@code marker} with a number, whichever no line would be taken for. */
    private static String freeMarker(String marker, List<String> lines) {
        String candidate = marker;
        for (int n = 1; closesWith(lines, candidate); n++) {
            candidate = marker + n;
        }
        return candidate;
    }

    // As the HCL lexer reads a closing line: blanks may precede and follow the marker.
    private static boolean closesWith(List<String> lines, String marker) {
        return lines.stream().anyMatch(l -> withoutTrailingBlanks(l.substring(HeredocShape.indentOf(l)))
                .equals(marker));
    }

    private static String withoutTrailingBlanks(String line) {
        int end = line.length();
        while (end > 0 && " \t\f\u000b".indexOf(line.charAt(end - 1)) >= 0) {
            end--;
        }
        return line.substring(0, end);
    }

    // "${" and "%{" start template sequences in strings and heredocs alike; HCL reads "$${" and "%%{" as literals.
    private static void appendTemplateSafe(StringBuilder out, String value, int i) {
        char c = value.charAt(i);
        if ((c == '$' || c == '%') && i + 1 < value.length() && value.charAt(i + 1) == '{') {
            out.append(c);
        }
        out.append(c);
    }

    private static boolean needsUnicodeEscape(String value, int i) {
        char c = value.charAt(i);
        if (Character.isISOControl(c)) {
            return true;
        }
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(value.charAt(i - 1));
        }
        return false;
    }
}
