package io.plumb.engine.hcl;

import java.util.List;
import java.util.Optional;

/**
 * A {@code Resource} is an evaluated block: its type, labels, attributes and nested blocks, in source order.
 *
 * <p>{@code for_each} is already expanded (one resource per instance, without the {@code for_each} attribute), and
 * {@code variable} and {@code locals} blocks are consumed by evaluation.
 *
 * @param type the block type, such as {@code table}
 * @param labels the block labels
 * @param attributes the attributes in source order
 * @param children the nested blocks in source order
 * @param pos where the block starts
 */
public record Resource(String type, List<String> labels, List<Attribute> attributes, List<Resource> children, Pos pos) {

    public Resource {
        labels = List.copyOf(labels);
        attributes = List.copyOf(attributes);
        children = List.copyOf(children);
    }

    /** Returns the attribute with the given name, if present. */
    public Optional<Attribute> attribute(String name) {
        return attributes.stream().filter(a -> a.name().equals(name)).findFirst();
    }

    /** Returns the nested blocks of the given type, in source order. */
    public List<Resource> children(String childType) {
        return children.stream().filter(c -> c.type().equals(childType)).toList();
    }
}
