package io.plumb.engine.schema;

/**
 * A column's {@code DefaultValue}: a literal, or a raw SQL expression.
 *
 * <p>Both hold SQL text. A literal is a value as SQL spells it ({@code 'anon'}, {@code 42}, {@code true}); HCL
 * writes it as a string, number or bool. A raw expression ({@code CURRENT_TIMESTAMP}) is written as {@code
 * sql("...")}.
 */
public sealed interface DefaultValue {

    /** Returns the default as SQL text. */
    String sql();

    /**
     * A literal default.
     *
     * @param sql the literal as SQL spells it, quotes included
     */
    record Literal(String sql) implements DefaultValue {}

    /**
     * A raw SQL expression default.
     *
     * @param sql the expression
     */
    record RawExpr(String sql) implements DefaultValue {}
}
