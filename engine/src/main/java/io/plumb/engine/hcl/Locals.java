package io.plumb.engine.hcl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code Locals} holds the attributes of all {@code locals} blocks and evaluates each lazily, once, detecting cycles. */
final class Locals {

    /** A local's definition and the file it is in (for {@code file()} paths). */
    record Definition(AttributeNode node, HclFile file) {}

    private final Map<String, Definition> definitions;
    private final Map<String, Value> values = new HashMap<>();
    private final Set<String> evaluating = new LinkedHashSet<>();

    Locals(Map<String, Definition> definitions) {
        this.definitions = new LinkedHashMap<>(definitions);
    }

    static Locals none() {
        return new Locals(Map.of());
    }

    Value get(String name, Pos pos, ExpressionEvaluator ev) {
        Value done = values.get(name);
        if (done != null) {
            return done;
        }
        Definition def = definitions.get(name);
        if (def == null) {
            throw new HclException(pos, "unknown local \"" + name + "\"");
        }
        if (evaluating.contains(name)) {
            List<String> cycle = new ArrayList<>(evaluating);
            cycle = cycle.subList(cycle.indexOf(name), cycle.size());
            throw new HclException(
                    pos, "locals depend on each other in a cycle: " + String.join(" -> ", cycle) + " -> " + name);
        }
        evaluating.add(name);
        try {
            Value v = ev.eval(def.node().expression(), Scope.root(def.file()));
            values.put(name, v);
            return v;
        } finally {
            evaluating.remove(name);
        }
    }
}
