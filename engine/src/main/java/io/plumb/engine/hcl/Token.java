package io.plumb.engine.hcl;

/**
 * A {@code Token} is one lexical unit of HCL source.
 *
 * @param kind the category
 * @param text the identifier, the number as written, or the decoded text of a string literal
 * @param pos where the token starts
 * @param lineStart whether a heredoc literal starts at the beginning of a line (for {@code <<-} indent stripping)
 */
record Token(TokenKind kind, String text, Pos pos, boolean lineStart) {

    Token(TokenKind kind, String text, Pos pos) {
        this(kind, text, pos, false);
    }

    /** Returns how an error message names this token: {@code identifier "x"}, {@code newline}, {@code "}"}. */
    String describe() {
        return switch (kind) {
            case IDENT -> "identifier \"" + text + "\"";
            case NUMBER -> "number " + text;
            case STRING_LIT -> "string";
            default -> kind.description();
        };
    }

    boolean is(TokenKind k) {
        return kind == k;
    }

    boolean isKeyword(String word) {
        return kind == TokenKind.IDENT && text.equals(word);
    }
}
