package io.plumb.engine.hcl;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** An {@code Expression} is a node of the HCL expression syntax tree; every node knows where it starts. */
public sealed interface Expression {

    /** Returns where the expression starts (for operators: where the operator is). */
    Pos pos();

    /** Returns where the expression's source text starts: the leftmost operand of traversals and operators. */
    default Pos start() {
        if (this instanceof GetAttr g) {
            return g.source().start();
        }
        if (this instanceof Index i) {
            return i.source().start();
        }
        if (this instanceof Splat s) {
            return s.source().start();
        }
        if (this instanceof Binary b) {
            return b.left().start();
        }
        return pos();
    }

    /** A number, bool or null literal, or a literal piece of a template. */
    record Literal(Value value, Pos pos) implements Expression {}

    /** A quoted string or heredoc: literal pieces and interpolated expressions, in order. */
    record Template(List<Expression> parts, Pos pos) implements Expression {
        public Template {
            parts = List.copyOf(parts);
        }
    }

    /** A name at the root of a traversal, such as {@code var} in {@code var.x}. */
    record Variable(String name, Pos pos) implements Expression {}

    /** An attribute access {@code source.name}; {@code pos} is where the name is. */
    record GetAttr(Expression source, String name, Pos pos) implements Expression {}

    /** An index {@code source[key]}, or the legacy form {@code source.0}; {@code pos} is where the key is. */
    record Index(Expression source, Expression key, Pos pos) implements Expression {}

    /**
     * A splat {@code source[*].rest} or {@code source.*.rest}: {@code each} is evaluated for every element, bound
     * to {@link SplatItem}.
     */
    record Splat(Expression source, Expression each, Pos pos) implements Expression {}

    /** The current element inside a {@link Splat}'s {@code each} expression. */
    record SplatItem(Pos pos) implements Expression {}

    /** A function call; {@code expandFinal} is set by {@code f(a, list...)}. */
    record Call(String name, List<Expression> args, boolean expandFinal, Pos pos) implements Expression {
        public Call {
            args = List.copyOf(args);
        }
    }

    /** A unary operation {@code !x} or {@code -x}. */
    record Unary(TokenKind op, Expression operand, Pos pos) implements Expression {}

    /** A binary operation; {@code pos} is where the operator is. */
    record Binary(TokenKind op, Expression left, Expression right, Pos pos) implements Expression {}

    /** A conditional {@code condition ? whenTrue : whenFalse}; {@code pos} is where the condition starts. */
    record Conditional(Expression condition, Expression whenTrue, Expression whenFalse, Pos pos)
            implements Expression {}

    /** A parenthesized expression, kept so that {@code (k) = v} in an object evaluates its key. */
    record Parens(Expression inner, Pos pos) implements Expression {}

    /** A tuple constructor {@code [a, b]}. */
    record Tuple(List<Expression> elements, Pos pos) implements Expression {
        public Tuple {
            elements = List.copyOf(elements);
        }
    }

    /** An object constructor {@code {k = v, "k" = v, k: v}}. */
    record ObjectCons(List<ObjectItem> items, Pos pos) implements Expression {
        public ObjectCons {
            items = List.copyOf(items);
        }
    }

    /** One {@code key = value} item of an {@link ObjectCons}. */
    record ObjectItem(Expression key, Expression value) {}

    /**
     * A {@code for} expression: {@code [for k, v in coll : value if cond]} or {@code {for k, v in coll : key =>
     * value... if cond}}; {@code keyResult} is null for the tuple form.
     */
    record For(
            @Nullable String keyVar,
            String valueVar,
            Expression collection,
            @Nullable Expression keyResult,
            Expression valueResult,
            @Nullable Expression condition,
            boolean grouping,
            Pos pos)
            implements Expression {}
}
