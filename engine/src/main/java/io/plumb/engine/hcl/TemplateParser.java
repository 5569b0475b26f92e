package io.plumb.engine.hcl;

import java.util.ArrayList;
import java.util.List;

/** A {@code TemplateParser} parses quoted strings and heredocs into {@link Expression.Template templates}. */
final class TemplateParser {

    private final Parser p;
    private final ExpressionParser expressions;

    TemplateParser(Parser parser, ExpressionParser expressions) {
        this.p = parser;
        this.expressions = expressions;
    }

    Expression parseQuoted() {
        Token open = p.next();
        List<Expression> parts = new ArrayList<>();
        while (true) {
            Token t = p.peek();
            if (t.is(TokenKind.CQUOTE)) {
                p.next();
                return new Expression.Template(parts, open.pos());
            }
            if (t.is(TokenKind.STRING_LIT)) {
                p.next();
                parts.add(new Expression.Literal(new Value.Str(t.text()), t.pos()));
            } else if (t.is(TokenKind.TEMPLATE_INTERP)) {
                parts.add(parseInterpolation());
            } else {
                throw new HclException(t.pos(), "expected the end of the string, found " + t.describe());
            }
        }
    }

    private Expression parseInterpolation() {
        p.next();
        p.pushNewlines(true);
        Expression e = expressions.parseExpression();
        p.expect(TokenKind.TEMPLATE_SEQ_END, "to close the interpolation");
        p.popNewlines();
        return e;
    }

    Expression parseHeredoc() {
        Token open = p.next();
        boolean strip = open.text().startsWith("-");
        List<Token> literals = new ArrayList<>();
        List<Object> parts = new ArrayList<>();
        int minIndent = Integer.MAX_VALUE;
        boolean atLineStart = true;
        p.pushNewlines(false);
        while (true) {
            Token t = p.peek();
            if (t.is(TokenKind.CHEREDOC)) {
                p.next();
                break;
            }
            if (t.is(TokenKind.STRING_LIT)) {
                p.next();
                parts.add(t);
                literals.add(t);
                if (t.lineStart() && !t.text().isBlank()) {
                    minIndent = Math.min(minIndent, indentOf(t.text()));
                }
                atLineStart = t.text().endsWith("\n");
            } else if (t.is(TokenKind.TEMPLATE_INTERP)) {
                if (atLineStart) {
                    minIndent = 0;
                }
                parts.add(parseInterpolation());
                atLineStart = false;
            } else {
                throw new HclException(t.pos(), "expected the end of the heredoc, found " + t.describe());
            }
        }
        p.popNewlines();
        int indent = strip && minIndent != Integer.MAX_VALUE ? minIndent : 0;
        List<Expression> result = new ArrayList<>();
        for (Object part : parts) {
            if (part instanceof Token t) {
                String text = t.lineStart() ? t.text().substring(Math.min(indent, indentOf(t.text()))) : t.text();
                result.add(new Expression.Literal(new Value.Str(text), t.pos()));
            } else {
                result.add((Expression) part);
            }
        }
        return new Expression.Template(result, open.pos());
    }

    private static int indentOf(String line) {
        int i = 0;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }
}
