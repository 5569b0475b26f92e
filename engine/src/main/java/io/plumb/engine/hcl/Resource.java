package io.plumb.engine.hcl;

import java.util.ArrayList;
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

    /**
     * Returns an attribute that holds a string or a list of strings as a list: empty when the attribute is absent.
     *
     * @throws HclException at the attribute when it holds anything else
     */
    public List<String> strings(String name) {
        Optional<Attribute> found = attribute(name);
        if (found.isEmpty()) {
            return List.of();
        }
        Value value = found.get().value();
        if (value instanceof Value.Str s) {
            return List.of(s.value());
        }
        if (value instanceof Value.ListValue list) {
            List<String> strings = new ArrayList<>();
            for (Value element : list.elements()) {
                if (!(element instanceof Value.Str s)) {
                    throw new HclException(
                            found.get().pos(),
                            "attribute \"" + name + "\" of " + type + ": expected a list of strings, found a "
                                    + element.kind() + " element");
                }
                strings.add(s.value());
            }
            return strings;
        }
        throw new HclException(
                found.get().pos(),
                "attribute \"" + name + "\" of " + type + ": expected a string or a list of strings, found "
                        + value.kind());
    }

    /** Returns the nested blocks of the given type, in source order. */
    public List<Resource> children(String childType) {
        return children.stream().filter(c -> c.type().equals(childType)).toList();
    }
}
