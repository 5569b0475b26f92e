package io.plumb.engine.hcl;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code DataBlocks} evaluates the {@code data "TYPE" "NAME"} blocks of a file set into the {@code data} root value,
 * {@code {TYPE = {NAME = value}}}, through the file's {@link DataSources}. A data block may use variables and locals,
 * not other data blocks.
 */
final class DataBlocks {

    private DataBlocks() {}

    static Value resolve(
            List<BlockNode> blocks, List<HclFile> files, ExpressionEvaluator evaluator, DataSources sources) {
        Map<String, Map<String, Value>> byType = new LinkedHashMap<>();
        for (int i = 0; i < blocks.size(); i++) {
            BlockNode block = blocks.get(i);
            if (block.labels().size() != 2) {
                throw new HclException(
                        block.pos(),
                        "data block needs two labels (its type and name), found "
                                + block.labels().size());
            }
            String type = block.labels().get(0);
            String name = block.labels().get(1);
            if (!block.body().blocks().isEmpty()) {
                BlockNode nested = block.body().blocks().get(0);
                throw new HclException(
                        nested.pos(), "unexpected block \"" + nested.type() + "\" in data \"" + type + "\"");
            }
            Map<String, Value> attributes = new LinkedHashMap<>();
            for (AttributeNode attribute : block.body().attributes()) {
                attributes.put(attribute.name(), evaluator.eval(attribute.expression(), Scope.root(files.get(i))));
            }
            Optional<Value> value = sources.resolve(type, name, attributes, block.pos());
            if (value.isEmpty()) {
                throw new HclException(block.pos(), "data source \"" + type + "\" is not supported");
            }
            Map<String, Value> named = byType.computeIfAbsent(type, t -> new LinkedHashMap<>());
            if (named.putIfAbsent(name, value.get()) != null) {
                throw new HclException(block.pos(), "duplicate data \"" + type + "\" \"" + name + "\"");
            }
        }
        Map<String, Value> root = new LinkedHashMap<>();
        byType.forEach((type, named) -> root.put(type, new Value.ObjectValue(named)));
        return new Value.ObjectValue(root);
    }
}
