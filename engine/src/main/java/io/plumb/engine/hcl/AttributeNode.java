package io.plumb.engine.hcl;

/**
 * An {@code AttributeNode} is an unevaluated {@code name = expression} line of a body.
 *
 * @param name the attribute name
 * @param expression the value expression
 * @param pos where the name is
 */
public record AttributeNode(String name, Expression expression, Pos pos) {}
