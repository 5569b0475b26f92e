package io.plumb.engine.hcl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code BlockNames} resolves {@code type.label....name} traversals to the name of a top-level block, as Atlas does
 * for {@code "${table.users.name}"}.
 */
final class BlockNames {

    private record Entry(BlockNode block, HclFile file) {}

    private final Map<String, List<Entry>> byType = new LinkedHashMap<>();

    void add(BlockNode block, HclFile file) {
        byType.computeIfAbsent(block.type(), t -> new ArrayList<>()).add(new Entry(block, file));
    }

    /** Returns the name of the block {@code path} names with a final {@code name} step, or null. */
    @Nullable
    String name(List<String> path, ExpressionEvaluator ev) {
        List<Entry> candidates = byType.get(path.get(0));
        if (candidates == null || path.size() < 3 || !path.get(path.size() - 1).equals("name")) {
            return null;
        }
        List<String> labels = path.subList(1, path.size() - 1);
        for (Entry entry : candidates) {
            BlockNode block = entry.block();
            if (!block.labels().equals(labels)) {
                continue;
            }
            for (AttributeNode attribute : block.body().attributes()) {
                if (attribute.name().equals("name")) {
                    Value v = ev.eval(attribute.expression(), Scope.root(entry.file()));
                    if (v instanceof Value.Str s) {
                        return s.value();
                    }
                }
            }
            return labels.get(labels.size() - 1);
        }
        return null;
    }
}
