package io.plumb.engine.project;

import io.plumb.engine.hcl.Attribute;
import io.plumb.engine.hcl.HclException;
import io.plumb.engine.hcl.Pos;
import io.plumb.engine.hcl.Resource;
import io.plumb.engine.hcl.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A {@code DataBlock} is one evaluated {@code data "TYPE" "NAME"} block as its source reads it: typed access to its
 * attributes, and errors at the block or attribute that say which data block is wrong, {@code data "sql" "tenants":
 * ...}.
 */
record DataBlock(Resource block) {

    /** Returns the source type, the block's first label. */
    String type() {
        return block.labels().get(0);
    }

    /** Returns the name, the block's second label. */
    String name() {
        return block.labels().get(1);
    }

    /** Returns where the block starts. */
    Pos pos() {
        return block.pos();
    }

    /** Returns an error at the block. */
    HclException error(String detail) {
        return error(block.pos(), detail);
    }

    /** Returns an error at a position, naming the block. */
    HclException error(Pos pos, String detail) {
        return new HclException(pos, "data \"" + type() + "\" \"" + name() + "\": " + detail);
    }

    /**
     * Checks that the block has only the given attributes and no nested blocks but the given ones.
     *
     * @throws HclException at the first other attribute or block
     */
    void allow(Set<String> attributes, Set<String> blocks) {
        for (Attribute attribute : block.attributes()) {
            if (!attributes.contains(attribute.name())) {
                throw error(
                        attribute.namePos(),
                        "unexpected attribute \"" + attribute.name() + "\"; expected "
                                + String.join(", ", attributes.stream().sorted().toList()));
            }
        }
        for (Resource child : block.children()) {
            if (!blocks.contains(child.type())) {
                throw error(child.pos(), "unexpected block \"" + child.type() + "\"");
            }
        }
    }

    /** Returns an attribute that is not null. */
    Optional<Attribute> attribute(String name) {
        return block.attribute(name).filter(a -> !(a.value() instanceof Value.Null));
    }

    /** Returns a required string attribute. */
    String string(String name) {
        Attribute attribute = attribute(name).orElseThrow(() -> error("attribute \"" + name + "\" is required"));
        return string(attribute);
    }

    /** Returns an optional string attribute. */
    Optional<String> optionalString(String name) {
        return attribute(name).map(this::string);
    }

    String string(Attribute attribute) {
        if (attribute.value() instanceof Value.Str s) {
            return s.value();
        }
        throw error(
                attribute.pos(),
                "attribute \"" + attribute.name() + "\" expects a string, found "
                        + attribute.value().kind());
    }

    /** Returns a required attribute that is a list of strings. */
    List<String> strings(String name) {
        Attribute attribute = attribute(name).orElseThrow(() -> error("attribute \"" + name + "\" is required"));
        if (!(attribute.value() instanceof Value.ListValue list)) {
            throw error(
                    attribute.pos(),
                    "attribute \"" + name + "\" expects a list of strings, found "
                            + attribute.value().kind());
        }
        List<String> strings = new ArrayList<>();
        for (Value element : list.elements()) {
            if (!(element instanceof Value.Str s)) {
                throw error(
                        attribute.pos(),
                        "attribute \"" + name + "\" expects a list of strings, found a " + element.kind() + " element");
            }
            strings.add(s.value());
        }
        return strings;
    }
}
