package io.plumb.engine.hcl;

import io.plumb.engine.hcl.FormatToken.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code FormatScanner} splits a file that parses into the {@link FormatToken}s {@link HclFormat} lays out:
 * whitespace is dropped (the layout decides it), strings are split into their quotes, literal text and
 * interpolations (whose expressions are tokens like any other), and a heredoc's body and closing marker are one
 * token kept as written.
 */
final class FormatScanner {

    private final String src;
    private final List<FormatToken> tokens = new ArrayList<>();
    private int i;

    private FormatScanner(String src) {
        this.src = src;
    }

    /** Returns the tokens of a file, with a {@code NEWLINE} token for each line break outside tokens. */
    static List<FormatToken> scan(String src) {
        FormatScanner scanner = new FormatScanner(src);
        scanner.expression(false);
        return scanner.tokens;
    }

    // Scans tokens until the end, or (inside an interpolation) until the brace that closes it, which it consumes.
    private void expression(boolean interpolation) {
        int braces = 0;
        while (i < src.length()) {
            char c = src.charAt(i);
            char next = i + 1 < src.length() ? src.charAt(i + 1) : '\0';
            if (c == ' ' || c == '\t' || c == '\r') {
                i++;
            } else if (c == '\n') {
                add(Kind.NEWLINE, 1);
            } else if (c == '#' || (c == '/' && next == '/')) {
                int end = src.indexOf('\n', i);
                end = end < 0 ? src.length() : end;
                add(Kind.LINE_COMMENT, end - i);
            } else if (c == '/' && next == '*') {
                int end = src.indexOf("*/", i + 2);
                add(Kind.BLOCK_COMMENT, (end < 0 ? src.length() : end + 2) - i);
            } else if (c == '"') {
                string();
            } else if (c == '<' && next == '<' && heredoc()) {
                continue;
            } else if (c == '{') {
                braces++;
                add(Kind.OPEN_BRACE, 1);
            } else if (c == '}') {
                if (interpolation && braces == 0) {
                    add(Kind.TEMPLATE_END, 1);
                    return;
                }
                braces--;
                add(Kind.CLOSE_BRACE, 1);
            } else if (Character.isLetter(c) || c == '_') {
                int end = i + 1;
                while (end < src.length() && isIdentPart(src.charAt(end))) {
                    end++;
                }
                add(Kind.IDENT, end - i);
            } else if (Character.isDigit(c)) {
                number();
            } else {
                punctuation(c, next);
            }
        }
    }

    private void punctuation(char c, char next) {
        String two = i + 1 < src.length() ? src.substring(i, i + 2) : "";
        if (src.startsWith("...", i)) {
            add(Kind.ELLIPSIS, 3);
            return;
        }
        switch (two) {
            case "==", "!=", "<=", ">=" -> add(Kind.COMPARISON, 2);
            case "&&", "||" -> add(Kind.LOGICAL, 2);
            case "::" -> add(Kind.DOUBLE_COLON, 2);
            case "=>" -> add(Kind.OTHER, 2);
            default -> add(
                    switch (c) {
                        case '[' -> Kind.OPEN_BRACKET;
                        case ']' -> Kind.CLOSE_BRACKET;
                        case '(' -> Kind.OPEN_PAREN;
                        case ')' -> Kind.CLOSE_PAREN;
                        case ',' -> Kind.COMMA;
                        case '.' -> Kind.DOT;
                        case '=' -> Kind.ASSIGN;
                        case ':' -> Kind.COLON;
                        case '?' -> Kind.QUESTION;
                        case '!' -> Kind.BANG;
                        case '-' -> Kind.MINUS;
                        case '+', '*', '/', '%' -> Kind.ARITHMETIC;
                        case '<', '>' -> Kind.COMPARISON;
                        default -> Kind.OTHER;
                    },
                    1);
        }
    }

    private void number() {
        int end = i;
        while (end < src.length() && Character.isDigit(src.charAt(end))) {
            end++;
        }
        if (end + 1 < src.length() && src.charAt(end) == '.' && Character.isDigit(src.charAt(end + 1))) {
            end++;
            while (end < src.length() && Character.isDigit(src.charAt(end))) {
                end++;
            }
        }
        if (end < src.length() && (src.charAt(end) == 'e' || src.charAt(end) == 'E')) {
            int exp = end + 1;
            if (exp < src.length() && (src.charAt(exp) == '+' || src.charAt(exp) == '-')) {
                exp++;
            }
            if (exp < src.length() && Character.isDigit(src.charAt(exp))) {
                end = exp;
                while (end < src.length() && Character.isDigit(src.charAt(end))) {
                    end++;
                }
            }
        }
        add(Kind.NUMBER, end - i);
    }

    // A quoted string: its quotes, literal runs, and interpolations ${ } / %{ } with their expressions.
    private void string() {
        add(Kind.OPEN_QUOTE, 1);
        int start = i;
        while (i < src.length()) {
            char c = src.charAt(i);
            char next = i + 1 < src.length() ? src.charAt(i + 1) : '\0';
            if (c == '\\' && next != '\0') {
                i += 2;
            } else if ((c == '$' || c == '%') && next == c && i + 2 < src.length() && src.charAt(i + 2) == '{') {
                i += 3;
            } else if ((c == '$' || c == '%') && next == '{') {
                literal(start);
                int width = i + 2 < src.length() && src.charAt(i + 2) == '~' ? 3 : 2;
                add(Kind.TEMPLATE_OPEN, width);
                expression(true);
                start = i;
            } else if (c == '"' || c == '\n') {
                break;
            } else {
                i++;
            }
        }
        literal(start);
        if (i < src.length() && src.charAt(i) == '"') {
            add(Kind.CLOSE_QUOTE, 1);
        }
    }

    private void literal(int start) {
        if (i > start) {
            tokens.add(new FormatToken(Kind.QUOTED_TEXT, src.substring(start, i)));
        }
    }

    // <<ID or <<-ID then a line break: the marker, then the body and closing line as one token.
    private boolean heredoc() {
        int p = i + 2;
        if (p < src.length() && src.charAt(p) == '-') {
            p++;
        }
        int nameStart = p;
        while (p < src.length() && isIdentPart(src.charAt(p))) {
            p++;
        }
        if (p == nameStart || p >= src.length() || src.charAt(p) != '\n') {
            return false;
        }
        String name = src.substring(nameStart, p);
        add(Kind.OPEN_HEREDOC, p - i);
        int line = i;
        while (line < src.length()) {
            int end = src.indexOf('\n', line + 1);
            end = end < 0 ? src.length() : end;
            if (src.substring(line + 1, end).strip().equals(name)) {
                add(Kind.HEREDOC, end - i);
                return true;
            }
            line = end;
        }
        add(Kind.HEREDOC, src.length() - i);
        return true;
    }

    private void add(Kind kind, int length) {
        tokens.add(new FormatToken(kind, src.substring(i, i + length)));
        i += length;
    }

    private static boolean isIdentPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-';
    }
}
