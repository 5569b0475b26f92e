package io.plumb.engine.spec;

import java.util.List;

/**
 * A {@code SpecNestedBlock} is a block that a dialect accepts inside a {@code column} block, such as PostgreSQL's
 * {@code identity { generated = ALWAYS start = 10 }}, kept in the column's options: the main attribute under the
 * block's type (its default when the block leaves it out), each other attribute under {@code TYPE_NAME}.
 *
 * @param type the block type, which is also the option holding the main attribute
 * @param main the attribute that is always written
 * @param mainDefault the main attribute's value when the block leaves it out
 * @param others the other attributes, in the order they are written
 */
public record SpecNestedBlock(String type, SpecAttribute main, String mainDefault, List<SpecAttribute> others) {

    public SpecNestedBlock {
        others = List.copyOf(others);
    }

    /** Returns the option key of one of the other attributes. */
    public String key(SpecAttribute attribute) {
        return type + "_" + attribute.name();
    }
}
