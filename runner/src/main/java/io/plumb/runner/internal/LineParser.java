package io.plumb.runner.internal;

import io.plumb.runner.ScriptFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A {@code LineParser} splits a script line into words the way go-internal does: space, tab and {@code \r}
 * separate words, {@code #} ends the line, {@code '...'} quotes (with {@code ''} for a quote inside), and
 * variables are expanded in unquoted text only, without splitting the result.
 */
final class LineParser {
    private LineParser() {}

    static List<String> parse(String line, UnaryOperator<String> expand) {
        List<String> args = new ArrayList<>();
        StringBuilder arg = new StringBuilder();
        int start = -1;
        boolean quoted = false;
        for (int i = 0; ; i++) {
            if (!quoted && (i >= line.length() || isSeparator(line.charAt(i)))) {
                if (start >= 0) {
                    arg.append(expand.apply(line.substring(start, i)));
                    args.add(arg.toString());
                    start = -1;
                    arg.setLength(0);
                }
                if (i >= line.length() || line.charAt(i) == '#') {
                    break;
                }
                continue;
            }
            if (i >= line.length()) {
                throw new ScriptFailure("unterminated quoted argument");
            }
            if (line.charAt(i) == '\'') {
                if (!quoted) {
                    if (start >= 0) {
                        arg.append(expand.apply(line.substring(start, i)));
                    }
                    start = i + 1;
                    quoted = true;
                    continue;
                }
                if (i + 1 < line.length() && line.charAt(i + 1) == '\'') {
                    arg.append(line, start, i);
                    start = i + 1;
                    i++;
                    continue;
                }
                arg.append(line, start, i);
                start = i + 1;
                quoted = false;
                continue;
            }
            if (start < 0) {
                start = i;
            }
        }
        return args;
    }

    private static boolean isSeparator(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '#';
    }
}
