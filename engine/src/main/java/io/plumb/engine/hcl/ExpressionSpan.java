package io.plumb.engine.hcl;

import java.util.ArrayList;
import java.util.List;

/**
 * An {@code ExpressionSpan} is where the source text of one expression lies in an HCL source, and what form that
 * text has, so that a tool can replace exactly that text and nothing around it.
 *
 * <p>Spans are found with the parser's own lexer and expression grammar, so quoted strings with escapes and
 * interpolations, heredocs and nested templates end exactly where the parser ends them.
 *
 * @param startOffset the offset (in chars) of the expression's first character
 * @param endOffset the offset just past the expression's last character; a heredoc ends after its closing marker,
 *     before the newline that follows it
 * @param form whether the text is a literal string, a literal heredoc, or anything else
 */
public record ExpressionSpan(int startOffset, int endOffset, Form form) {

    /** The form of an expression's source text, as far as rewriting it is concerned. */
    public enum Form {
        /** A quoted string without interpolation, such as {@code "a\n$${b}"}. */
        STRING,
        /** A heredoc ({@code <<EOT} or {@code <<-EOT}) without interpolation. */
        HEREDOC,
        /** Anything else: a reference, a call, an operation, or a string or heredoc with interpolations. */
        COMPUTED
    }

    /** Returns whether the text is a literal string or heredoc, whose value is its text alone. */
    public boolean isLiteral() {
        return form != Form.COMPUTED;
    }

    /** Returns the expression's source text. */
    public String source(String text) {
        return text.substring(startOffset, endOffset);
    }

    /**
     * Returns the span of the expression that starts at {@code start} in {@code text}.
     *
     * @param text the whole source, which must lex
     * @param start where the expression starts (the file name is used in messages only)
     * @throws HclException when no expression starts there, or the source does not lex or parse
     */
    public static ExpressionSpan at(String text, Pos start) {
        return at(text, List.of(start)).get(0);
    }

    /** Returns the spans of the expressions starting at each position, in the same order, lexing the text once. */
    public static List<ExpressionSpan> at(String text, List<Pos> starts) {
        if (starts.isEmpty()) {
            return List.of();
        }
        List<Token> tokens = Lexer.lex(starts.get(0).file(), text);
        LineOffsets lines = new LineOffsets(text);
        List<ExpressionSpan> spans = new ArrayList<>();
        for (Pos start : starts) {
            spans.add(find(tokens, lines, start));
        }
        return spans;
    }

    private static ExpressionSpan find(List<Token> tokens, LineOffsets lines, Pos start) {
        int first = tokenAt(tokens, start);
        List<Token> rest = tokens.subList(first, tokens.size());
        Parser parser = new Parser(rest);
        Expression expression = new ExpressionParser(parser).parseExpression();
        // At the end of a top-level expression newlines are significant again, so peek() moves nothing and
        // returns the first token after the expression.
        int after = indexOf(rest, parser.peek());
        Token last = rest.get(after - 1);
        int end = lines.offset(last.pos()) + sourceLength(last);
        return new ExpressionSpan(lines.offset(start), end, form(expression, rest.subList(0, after)));
    }

    private static int tokenAt(List<Token> tokens, Pos start) {
        for (int i = 0; i < tokens.size(); i++) {
            Pos p = tokens.get(i).pos();
            if (p.line() == start.line() && p.column() == start.column()) {
                if (tokens.get(i).is(TokenKind.EOF)) {
                    break;
                }
                return i;
            }
        }
        throw new HclException(start, "no expression starts at this position");
    }

    private static int indexOf(List<Token> tokens, Token token) {
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i) == token) {
                return i;
            }
        }
        throw new IllegalStateException("the parser's next token is not among the tokens it was given");
    }

    /**
     * Returns how many chars the token takes in the source. Only string literals (decoded) and heredoc openers
     * (which include their newline) differ from their text, and an expression never ends with either.
     */
    private static int sourceLength(Token token) {
        if (token.is(TokenKind.STRING_LIT) || token.is(TokenKind.OHEREDOC)) {
            throw new IllegalStateException("an expression cannot end with a " + token.describe());
        }
        return token.text().length();
    }

    private static Form form(Expression expression, List<Token> tokens) {
        if (!(expression instanceof Expression.Template)) {
            return Form.COMPUTED;
        }
        for (Token t : tokens) {
            if (t.is(TokenKind.TEMPLATE_INTERP)) {
                return Form.COMPUTED;
            }
        }
        return tokens.get(0).is(TokenKind.OHEREDOC) ? Form.HEREDOC : Form.STRING;
    }

    /** The offsets at which the lines of a source start, to turn a line and column into an offset. */
    private static final class LineOffsets {
        private final List<Integer> starts = new ArrayList<>();

        LineOffsets(String text) {
            starts.add(0);
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    starts.add(i + 1);
                }
            }
        }

        // The lexer counts columns in chars and lines at '\n' only (a '\r' is a column), as this does.
        int offset(Pos pos) {
            if (pos.line() < 1 || pos.line() > starts.size()) {
                throw new HclException(pos, "no line " + pos.line() + " in a source of " + starts.size() + " lines");
            }
            return starts.get(pos.line() - 1) + pos.column() - 1;
        }
    }
}
