package io.plumb.engine.spec;

import java.util.List;

/**
 * An {@code HclItem} is one item of an HCL body as the {@link SpecWriter} builds it for the {@link HclPrinter}: an
 * attribute with its expression already rendered, or a nested block.
 */
public sealed interface HclItem {

    /**
     * An attribute.
     *
     * @param name the attribute name
     * @param expression the value's HCL text, such as {@code "anon"}, {@code true} or {@code [column.id]}
     */
    record Attr(String name, String expression) implements HclItem {}

    /**
     * A block.
     *
     * @param type the block type
     * @param labels the labels, unquoted
     * @param body the attributes and nested blocks, in the order they are written
     */
    record Block(String type, List<String> labels, List<HclItem> body) implements HclItem {

        public Block {
            labels = List.copyOf(labels);
            body = List.copyOf(body);
        }
    }
}
