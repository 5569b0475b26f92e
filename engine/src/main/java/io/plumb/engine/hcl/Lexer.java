package io.plumb.engine.hcl;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A {@code Lexer} turns HCL native syntax into tokens.
 *
 * <p>HCL's lexical grammar depends on context (a {@code "} inside {@code ${...}} opens a nested template), so the
 * lexer keeps a stack of modes: plain expression tokens, quoted template text, and heredoc text.
 */
final class Lexer {

    private enum ModeKind {
        NORMAL,
        QUOTED,
        HEREDOC
    }

    /** One entry of the mode stack; {@code depth} counts open braces inside an interpolation. */
    private static final class Mode {
        final ModeKind kind;
        final String marker;
        int depth;
        boolean atLineStart;

        Mode(ModeKind kind, String marker) {
            this.kind = kind;
            this.marker = marker;
        }
    }

    private final String file;
    private final String src;
    private final List<Token> tokens = new ArrayList<>();
    private final Deque<Mode> modes = new ArrayDeque<>();
    private int offset;
    private int line = 1;
    private int column = 1;

    private Lexer(String file, String src) {
        this.file = file;
        this.src = src;
    }

    /** Returns the tokens of {@code src}, ending with {@link TokenKind#EOF}. */
    static List<Token> lex(String file, String src) {
        Lexer lexer = new Lexer(file, src);
        lexer.run();
        return lexer.tokens;
    }

    private void run() {
        modes.push(new Mode(ModeKind.NORMAL, ""));
        while (true) {
            Mode mode = modes.peek();
            if (mode == null) {
                throw new IllegalStateException("empty lexer mode stack");
            }
            if (mode.kind == ModeKind.NORMAL && offset >= src.length()) {
                break;
            }
            switch (mode.kind) {
                case NORMAL -> lexNormal(mode);
                case QUOTED -> lexQuoted();
                case HEREDOC -> lexHeredoc(mode);
            }
        }
        if (modes.size() > 1) {
            throw new HclException(pos(), "unterminated template interpolation: expected \"}\", found end of file");
        }
        tokens.add(new Token(TokenKind.EOF, "", pos()));
    }

    private Pos pos() {
        return new Pos(file, line, column);
    }

    private char peek(int ahead) {
        int i = offset + ahead;
        return i < src.length() ? src.charAt(i) : '\0';
    }

    private boolean startsWith(String s) {
        return src.startsWith(s, offset);
    }

