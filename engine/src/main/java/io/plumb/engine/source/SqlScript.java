package io.plumb.engine.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A {@code SqlScript} splits SQL text into statements at semicolons outside quotes, comments and {@code
 * BEGIN ... END} blocks (SQLite triggers).
 */
public final class SqlScript {

    private SqlScript() {}

    /** Returns the statements of the text, trimmed, without their semicolons; empty statements are dropped. */
    public static List<String> split(String text) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int depth = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int end = skipQuotedOrComment(text, i);
            if (end > i) {
                current.append(text, i, end);
                i = end;
                continue;
            }
            if (Character.isLetter(c) && (i == 0 || !isWordChar(text.charAt(i - 1)))) {
                int j = i;
                while (j < text.length() && isWordChar(text.charAt(j))) {
                    j++;
                }
                String word = text.substring(i, j).toUpperCase(Locale.ROOT);
                if (word.equals("BEGIN") && startsBlock(current)) {
                    depth++;
                } else if (word.equals("END") && depth > 0) {
                    depth--;
                }
                current.append(text, i, j);
                i = j;
                continue;
            }
            if (c == ';' && depth == 0) {
                add(statements, current);
                current.setLength(0);
            } else {
                current.append(c);
            }
            i++;
        }
        add(statements, current);
        return statements;
    }

    // BEGIN opens a block only in CREATE TRIGGER; a plain BEGIN [TRANSACTION] statement does not.
    private static boolean startsBlock(StringBuilder statement) {
        return statement.toString().toUpperCase(Locale.ROOT).contains("TRIGGER");
    }

    private static int skipQuotedOrComment(String text, int i) {
        char c = text.charAt(i);
        if (c == '\'' || c == '"' || c == '`') {
            int j = i + 1;
            while (j < text.length()) {
                if (text.charAt(j) == c) {
                    if (j + 1 < text.length() && text.charAt(j + 1) == c) {
                        j += 2;
                        continue;
                    }
                    return j + 1;
                }
                j++;
            }
            return text.length();
        }
        if (c == '[') {
            int close = text.indexOf(']', i);
            return close < 0 ? text.length() : close + 1;
        }
        if (text.startsWith("--", i)) {
            int nl = text.indexOf('\n', i);
            return nl < 0 ? text.length() : nl + 1;
        }
        if (text.startsWith("/*", i)) {
            int close = text.indexOf("*/", i + 2);
            return close < 0 ? text.length() : close + 2;
        }
        return i;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private static void add(List<String> statements, StringBuilder current) {
        String statement = current.toString().trim();
        if (!statement.isEmpty() && !isOnlyComments(statement)) {
            statements.add(statement);
        }
    }

    private static boolean isOnlyComments(String statement) {
        int i = 0;
        while (i < statement.length()) {
            if (Character.isWhitespace(statement.charAt(i))) {
                i++;
                continue;
            }
            int end = statement.startsWith("--", i) || statement.startsWith("/*", i)
                    ? skipQuotedOrComment(statement, i)
                    : i;
            if (end == i) {
                return false;
            }
            i = end;
        }
        return true;
    }
}
