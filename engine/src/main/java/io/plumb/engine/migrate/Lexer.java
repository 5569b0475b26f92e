package io.plumb.engine.migrate;

/**
 * A {@code Lexer} is the cursor of the statement scanner over one file: it skips the parts of SQL that are opaque
 * to statement splitting (quoted strings and identifiers, comments, dollar quotes) and reads words.
 *
 * <p>Every skip jumps with {@code indexOf} or a single forward loop, so a file is read in linear time.
 */
final class Lexer {

    final String text;
    final int length;
    final ScannerOptions options;
    private final TextPositions positions;
    int pos;

    Lexer(String text, ScannerOptions options) {
        this.text = text;
        this.length = text.length();
        this.options = options;
        this.positions = new TextPositions(text);
    }

    boolean atEnd() {
        return pos >= length;
    }

    /** Returns the character {@code ahead} places past the cursor, or {@code 0} past the end. */
    char peek(int ahead) {
        int at = pos + ahead;
        return at < length ? text.charAt(at) : 0;
    }

    boolean startsWith(String prefix) {
        return pos < length && text.charAt(pos) == prefix.charAt(0) && text.startsWith(prefix, pos);
    }

    int line(int offset) {
        return positions.line(offset);
    }

    int column(int offset) {
        return positions.column(offset);
    }

    ScanException error(int offset, String detail) {
        return positions.error(offset, detail);
    }

    /** Returns whether a comment starts at the cursor. */
    boolean atComment() {
        char c = peek(0);
        return (c == '-' && peek(1) == '-') || (c == '/' && peek(1) == '*') || (c == '#' && options.hashComments());
    }

    /** Skips the comment at the cursor: a line comment up to (not past) its newline, a block comment whole. */
    void skipComment() {
        if (text.charAt(pos) == '/') {
            int close = text.indexOf("*/", pos + 2);
            if (close < 0) {
                throw error(pos, "unclosed comment: expected */");
            }
            pos = close + 2;
            return;
        }
        int newline = text.indexOf('\n', pos);
        pos = newline < 0 ? length : newline;
    }

    /**
     * Skips the quote, comment, dollar quote or {@code E'...'} string at the cursor.
     *
     * @return whether there was one
     * @throws ScanException when it is not closed
     */
    boolean skipOpaque() {
        char c = text.charAt(pos);
        switch (c) {
            case '\'', '"', '`' -> skipQuote(false);
            case '$' -> {
                return options.matchDollarQuote() && skipDollarQuote();
            }
            case 'E', 'e' -> {
                if (!options.escapeStrings() || peek(1) != '\'' || (pos > 0 && isWordPart(text.charAt(pos - 1)))) {
                    return false;
                }
                pos++;
                skipQuote(true);
            }
            default -> {
                if (!atComment()) {
                    return false;
                }
                skipComment();
            }
        }
        return true;
    }

    /**
     * Moves the cursor past the word at it, or up to a delimiter inside it ({@code 1$$} with {@code $$}), and
     * returns the word's start.
     */
    int skipWord(String delimiter) {
        int start = pos;
        char first = delimiter.charAt(0);
        while (pos < length && isWordPart(text.charAt(pos)) && !(text.charAt(pos) == first && startsWith(delimiter))) {
            pos++;
        }
        return start;
    }

    /** Returns the offset of the first non-whitespace character at or after {@code from}, or the length. */
    int skipSpaces(int from) {
        int at = from;
        while (at < length && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
        return at;
    }

    /** Returns the end of the word starting at {@code from} ({@code from} itself when no word starts there). */
    int wordEnd(int from) {
        int at = from;
        while (at < length && isWordPart(text.charAt(at))) {
            at++;
        }
        return at;
    }

    static boolean isWordPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    // A doubled quote is an escaped quote in every dialect; a backslash escapes only where the dialect says so,
    // and never inside MySQL's backquoted identifiers.
    private void skipQuote(boolean escapeString) {
        char quote = text.charAt(pos);
        int open = pos;
        boolean backslash = escapeString || (options.backslashEscapes() && quote != '`');
        int at = pos + 1;
        while (at < length) {
            char c = text.charAt(at);
            if (c == quote) {
                if (at + 1 < length && text.charAt(at + 1) == quote) {
                    at += 2;
                    continue;
                }
                pos = at + 1;
                return;
            }
            at += c == '\\' && backslash ? 2 : 1;
        }
        throw error(open, "unclosed quote '" + quote + "'");
    }

    // $$ or $tag$ opens a dollar quote closed by the same tag; $1 (a parameter) opens nothing.
    private boolean skipDollarQuote() {
        int at = pos + 1;
        if (at < length && (Character.isLetter(text.charAt(at)) || text.charAt(at) == '_')) {
            while (at < length && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_')) {
                at++;
            }
        }
        if (at >= length || text.charAt(at) != '$') {
            return false;
        }
        String tag = text.substring(pos, at + 1);
        int close = text.indexOf(tag, at + 1);
        if (close < 0) {
            throw error(pos, "unclosed dollar quote '" + tag + "'");
        }
        pos = close + tag.length();
        return true;
    }
}
