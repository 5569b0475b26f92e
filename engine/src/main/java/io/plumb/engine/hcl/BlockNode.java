package io.plumb.engine.hcl;

import java.util.List;

/**
 * A {@code BlockNode} is an unevaluated block {@code type "label" ... { body }}.
 *
 * @param type the block type
 * @param labels the labels, string or identifier, in order
 * @param body the block content
 * @param pos where the type keyword is
 */
public record BlockNode(String type, List<String> labels, Body body, Pos pos) {

    public BlockNode {
        labels = List.copyOf(labels);
    }
}
