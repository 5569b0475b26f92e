package io.plumb.engine.hcl;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A {@code Parser} builds the body of an HCL file from its tokens by recursive descent.
 *
 * <p>Newlines end attributes and object items, but inside parentheses, brackets, {@code for} expressions and
 * interpolations they are insignificant: a stack records which applies.
 */
final class Parser {

    private final List<Token> tokens;
    private final Deque<Boolean> skipNewlines = new ArrayDeque<>();
    private final ExpressionParser expressions;
    private int index;
    private int blockDepth;

    Parser(List<Token> tokens) {
        this.tokens = tokens;
        this.skipNewlines.push(false);
        this.expressions = new ExpressionParser(this);
    }

    /** Parses a whole file. */
    Body parseFile() {
        return parseBody(null, null);
    }

    // --- token access, shared with ExpressionParser ---

    Token peek() {
        if (Boolean.TRUE.equals(skipNewlines.peek())) {
            while (tokens.get(index).is(TokenKind.NEWLINE)) {
                index++;
            }
        }
        return tokens.get(index);
    }

    Token peekAhead(int ahead) {
        peek();
        int i = index;
        for (int n = 0; n < ahead && i < tokens.size() - 1; n++) {
            i++;
            while (Boolean.TRUE.equals(skipNewlines.peek())
                    && tokens.get(i).is(TokenKind.NEWLINE)
                    && i < tokens.size() - 1) {
                i++;
            }
        }
        return tokens.get(i);
    }

    Token next() {
        Token t = peek();
        if (!t.is(TokenKind.EOF)) {
            index++;
        }
        return t;
    }

    boolean accept(TokenKind kind) {
        if (peek().is(kind)) {
            next();
            return true;
        }
        return false;
    }

    Token expect(TokenKind kind, String context) {
        Token t = peek();
        if (!t.is(kind)) {
            throw new HclException(
                    t.pos(), "expected " + kind.description() + " " + context + ", found " + t.describe());
        }
        return next();
    }

    void pushNewlines(boolean skip) {
        skipNewlines.push(skip);
    }

    void popNewlines() {
        skipNewlines.pop();
    }

    // --- bodies ---

    private Body parseBody(@Nullable String blockType, @Nullable Pos blockPos) {
        List<AttributeNode> attributes = new ArrayList<>();
        List<BlockNode> blocks = new ArrayList<>();
        Map<String, Pos> seen = new LinkedHashMap<>();
        while (true) {
            Token t = peek();
            switch (t.kind()) {
                case NEWLINE -> next();
                case EOF -> {
                    if (blockType != null && blockPos != null) {
                        throw new HclException(
                                t.pos(),
                                "unclosed block \"" + blockType + "\" opened at " + blockPos.line() + ":"
                                        + blockPos.column());
                    }
                    return new Body(attributes, blocks);
                }
                case RBRACE -> {
                    if (blockType == null) {
                        throw new HclException(
                                t.pos(), "expected an attribute or a block, found \"}\" without" + " an open block");
                    }
                    return new Body(attributes, blocks);
                }
                case IDENT -> parseItem(attributes, blocks, seen);
                default -> throw new HclException(t.pos(), "expected an attribute or a block, found " + t.describe());
            }
        }
    }

    private void parseItem(List<AttributeNode> attributes, List<BlockNode> blocks, Map<String, Pos> seen) {
        Token name = next();
        if (peek().is(TokenKind.EQUAL)) {
            attributes.add(parseAttribute(name, seen));
            expectLineEnd("after attribute", name);
            return;
        }
        List<String> labels = parseLabels();
        Token open = peek();
        if (!open.is(TokenKind.LBRACE)) {
            String expected = labels.isEmpty()
                    ? "expected \"=\" or a block body after \"" + name.text() + "\""
                    : "expected \"{\" to open block \"" + name.text() + "\"";
            throw new HclException(open.pos(), expected + ", found " + open.describe());
        }
        next();
        Body body;
        if (peek().is(TokenKind.NEWLINE)) {
            if (++blockDepth > ExpressionParser.MAX_DEPTH) {
                throw new HclException(
                        name.pos(), "blocks nested too deeply: more than " + ExpressionParser.MAX_DEPTH + " levels");
            }
            body = parseBody(name.text(), name.pos());
            blockDepth--;
        } else {
            body = parseSingleLineBody(name);
        }
        if (!peek().is(TokenKind.RBRACE)) {
            expect(TokenKind.RBRACE, "to close block \"" + name.text() + "\"");
        }
        next();
        blocks.add(new BlockNode(name.text(), labels, body, name.pos()));
        expectLineEnd("after block", name);
    }

    private AttributeNode parseAttribute(Token name, Map<String, Pos> seen) {
        Pos first = seen.get(name.text());
        if (first != null) {
            throw new HclException(
                    name.pos(),
                    "duplicate attribute \"" + name.text() + "\" (first defined at " + first.line() + ":"
                            + first.column() + ")");
        }
        seen.put(name.text(), name.pos());
        if (!peek().is(TokenKind.EQUAL)) {
            expect(TokenKind.EQUAL, "after \"" + name.text() + "\"");
        }
        next();
        Expression value = expressions.parseExpression();
        return new AttributeNode(name.text(), value, name.pos());
    }

    private Body parseSingleLineBody(Token block) {
        if (peek().is(TokenKind.RBRACE)) {
            return new Body(List.of(), List.of());
        }
        Token name = expect(TokenKind.IDENT, "(an attribute) in single-line block \"" + block.text() + "\"");
        if (!peek().is(TokenKind.EQUAL)) {
            throw new HclException(
                    peek().pos(),
                    "expected \"=\" after \"" + name.text()
                            + "\" (a single-line block holds at most one attribute), found " + peek().describe());
        }
        AttributeNode attribute = parseAttribute(name, new LinkedHashMap<>());
        Token close = peek();
        if (!close.is(TokenKind.RBRACE)) {
            throw new HclException(
                    close.pos(),
                    "expected \"}\" to close single-line block \"" + block.text()
                            + "\" (it holds at most one attribute), found " + close.describe());
        }
        return new Body(List.of(attribute), List.of());
    }

    private List<String> parseLabels() {
        List<String> labels = new ArrayList<>();
        while (true) {
            Token t = peek();
            if (t.is(TokenKind.IDENT)) {
                labels.add(next().text());
            } else if (t.is(TokenKind.OQUOTE)) {
                next();
                StringBuilder label = new StringBuilder();
                while (peek().is(TokenKind.STRING_LIT)) {
                    label.append(next().text());
                }
                if (peek().is(TokenKind.TEMPLATE_INTERP)) {
                    throw new HclException(peek().pos(), "block labels cannot contain interpolation");
                }
                expect(TokenKind.CQUOTE, "to close the block label");
                labels.add(label.toString());
            } else {
                return labels;
            }
        }
    }

    /** Expects the end of the line after an item; the message is built only on error, as items are many. */
    private void expectLineEnd(String context, Token item) {
        Token t = peek();
        if (t.is(TokenKind.NEWLINE)) {
            next();
        } else if (!t.is(TokenKind.EOF)) {
            throw new HclException(
                    t.pos(), "expected newline " + context + " \"" + item.text() + "\", found " + t.describe());
        }
    }
}
