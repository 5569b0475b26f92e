package io.plumb.engine.db;

import java.util.ArrayList;
import java.util.List;

/** {@code SqlText} takes apart SQL texts a catalogue prints back, in ways every dialect shares. */
public final class SqlText {

    private SqlText() {}

    /**
     * Returns the parts of a comma-separated list, split at the commas outside parentheses, string literals and
     * quoted identifiers ({@code '...'}, {@code "..."}, {@code `...`}); the parts are not trimmed.
     */
    public static List<String> splitTopLevel(String text) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '\'' || c == '"' || c == '`') {
                quote = c;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }
}
