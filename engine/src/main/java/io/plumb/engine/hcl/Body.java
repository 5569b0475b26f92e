package io.plumb.engine.hcl;

import java.util.List;

/**
 * A {@code Body} is the content of a file or block: attributes and blocks, each list in source order.
 *
 * @param attributes the attributes, in source order
 * @param blocks the nested blocks, in source order
 */
public record Body(List<AttributeNode> attributes, List<BlockNode> blocks) {

    public Body {
        attributes = List.copyOf(attributes);
        blocks = List.copyOf(blocks);
    }
}
