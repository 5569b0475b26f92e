package io.plumb.engine.hcl;

/**
 * An evaluated {@code Attribute} of a {@link Resource}.
 *
 * @param name the attribute name
 * @param value the evaluated value
 * @param pos where the attribute's expression starts, for errors about its value
 * @param namePos where the attribute's name starts, for errors about the attribute itself (an unknown name)
 */
public record Attribute(String name, Value value, Pos pos, Pos namePos) {

    /** Creates an attribute whose name and value are reported at the same position. */
    public Attribute(String name, Value value, Pos pos) {
        this(name, value, pos, pos);
    }
}
