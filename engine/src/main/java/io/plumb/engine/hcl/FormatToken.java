package io.plumb.engine.hcl;

/**
 * A {@code FormatToken} is one token of a file being formatted by {@link HclFormat}: its kind, its text as written,
 * and the number of spaces the layout puts before it.
 */
final class FormatToken {

    /** What the layout rules tell apart, after hclwrite's token types. */
    enum Kind {
        NEWLINE,
        LINE_COMMENT,
        BLOCK_COMMENT,
        IDENT,
        NUMBER,
        OPEN_QUOTE,
        QUOTED_TEXT,
        CLOSE_QUOTE,
        TEMPLATE_OPEN,
        TEMPLATE_END,
        OPEN_HEREDOC,
        HEREDOC,
        OPEN_BRACE,
        CLOSE_BRACE,
        OPEN_BRACKET,
        CLOSE_BRACKET,
        OPEN_PAREN,
        CLOSE_PAREN,
        COMMA,
        DOT,
        ELLIPSIS,
        DOUBLE_COLON,
        ASSIGN,
        COLON,
        QUESTION,
        BANG,
        MINUS,
        ARITHMETIC,
        COMPARISON,
        LOGICAL,
        OTHER
    }

    final Kind kind;
    final String text;
    int spaces;

    FormatToken(Kind kind, String text) {
        this.kind = kind;
        this.text = text;
    }

    /** Returns +1 for a token that opens a bracket (an interpolation included), -1 for one that closes it, else 0. */
    int bracketChange() {
        return switch (kind) {
            case OPEN_BRACE, OPEN_BRACKET, OPEN_PAREN, TEMPLATE_OPEN -> 1;
            case CLOSE_BRACE, CLOSE_BRACKET, CLOSE_PAREN, TEMPLATE_END -> -1;
            default -> 0;
        };
    }

    /** Returns the columns the token takes with the spaces before it. */
    int columns() {
        return spaces + text.length();
    }

    @Override
    public String toString() {
        return kind + "(" + text + ")";
    }
}
