package io.plumb.engine.hcl;

import io.plumb.engine.hcl.DataReferences.Address;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code DataBlocks} evaluates the {@code data "TYPE" "NAME"} blocks of a file set into the {@code data} root value,
 * {@code {TYPE = {NAME = value}}}, through the file's {@link DataSources}.
 *
 * <p>As in the reference tool, every data block must be of a known type, but only the blocks something refers to
 * (another block, a local, or a data block that is itself resolved) are resolved, each once, after the data blocks
 * it refers to; a cycle is an error.
 */
final class DataBlocks {

    private record Located(BlockNode block, HclFile file) {}

    private final Map<Address, Located> blocks = new LinkedHashMap<>();
    private final Map<String, Locals.Definition> locals;
    private final Function<Value, ExpressionEvaluator> evaluators;
    private final DataSources sources;
    private final Map<Address, Value> resolved = new LinkedHashMap<>();
    private final Set<Address> resolving = new LinkedHashSet<>();
    private final Map<String, Set<Address>> localReferences = new HashMap<>();

    private DataBlocks(
            Map<String, Locals.Definition> locals,
            Function<Value, ExpressionEvaluator> evaluators,
            DataSources sources) {
        this.locals = locals;
        this.evaluators = evaluators;
        this.sources = sources;
    }

    /**
     * Resolves the data blocks the given references need.
     *
     * @param dataBlocks the data blocks and the files they are in, in file order, then source order
     * @param locals the locals, whose references count as the references of the blocks that use them
     * @param referenced the data blocks referred to from outside data blocks
     * @param evaluators an evaluator that binds the given {@code data} root
     * @throws HclException at a malformed, unknown or duplicate data block, a cycle, or a block its source refuses
     */
    static Value resolve(
            List<BlockNode> dataBlocks,
            List<HclFile> files,
            Map<String, Locals.Definition> locals,
            Set<Address> referenced,
            Function<Value, ExpressionEvaluator> evaluators,
            DataSources sources) {
        DataBlocks resolver = new DataBlocks(locals, evaluators, sources);
        for (int i = 0; i < dataBlocks.size(); i++) {
            resolver.declare(dataBlocks.get(i), files.get(i));
        }
        for (Address address : resolver.blocks.keySet()) {
            if (referenced.contains(address)) {
                resolver.resolve(address);
            }
        }
        return resolver.root();
    }

    private void declare(BlockNode block, HclFile file) {
        if (block.labels().size() != 2) {
            throw new HclException(
                    block.pos(),
                    "data block needs two labels (its type and name), found "
                            + block.labels().size());
        }
        String type = block.labels().get(0);
        if (!sources.types().contains(type)) {
            throw new HclException(block.pos(), "data source \"" + type + "\" is not supported");
        }
        Address address = new Address(type, block.labels().get(1));
        Located first = blocks.putIfAbsent(address, new Located(block, file));
        if (first != null) {
            throw new HclException(
                    block.pos(),
                    "duplicate data \"" + type + "\" \"" + address.name() + "\" (first declared at "
                            + first.block().pos() + ")");
        }
    }

    private void resolve(Address address) {
        if (resolved.containsKey(address)) {
            return;
        }
        Located located = blocks.get(address);
        if (located == null) {
            // Not declared: evaluating the reference reports it.
            return;
        }
        if (resolving.contains(address)) {
            List<Address> cycle = new ArrayList<>(resolving);
            cycle = cycle.subList(cycle.indexOf(address), cycle.size());
            StringBuilder path = new StringBuilder();
            cycle.forEach(a -> path.append(a).append(" -> "));
            throw new HclException(
                    located.block().pos(), "data sources depend on each other in a cycle: " + path + address);
        }
        resolving.add(address);
        try {
            for (Address dependency : dependencies(located.block().body())) {
                resolve(dependency);
            }
        } finally {
            resolving.remove(address);
        }
        ExpressionEvaluator evaluator = evaluators.apply(root());
        Resource block = HclEvaluator.resource(evaluator, located.block(), Scope.root(located.file()));
        resolved.put(address, sources.resolve(block));
    }

    private Set<Address> dependencies(Body body) {
        Set<Address> data = new LinkedHashSet<>();
        Set<String> usedLocals = new LinkedHashSet<>();
        DataReferences.ofBody(body, data, usedLocals);
        for (String local : usedLocals) {
            data.addAll(localDependencies(local, new LinkedHashSet<>()));
        }
        return data;
    }

    private Set<Address> localDependencies(String local, Set<String> visiting) {
        Set<Address> known = localReferences.get(local);
        if (known != null) {
            return known;
        }
        Locals.Definition definition = locals.get(local);
        if (definition == null || !visiting.add(local)) {
            // Unknown locals and cycles among locals are reported when the local is evaluated.
            return Set.of();
        }
        Set<Address> data = new LinkedHashSet<>();
        Set<String> usedLocals = new LinkedHashSet<>();
        DataReferences.of(definition.node().expression(), data, usedLocals);
        for (String used : usedLocals) {
            data.addAll(localDependencies(used, visiting));
        }
        localReferences.put(local, data);
        return data;
    }

    private Value root() {
        Map<String, Map<String, Value>> byType = new LinkedHashMap<>();
        resolved.forEach((address, value) -> byType.computeIfAbsent(address.type(), t -> new LinkedHashMap<>())
                .put(address.name(), value));
        Map<String, Value> root = new LinkedHashMap<>();
        byType.forEach((type, named) -> root.put(type, new Value.ObjectValue(named)));
        return new Value.ObjectValue(root);
    }
}
