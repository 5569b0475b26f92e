package io.plumb.engine.hcl;

/**
 * An evaluated {@code Attribute} of a {@link Resource}.
 *
 * @param name the attribute name
 * @param value the evaluated value
 * @param pos where the attribute's expression starts, for errors about its value
 */
public record Attribute(String name, Value value, Pos pos) {}