    private void advance(int n) {
        for (int i = 0; i < n && offset < src.length(); i++) {
            if (src.charAt(offset) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
            offset++;
        }
    }

    private void emit(TokenKind kind, String text, Pos start, int length) {
        tokens.add(new Token(kind, text, start));
        advance(length);
    }

    private void lexNormal(Mode mode) {
        char c = peek(0);
        if (c == ' ' || c == '\t' || c == '\r') {
            skipBlanks();
            return;
        }
        Pos start = pos();
        if (c == '\n') {
            emit(TokenKind.NEWLINE, "\n", start, 1);
        } else if (c == '#' || startsWith("//")) {
            while (offset < src.length() && peek(0) != '\n') {
                advance(1);
            }
        } else if (startsWith("/*")) {
            int end = src.indexOf("*/", offset + 2);
            if (end < 0) {
                throw new HclException(start, "unterminated comment: expected \"*/\", found end of file");
            }
            advance(end + 2 - offset);
        } else if (isIdentStart(c)) {
            int end = offset + 1;
            while (end < src.length() && isIdentPart(src.charAt(end))) {
                end++;
            }
            emit(TokenKind.IDENT, src.substring(offset, end), start, end - offset);
        } else if (c >= '0' && c <= '9') {
            lexNumber(start);
        } else if (c == '"') {
            emit(TokenKind.OQUOTE, "\"", start, 1);
            modes.push(new Mode(ModeKind.QUOTED, ""));
        } else if (startsWith("<<")) {
            lexHeredocStart(start);
        } else {
            lexPunctuation(mode, c, start);
        }
    }

    // Indentation is most of a generated schema file: skip a run at once, without a position per character.
    private void skipBlanks() {
        int end = offset;
        while (end < src.length()) {
            char c = src.charAt(end);
            if (c != ' ' && c != '\t' && c != '\r') {
                break;
            }
            end++;
        }
        column += end - offset;
        offset = end;
    }

    private void lexNumber(Pos start) {
        int end = digitsEnd(offset);
        Token previous = tokens.isEmpty() ? null : tokens.get(tokens.size() - 1);
        // After a dot the digits are a legacy index step (x.0.1), never a fraction.
        boolean legacyIndex = previous != null && previous.is(TokenKind.DOT);
        if (!legacyIndex) {
            if (end + 1 < src.length() && src.charAt(end) == '.' && isDigit(src.charAt(end + 1))) {
                end = digitsEnd(end + 1);
            }
            if (end < src.length() && (src.charAt(end) == 'e' || src.charAt(end) == 'E')) {
                int exp = end + 1;
                if (exp < src.length() && (src.charAt(exp) == '+' || src.charAt(exp) == '-')) {
                    exp++;
                }
                if (exp < src.length() && isDigit(src.charAt(exp))) {
                    end = digitsEnd(exp);
                }
            }
        }
        emit(TokenKind.NUMBER, src.substring(offset, end), start, end - offset);
    }

    private int digitsEnd(int from) {
        int end = from;
        while (end < src.length() && isDigit(src.charAt(end))) {
            end++;
        }
        return end;
    }

    private void lexPunctuation(Mode mode, char c, Pos start) {
        @Nullable TokenKind twoKind = twoCharKind(c, peek(1));
        if (c == '.' && startsWith("...")) {
            emit(TokenKind.ELLIPSIS, "...", start, 3);
            return;
        }
        if (twoKind != null) {
            emit(twoKind, src.substring(offset, offset + 2), start, 2);
            return;
        }
        if (c == '{') {
            mode.depth++;
        } else if (c == '}' && modes.size() > 1) {
            if (mode.depth == 0) {
                emit(TokenKind.TEMPLATE_SEQ_END, "}", start, 1);
                modes.pop();
                return;
            }
            mode.depth--;
        }
        TokenKind kind =
                switch (c) {
                    case '{' -> TokenKind.LBRACE;
                    case '}' -> TokenKind.RBRACE;
                    case '[' -> TokenKind.LBRACK;
                    case ']' -> TokenKind.RBRACK;
                    case '(' -> TokenKind.LPAREN;
                    case ')' -> TokenKind.RPAREN;
                    case '=' -> TokenKind.EQUAL;
                    case ':' -> TokenKind.COLON;
                    case ',' -> TokenKind.COMMA;
                    case '.' -> TokenKind.DOT;
                    case '?' -> TokenKind.QUESTION;
                    case '*' -> TokenKind.STAR;
                    case '+' -> TokenKind.PLUS;
                    case '-' -> TokenKind.MINUS;
                    case '/' -> TokenKind.SLASH;
                    case '%' -> TokenKind.PERCENT;
                    case '!' -> TokenKind.BANG;
                    case '<' -> TokenKind.LT;
                    case '>' -> TokenKind.GT;
                    default -> throw new HclException(start, "unexpected character " + quoteChar(c));
                };
        emit(kind, String.valueOf(c), start, 1);
    }

    // Compares characters rather than a two-character substring: most tokens of a schema are punctuation.
    private static @Nullable TokenKind twoCharKind(char c, char d) {
        return switch (c) {
            case '=' -> d == '=' ? TokenKind.EQEQ : d == '>' ? TokenKind.ARROW : null;
            case '!' -> d == '=' ? TokenKind.NEQ : null;
            case '<' -> d == '=' ? TokenKind.LE : null;
            case '>' -> d == '=' ? TokenKind.GE : null;
            case '&' -> d == '&' ? TokenKind.AND : null;
            case '|' -> d == '|' ? TokenKind.OR : null;
            default -> null;
        };
    }

    // Invisible characters are named by code point: a quoted byte order mark or zero-width space shows nothing.
    private static String quoteChar(char c) {
        if (c == '\uFEFF') {
            return "U+FEFF (a byte order mark; save the file as UTF-8 without one)";
        }
        int type = Character.getType(c);
        boolean invisible = Character.isISOControl(c)
                || Character.isWhitespace(c)
                || Character.isSpaceChar(c)
                || type == Character.FORMAT
                || type == Character.SURROGATE
                || type == Character.UNASSIGNED
                || type == Character.PRIVATE_USE;
        return invisible ? String.format("U+%04X", (int) c) : "\"" + c + "\"";
    }

    private void lexQuoted() {
        Pos start = pos();
        StringBuilder text = new StringBuilder();
        while (true) {
            char c = peek(0);
            if (offset >= src.length() || c == '\n') {
                throw new HclException(openQuotePos(), "unterminated string");
            }
            if (c == '"') {
                flushLiteral(text, start, false);
                emit(TokenKind.CQUOTE, "\"", pos(), 1);
                modes.pop();
                return;
            }
            if (c == '\\') {
                text.append(escape());
            } else if (c != '$' && c != '%') {
                plainRun(text);
            } else if (templateMarkup(text, start, false)) {
                return;
            }
        }
    }

    /** Appends the run of characters at the offset that no quoted-string rule treats specially. */
    private void plainRun(StringBuilder text) {
        int end = offset;
        while (end < src.length()) {
            char c = src.charAt(end);
            if (c == '"' || c == '\\' || c == '\n' || c == '$' || c == '%') {
                break;
            }
            end++;
        }
        text.append(src, offset, end);
        column += end - offset;
        offset = end;
    }

    private Pos openQuotePos() {
        int depth = 0;
        for (int i = tokens.size() - 1; i >= 0; i--) {
            Token t = tokens.get(i);
            if (t.is(TokenKind.CQUOTE)) {
                depth++;
            } else if (t.is(TokenKind.OQUOTE)) {
                if (depth == 0) {
                    return t.pos();
                }
                depth--;
            }
        }
        return pos();
    }

    /**
     * Handles {@code $${}, {@code %%{}, {@code ${} and {@code %{} at the current offset; returns true when an
     * interpolation started (the caller must return to the mode loop).
     */
    private boolean templateMarkup(StringBuilder text, Pos start, boolean lineStart) {
        if (startsWith("$${") || startsWith("%%{")) {
            text.append(peek(0)).append('{');
            advance(3);
            return false;
        }
        if (startsWith("${")) {
            flushLiteral(text, start, lineStart);
            emit(TokenKind.TEMPLATE_INTERP, "${", pos(), 2);
            if (peek(0) == '~') {
                throw new HclException(pos(), "whitespace strip markers \"~\" are not supported");
            }
            modes.push(new Mode(ModeKind.NORMAL, ""));
            return true;
        }
        if (startsWith("%{")) {
            throw new HclException(
                    pos(), "template directives \"%{...}\" are not supported; write \"%%{\" for a" + " literal \"%{\"");
        }
        text.append(peek(0));
        advance(1);
        return false;
    }

    private void flushLiteral(StringBuilder text, Pos start, boolean lineStart) {
        if (text.length() > 0) {
            tokens.add(new Token(TokenKind.STRING_LIT, text.toString(), start, lineStart));
            text.setLength(0);
        }
    }

    private String escape() {
        Pos start = pos();
        char c = peek(1);
        switch (c) {
            case 'n' -> {
                advance(2);
                return "\n";
            }
            case 'r' -> {
                advance(2);
                return "\r";
            }
            case 't' -> {
                advance(2);
                return "\t";
            }
            case '"' -> {
                advance(2);
                return "\"";
            }
            case '\\' -> {
                advance(2);
                return "\\";
            }
            case 'u', 'U' -> {
                return unicodeEscape(start, c == 'u' ? 4 : 8);
            }
            default -> throw new HclException(
                    start, "invalid escape sequence \"\\" + c + "\": expected one of \\n \\r \\t \\\" \\\\ \\u \\U");
        }
    }

    private String unicodeEscape(Pos start, int digits) {
        int from = offset + 2;
        int end = from + digits;
        if (end > src.length() || !src.substring(from, end).chars().allMatch(Lexer::isHexDigit)) {
            throw new HclException(start, "invalid unicode escape: expected " + digits + " hex digits");
        }
        int codePoint = Integer.parseInt(src.substring(from, end), 16);
        if (!Character.isValidCodePoint(codePoint)) {
            throw new HclException(
                    start, "invalid unicode escape: U+" + src.substring(from, end) + " is no code point");
        }
        advance(2 + digits);
        return new String(Character.toChars(codePoint));
    }

    private void lexHeredocStart(Pos start) {
        int i = offset + 2;
        boolean indent = i < src.length() && src.charAt(i) == '-';
        if (indent) {
            i++;
        }
        int nameStart = i;
        while (i < src.length() && isIdentPart(src.charAt(i))) {
            i++;
        }
        String marker = src.substring(nameStart, i);
        int lineEnd = src.startsWith("\r\n", i) ? i + 2 : i + 1;
        if (marker.isEmpty()
                || !isIdentStart(marker.charAt(0))
                || (i < src.length() && src.charAt(i) != '\n' && !src.startsWith("\r\n", i))) {
            throw new HclException(start, "invalid heredoc: expected \"<<ID\" or \"<<-ID\" then a newline");
        }
        emit(TokenKind.OHEREDOC, indent ? "-" + marker : marker, start, lineEnd - offset);
        Mode mode = new Mode(ModeKind.HEREDOC, marker);
        mode.atLineStart = true;
        modes.push(mode);
    }

    private void lexHeredoc(Mode mode) {
        if (offset >= src.length()) {
            throw new HclException(pos(), "unterminated heredoc: expected \"" + mode.marker + "\", found end of file");
        }
        if (mode.atLineStart && isHeredocEnd(mode.marker)) {
            int lead = 0;
            while (peek(lead) == ' ' || peek(lead) == '\t') {
                lead++;
            }
            advance(lead);
            emit(TokenKind.CHEREDOC, mode.marker, pos(), mode.marker.length());
            modes.pop();
            return;
        }
        Pos start = pos();
        boolean lineStart = mode.atLineStart;
        mode.atLineStart = false;
        StringBuilder text = new StringBuilder();
        while (offset < src.length()) {
            char c = peek(0);
            if (c == '\n') {
                text.append('\n');
                advance(1);
                flushLiteral(text, start, lineStart);
                mode.atLineStart = true;
                return;
            }
            if (templateMarkup(text, start, lineStart)) {
                return;
            }
        }
        flushLiteral(text, start, lineStart);
    }

    private boolean isHeredocEnd(String marker) {
        int i = offset;
        while (i < src.length() && (src.charAt(i) == ' ' || src.charAt(i) == '\t')) {
            i++;
        }
        if (!src.startsWith(marker, i)) {
            return false;
        }
        // The reference's scanner trims the whole line before comparing it with the marker, so blanks may follow
        // the marker as they may precede it.
        int after = i + marker.length();
        while (after < src.length() && " \t\f\u000b".indexOf(src.charAt(after)) >= 0) {
            after++;
        }
        return after >= src.length() || src.charAt(after) == '\n' || src.startsWith("\r\n", after);
    }

    private static boolean isIdentStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private static boolean isIdentPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isHexDigit(int c) {
        return isDigit((char) c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
