package io.plumb.engine.hcl;

import java.util.List;

/**
 * A {@code Document} is the evaluated content of one or more HCL files: their top-level blocks, in file order and
 * source order.
 *
 * @param resources the top-level blocks
 */
public record Document(List<Resource> resources) {

    public Document {
        resources = List.copyOf(resources);
    }

    /** Returns the top-level blocks of the given type. */
    public List<Resource> resources(String type) {
        return resources.stream().filter(r -> r.type().equals(type)).toList();
    }
}
