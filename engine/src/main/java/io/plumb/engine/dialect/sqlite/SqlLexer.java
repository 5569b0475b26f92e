package io.plumb.engine.dialect.sqlite;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A {@code SqlLexer} splits the SQL text SQLite keeps in {@code sqlite_master} into tokens, so that the inspector
 * can find what the pragmas do not report: constraint names, check and generation expressions, index predicates.
 */
final class SqlLexer {

    /** What a token is. */
    enum Kind {
        /** A bare word: a keyword or an unquoted identifier. */
        WORD,
        /** An identifier quoted with {@code ""}, {@code ``} or {@code []}. */
        QUOTED,
        /** A string literal in single quotes. */
        STRING,
        /** Any other character or run of digits. */
        SYMBOL
    }

    /**
     * One token and where it sits in the source.
     *
     * @param kind what the token is
     * @param text the token's source text
     * @param start the offset of its first character
     * @param end the offset after its last character
     */
    record Token(Kind kind, String text, int start, int end) {

        /** Returns whether this is the given bare keyword, in any case. */
        boolean isWord(String keyword) {
            return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
        }

        /** Returns whether this is the given symbol. */
        boolean isSymbol(String symbol) {
            return kind == Kind.SYMBOL && text.equals(symbol);
        }

        /** Returns the identifier this token names: the word itself, or the quoted text unquoted. */
        String identifier() {
            return switch (kind) {
                case QUOTED -> unquote(text);
                case STRING -> text.substring(1, text.length() - 1).replace("''", "'");
                default -> text;
            };
        }

        /** Returns the upper-case text, for comparing keywords. */
        String upper() {
            return text.toUpperCase(Locale.ROOT);
        }
    }

    private SqlLexer() {}

    /** Tokenizes the text; comments and whitespace are dropped, an unterminated quote runs to the end. */
    static List<Token> tokenize(String sql) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            int end;
            Kind kind;
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int eol = sql.indexOf('\n', i);
                i = eol < 0 ? n : eol + 1;
                continue;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int close = sql.indexOf("*/", i + 2);
                i = close < 0 ? n : close + 2;
                continue;
            } else if (c == '\'') {
                kind = Kind.STRING;
                end = quoted(sql, i, '\'');
            } else if (c == '"' || c == '`') {
                kind = Kind.QUOTED;
                end = quoted(sql, i, c);
            } else if (c == '[') {
                kind = Kind.QUOTED;
                int close = sql.indexOf(']', i);
                end = close < 0 ? n : close + 1;
            } else if (isWordStart(c)) {
                kind = Kind.WORD;
                end = i + 1;
                while (end < n && isWordPart(sql.charAt(end))) {
                    end++;
                }
            } else if (Character.isDigit(c)) {
                kind = Kind.SYMBOL;
                end = i + 1;
                while (end < n && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '.')) {
                    end++;
                }
            } else {
                kind = Kind.SYMBOL;
                end = i + 1;
            }
            tokens.add(new Token(kind, sql.substring(i, end), i, end));
            i = end;
        }
        return tokens;
    }

    /** Returns the unquoted form of a quoted identifier, undoubling escaped quotes. */
    static String unquote(String text) {
        if (text.length() < 2) {
            return text;
        }
        char open = text.charAt(0);
        String body = text.substring(1, text.length() - 1);
        return switch (open) {
            case '"' -> body.replace("\"\"", "\"");
            case '`' -> body.replace("``", "`");
            case '[' -> body;
            default -> text;
        };
    }

    /** Returns the index of the token closing the parenthesis opened at {@code open}, or the size when none. */
    static int closing(List<Token> tokens, int open) {
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            if (tokens.get(i).isSymbol("(")) {
                depth++;
            } else if (tokens.get(i).isSymbol(")") && --depth == 0) {
                return i;
            }
        }
        return tokens.size();
    }

    /** Splits tokens {@code [from, to)} at top-level commas into ranges {@code int[]{start, end}}. */
    static List<int[]> splitTopLevel(List<Token> tokens, int from, int to) {
        List<int[]> ranges = new ArrayList<>();
        int depth = 0;
        int start = from;
        for (int i = from; i < to; i++) {
            Token t = tokens.get(i);
            if (t.isSymbol("(")) {
                depth++;
            } else if (t.isSymbol(")")) {
                depth--;
            } else if (t.isSymbol(",") && depth == 0) {
                ranges.add(new int[] {start, i});
                start = i + 1;
            }
        }
        if (start < to) {
            ranges.add(new int[] {start, to});
        }
        return ranges;
    }

    /** Returns the source text spanning tokens {@code [from, to)}, or empty when the range is empty. */
    static String text(String sql, List<Token> tokens, int from, int to) {
        return from >= to
                ? ""
                : sql.substring(tokens.get(from).start(), tokens.get(to - 1).end());
    }

    private static int quoted(String sql, int open, char quote) {
        int i = open + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return sql.length();
    }

    private static boolean isWordStart(char c) {
        return Character.isLetter(c) || c == '_' || c == '$' || c > 127;
    }

    private static boolean isWordPart(char c) {
        return isWordStart(c) || Character.isDigit(c);
    }
}
