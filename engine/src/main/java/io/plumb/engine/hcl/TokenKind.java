package io.plumb.engine.hcl;

/** A {@code TokenKind} is the lexical category of a {@link Token}. */
enum TokenKind {
    IDENT("identifier"),
    NUMBER("number"),
    OQUOTE("\"\\\"\""),
    CQUOTE("\"\\\"\""),
    STRING_LIT("string"),
    TEMPLATE_INTERP("\"${\""),
    TEMPLATE_SEQ_END("\"}\""),
    OHEREDOC("heredoc"),
    CHEREDOC("heredoc end"),
    NEWLINE("newline"),
    EOF("end of file"),
    LBRACE("\"{\""),
    RBRACE("\"}\""),
    LBRACK("\"[\""),
    RBRACK("\"]\""),
    LPAREN("\"(\""),
    RPAREN("\")\""),
    EQUAL("\"=\""),
    COLON("\":\""),
    COMMA("\",\""),
    DOT("\".\""),
    ELLIPSIS("\"...\""),
    QUESTION("\"?\""),
    ARROW("\"=>\""),
    STAR("\"*\""),
    PLUS("\"+\""),
    MINUS("\"-\""),
    SLASH("\"/\""),
    PERCENT("\"%\""),
    BANG("\"!\""),
    EQEQ("\"==\""),
    NEQ("\"!=\""),
    LT("\"<\""),
    LE("\"<=\""),
    GT("\">\""),
    GE("\">=\""),
    AND("\"&&\""),
    OR("\"||\"");

    private final String description;

    TokenKind(String description) {
        this.description = description;
    }

    /** Returns how error messages name this kind of token. */
    String description() {
        return description;
    }
}
