package io.plumb.engine.hcl;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** An {@code ExpressionParser} parses HCL expressions with HCL's operator precedence, on a {@link Parser}'s tokens. */
final class ExpressionParser {

    /** The binding level of a binary operator, from the loosest (0) to the tightest; -1 for other tokens. */
    private static int level(TokenKind kind) {
        return switch (kind) {
            case OR -> 0;
            case AND -> 1;
            case EQEQ, NEQ -> 2;
            case LT, LE, GT, GE -> 3;
            case PLUS, MINUS -> 4;
            case STAR, SLASH, PERCENT -> 5;
            default -> -1;
        };
    }

    /** How deeply expressions may nest; real files stay far below, and the parser's stack well above. */
    static final int MAX_DEPTH = 200;

    private final Parser p;
    private final TemplateParser templates;
    private int depth;

    ExpressionParser(Parser parser) {
        this.p = parser;
        this.templates = new TemplateParser(parser, this);
    }

    Expression parseExpression() {
        enter();
        try {
            Expression condition = parseBinary(0);
            if (!p.peek().is(TokenKind.QUESTION)) {
                return condition;
            }
            p.next();
            Expression whenTrue = parseExpression();
            p.expect(TokenKind.COLON, "in conditional expression");
            Expression whenFalse = parseExpression();
            return new Expression.Conditional(condition, whenTrue, whenFalse, condition.start());
        } finally {
            depth--;
        }
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw new HclException(p.peek().pos(), "expression nested too deeply: more than " + MAX_DEPTH + " levels");
        }
    }

    /**
     * Parses operators binding at least as tightly as {@code minLevel}, left-associatively, by precedence climbing:
     * one call per operand rather than one per operand and level.
     */
    private Expression parseBinary(int minLevel) {
        Expression left = parseUnary();
        while (true) {
            int level = level(p.peek().kind());
            if (level < minLevel) {
                return left;
            }
            Token op = p.next();
            Expression right = parseBinary(level + 1);
            left = new Expression.Binary(op.kind(), left, right, op.pos());
        }
    }

    private Expression parseUnary() {
        Token t = p.peek();
        if (t.is(TokenKind.BANG) || t.is(TokenKind.MINUS)) {
            p.next();
            enter();
            try {
                return new Expression.Unary(t.kind(), parseUnary(), t.pos());
            } finally {
                depth--;
            }
        }
        return parsePostfix(parsePrimary());
    }

    private Expression parsePostfix(Expression source) {
        Expression e = source;
        while (true) {
            Token t = p.peek();
            if (t.is(TokenKind.DOT)) {
                if (p.peekAhead(1).is(TokenKind.STAR)) {
                    p.next();
                    Token star = p.next();
                    return new Expression.Splat(
                            e, parseSplatSteps(new Expression.SplatItem(star.pos()), false), star.pos());
                }
                p.next();
                e = parseDotStep(e);
            } else if (t.is(TokenKind.LBRACK)) {
                if (p.peekAhead(1).is(TokenKind.STAR) && p.peekAhead(2).is(TokenKind.RBRACK)) {
                    p.next();
                    Token star = p.next();
                    p.next();
                    return new Expression.Splat(
                            e, parseSplatSteps(new Expression.SplatItem(star.pos()), true), star.pos());
                }
                e = parseIndex(e);
            } else {
                return e;
            }
        }
    }

    private Expression parseDotStep(Expression source) {
        Token step = p.next();
        if (step.is(TokenKind.IDENT)) {
            return new Expression.GetAttr(source, step.text(), step.pos());
        }
        if (step.is(TokenKind.NUMBER) && step.text().chars().allMatch(Character::isDigit)) {
            Expression key = new Expression.Literal(new Value.Num(Numbers.parse(step.text(), step.pos())), step.pos());
            return new Expression.Index(source, key, step.pos());
        }
        throw new HclException(
                step.pos(), "expected an attribute name or an index after \".\", found " + step.describe());
    }

    private Expression parseIndex(Expression source) {
        p.next();
        p.pushNewlines(true);
        Expression key = parseExpression();
        p.expect(TokenKind.RBRACK, "to close the index");
        p.popNewlines();
        return new Expression.Index(source, key, key.pos());
    }

    /** Parses the traversal steps that follow a splat; an attribute-only splat ({@code .*}) takes no indexes. */
    private Expression parseSplatSteps(Expression item, boolean full) {
        Expression e = item;
        while (true) {
            Token t = p.peek();
            if (t.is(TokenKind.DOT) && !p.peekAhead(1).is(TokenKind.STAR)) {
                p.next();
                e = parseDotStep(e);
            } else if (full && t.is(TokenKind.LBRACK) && !p.peekAhead(1).is(TokenKind.STAR)) {
                e = parseIndex(e);
            } else {
                return e;
            }
        }
    }

    private Expression parsePrimary() {
        Token t = p.peek();
        return switch (t.kind()) {
            case NUMBER -> {
                p.next();
                yield new Expression.Literal(new Value.Num(Numbers.parse(t.text(), t.pos())), t.pos());
            }
            case IDENT -> parseIdentifier();
            case OQUOTE -> templates.parseQuoted();
            case OHEREDOC -> templates.parseHeredoc();
            case LPAREN -> {
                p.next();
                p.pushNewlines(true);
                Expression inner = parseExpression();
                p.expect(TokenKind.RPAREN, "to close the parenthesis");
                p.popNewlines();
                yield new Expression.Parens(inner, t.pos());
            }
            case LBRACK -> parseTuple();
            case LBRACE -> parseObject();
            default -> throw new HclException(t.pos(), "expected an expression, found " + t.describe());
        };
    }

    private Expression parseIdentifier() {
        Token t = p.next();
        switch (t.text()) {
            case "true" -> {
                return new Expression.Literal(new Value.Bool(true), t.pos());
            }
            case "false" -> {
                return new Expression.Literal(new Value.Bool(false), t.pos());
            }
            case "null" -> {
                return new Expression.Literal(new Value.Null(), t.pos());
            }
            default -> {
                if (p.peek().is(TokenKind.LPAREN)) {
                    return parseCall(t);
                }
                return new Expression.Variable(t.text(), t.pos());
            }
        }
    }

    private Expression parseCall(Token name) {
        p.next();
        p.pushNewlines(true);
        List<Expression> args = new ArrayList<>();
        boolean expand = false;
        while (!p.peek().is(TokenKind.RPAREN)) {
            args.add(parseExpression());
            if (p.accept(TokenKind.ELLIPSIS)) {
                expand = true;
                p.expect(TokenKind.RPAREN, "after the expanded final argument \"...\"");
                p.popNewlines();
                return new Expression.Call(name.text(), args, true, name.pos());
            }
            if (!p.accept(TokenKind.COMMA) && !p.peek().is(TokenKind.RPAREN)) {
                throw new HclException(
                        p.peek().pos(),
                        "expected \",\" or \")\" in call of \"" + name.text() + "\", found "
                                + p.peek().describe());
            }
        }
        p.next();
        p.popNewlines();
        return new Expression.Call(name.text(), args, expand, name.pos());
    }

    private Expression parseTuple() {
        Token open = p.next();
        p.pushNewlines(true);
        if (isForStart()) {
            Expression e = parseFor(open, false);
            p.popNewlines();
            return e;
        }
        List<Expression> elements = new ArrayList<>();
        while (!p.peek().is(TokenKind.RBRACK)) {
            elements.add(parseExpression());
            if (!p.accept(TokenKind.COMMA) && !p.peek().is(TokenKind.RBRACK)) {
                throw new HclException(
                        p.peek().pos(),
                        "expected \",\" or \"]\" in tuple, found " + p.peek().describe());
            }
        }
        p.next();
        p.popNewlines();
        return new Expression.Tuple(elements, open.pos());
    }

    private boolean isForStart() {
        return p.peek().isKeyword("for") && p.peekAhead(1).is(TokenKind.IDENT);
    }

    private Expression parseObject() {
        Token open = p.next();
        p.pushNewlines(true);
        if (isForStart()) {
            Expression e = parseFor(open, true);
            p.popNewlines();
            return e;
        }
        p.popNewlines();
        p.pushNewlines(false);
        List<Expression.ObjectItem> items = new ArrayList<>();
        while (true) {
            while (p.accept(TokenKind.NEWLINE)) {
                // blank lines between items
            }
            if (p.accept(TokenKind.RBRACE)) {
                break;
            }
            Expression key = parseExpression();
            Token sep = p.peek();
            if (!sep.is(TokenKind.EQUAL) && !sep.is(TokenKind.COLON)) {
                throw new HclException(sep.pos(), "expected \"=\" or \":\" after object key, found " + sep.describe());
            }
            p.next();
            items.add(new Expression.ObjectItem(key, parseExpression()));
            Token after = p.peek();
            if (!p.accept(TokenKind.COMMA) && !after.is(TokenKind.NEWLINE) && !after.is(TokenKind.RBRACE)) {
                throw new HclException(
                        after.pos(), "expected \",\", newline or \"}\" after object item, found " + after.describe());
            }
        }
        p.popNewlines();
        return new Expression.ObjectCons(items, open.pos());
    }

    private Expression parseFor(Token open, boolean object) {
        p.next();
        String first =
                p.expect(TokenKind.IDENT, "(a variable name) after \"for\"").text();
        @Nullable String keyVar = null;
        String valueVar = first;
        if (p.accept(TokenKind.COMMA)) {
            keyVar = first;
            valueVar = p.expect(TokenKind.IDENT, "(a variable name) after \",\" in for expression")
                    .text();
        }
        Token in = p.next();
        if (!in.isKeyword("in")) {
            throw new HclException(in.pos(), "expected \"in\" in for expression, found " + in.describe());
        }
        Expression collection = parseExpression();
        p.expect(TokenKind.COLON, "after the collection of a for expression");
        @Nullable Expression keyResult = null;
        if (object) {
            keyResult = parseExpression();
            p.expect(TokenKind.ARROW, "after the key of an object for expression");
        }
        Expression valueResult = parseExpression();
        boolean grouping = object && p.accept(TokenKind.ELLIPSIS);
        @Nullable Expression condition = null;
        if (p.peek().isKeyword("if")) {
            p.next();
            condition = parseExpression();
        }
        p.expect(object ? TokenKind.RBRACE : TokenKind.RBRACK, "to close the for expression");
        return new Expression.For(
                keyVar, valueVar, collection, keyResult, valueResult, condition, grouping, open.pos());
    }
}
