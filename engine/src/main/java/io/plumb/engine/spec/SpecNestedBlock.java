package io.plumb.engine.spec;

import io.plumb.engine.hcl.HclException;
import io.plumb.engine.hcl.Resource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@code SpecNestedBlock} is a block that a dialect accepts inside a {@code column} block, such as PostgreSQL's
 * {@code identity { generated = ALWAYS start = 10 }}, or inside a {@code table} block, such as {@code partition {
 * type = RANGE columns = [column.a] }}, kept in the column's or table's options: the main attribute under the
 * block's type (its default when the block leaves it out), each other attribute under {@code TYPE_NAME}.
 *
 * @param type the block type, which is also the option holding the main attribute
 * @param main the attribute that is always written
 * @param mainDefault the main attribute's value when the block leaves it out, or empty when it is required
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

    /** Returns the options a nested block holds, for the block owned by {@code parent} (as errors name it). */
    Map<String, String> read(Resource resource, String parent) {
        String owner = "\"" + type + "\" block of " + parent;
        List<SpecAttribute> attributes = new ArrayList<>(others);
        attributes.add(0, main);
        SpecBlock block = SpecBlock.of(resource, owner, SpecBlock.names(attributes), Set.of());
        Map<String, String> read = block.options(attributes);
        String value = read.getOrDefault(main.name(), mainDefault);
        if (value.isEmpty()) {
            throw new HclException(resource.pos(), owner + ": missing " + main.name());
        }
        Map<String, String> options = new LinkedHashMap<>();
        options.put(type, value);
        for (SpecAttribute attribute : others) {
            String other = read.get(attribute.name());
            if (other != null) {
                options.put(key(attribute), other);
            }
        }
        return options;
    }
}
