package io.plumb.engine.source;

import io.plumb.engine.hcl.Document;
import io.plumb.engine.hcl.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code HclBlocks} finds the HCL block that declares the object of a planned change, from the names its comment
 * quotes: {@code create "t" table} is the block labelled {@code t}; {@code create index "i" to table: "t"} the block
 * labelled {@code i} inside the block labelled {@code t}. A name no block carries gives no position.
 */
final class HclBlocks {

    private static final Pattern QUOTED = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    private HclBlocks() {}

    /** Returns the failure with the declaring block's position in front, or as it is when no block is found. */
    static DevLoadException locate(Document document, DevLoadException failure) {
        return block(document, failure.change().comment())
                .map(block -> failure.at(block.pos().toString()))
                .orElse(failure);
    }

    static Optional<Resource> block(Document document, String comment) {
        List<String> names = new ArrayList<>();
        Matcher quoted = QUOTED.matcher(comment);
        while (quoted.find()) {
            names.add(quoted.group(1));
        }
        if (names.isEmpty()) {
            return Optional.empty();
        }
        String name = names.get(0);
        List<Resource> parents = names.size() > 1 ? labelled(document.resources(), names.get(1)) : List.of();
        for (Resource parent : parents) {
            Optional<Resource> nested =
                    labelled(parent.children(), name).stream().findFirst();
            if (nested.isPresent()) {
                return nested;
            }
        }
        return labelled(document.resources(), name).stream().findFirst();
    }

    // The blocks of this level whose last label is the name, in document order.
    private static List<Resource> labelled(List<Resource> blocks, String name) {
        List<Resource> found = new ArrayList<>();
        for (Resource block : blocks) {
            if (!block.labels().isEmpty()
                    && block.labels().get(block.labels().size() - 1).equals(name)) {
                found.add(block);
            }
        }
        return found;
    }
}
