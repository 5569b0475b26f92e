package io.plumb.engine.hcl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An {@code HclEvaluator} turns parsed HCL files into a {@link Document}: it binds {@code variable} inputs, evaluates
 * {@code locals} lazily, expands {@code for_each}, and evaluates every attribute of the remaining blocks.
 */
public final class HclEvaluator {

    private record Located(BlockNode block, HclFile file) {}

    private final EvalOptions options;
    private final BlockNames blockNames = new BlockNames();
    private final List<Located> variableBlocks = new ArrayList<>();
    private final Map<String, Locals.Definition> localDefinitions = new LinkedHashMap<>();
    private final List<Located> blocks = new ArrayList<>();
    private final List<Located> dataBlocks = new ArrayList<>();

    private HclEvaluator(EvalOptions options) {
        this.options = options;
    }

    /**
     * Evaluates files together, as one document: top-level blocks keep file order, then source order.
     *
     * @throws HclException at the offending expression or block
     */
    public static Document evaluate(List<HclFile> files, EvalOptions options) {
        return evaluate(files, options, Set.of()).document();
    }

    /**
     * Evaluates files together, but leaves the top-level blocks of the given types unevaluated, for their caller to
     * evaluate later with more names bound (a test case binds {@code testing}).
     *
     * @throws HclException at the offending expression or block
     */
    public static Evaluation evaluate(List<HclFile> files, EvalOptions options, Set<String> deferredTypes) {
        HclEvaluator evaluator = new HclEvaluator(options);
        for (HclFile file : files) {
            evaluator.collect(file);
        }
        return evaluator.run(deferredTypes);
    }

    /**
     * The result of an evaluation that deferred some blocks.
     *
     * @param document the evaluated blocks
     * @param deferred the deferred blocks, in file order, then source order
     */
    public record Evaluation(Document document, List<DeferredBlock> deferred) {

        public Evaluation {
            deferred = List.copyOf(deferred);
        }
    }

    private void collect(HclFile file) {
        for (AttributeNode attribute : file.body().attributes()) {
            throw new HclException(
                    attribute.pos(),
                    "unexpected attribute \"" + attribute.name() + "\" at the top level; expected a block");
        }
        for (BlockNode block : file.body().blocks()) {
            switch (block.type()) {
                case "variable" -> variableBlocks.add(new Located(block, file));
                case "locals" -> collectLocals(block, file);
                case "data" -> dataBlocks.add(new Located(block, file));
                default -> {
                    blocks.add(new Located(block, file));
                    blockNames.add(block, file);
                }
            }
        }
    }

    private void collectLocals(BlockNode block, HclFile file) {
        if (!block.body().blocks().isEmpty()) {
            BlockNode nested = block.body().blocks().get(0);
            throw new HclException(
                    nested.pos(),
                    "unexpected block \"" + nested.type() + "\" in locals; expected" + " attributes only");
        }
        for (AttributeNode attribute : block.body().attributes()) {
            Locals.Definition first = localDefinitions.get(attribute.name());
            if (first != null) {
                Pos at = first.node().pos();
                throw new HclException(
                        attribute.pos(), "duplicate local \"" + attribute.name() + "\" (first defined at " + at + ")");
            }
            localDefinitions.put(attribute.name(), new Locals.Definition(attribute, file));
        }
    }

    private Evaluation run(Set<String> deferredTypes) {
        ExpressionEvaluator bare = new ExpressionEvaluator(Map.of(), Locals.none(), blockNames, options);
        Map<String, Value> variables = new LinkedHashMap<>();
        Map<String, Pos> declared = new LinkedHashMap<>();
        for (Located v : variableBlocks) {
            BlockNode block = v.block();
            if (block.labels().size() != 1) {
                throw new HclException(
                        block.pos(),
                        "variable block needs exactly one label (its name), found "
                                + block.labels().size());
            }
            String name = block.labels().get(0);
            Pos first = declared.putIfAbsent(name, block.pos());
            if (first != null) {
                throw new HclException(
                        block.pos(), "duplicate variable \"" + name + "\" (first declared at " + first + ")");
            }
            variables.put(name, variable(block, name, v.file(), bare));
        }
        ExpressionEvaluator evaluator =
                new ExpressionEvaluator(variables, new Locals(localDefinitions), blockNames, options);
        if (!dataBlocks.isEmpty()) {
            Value data = DataBlocks.resolve(
                    dataBlocks.stream().map(Located::block).toList(),
                    dataBlocks.stream().map(Located::file).toList(),
                    localDefinitions,
                    dataReferences(),
                    root -> withData(variables, root),
                    options.dataSources());
            evaluator = withData(variables, data);
        } else if (options.dataSources() != DataSources.NONE) {
            // A project file without data blocks: a data.TYPE.NAME reference names a block that is not declared.
            evaluator = withData(variables, new Value.ObjectValue(Map.of()));
        }
        List<Resource> resources = new ArrayList<>();
        List<DeferredBlock> deferred = new ArrayList<>();
        for (Located b : blocks) {
            if (deferredTypes.contains(b.block().type())) {
                deferred.add(new DeferredBlock(evaluator, b.block(), Scope.root(b.file())));
            } else {
                resources.addAll(expand(evaluator, b.block(), Scope.root(b.file())));
            }
        }
        return new Evaluation(new Document(resources), deferred);
    }

    private ExpressionEvaluator withData(Map<String, Value> variables, Value data) {
        Map<String, Value> roots = new LinkedHashMap<>(options.roots());
        roots.put("data", data);
        return new ExpressionEvaluator(variables, new Locals(localDefinitions), blockNames, options.withRoots(roots));
    }

    /** Returns the data blocks the other blocks and the locals refer to. */
    private Set<DataReferences.Address> dataReferences() {
        Set<DataReferences.Address> data = new LinkedHashSet<>();
        Set<String> unused = new LinkedHashSet<>();
        for (Located b : blocks) {
            DataReferences.ofBody(b.block().body(), data, unused);
        }
        for (Locals.Definition local : localDefinitions.values()) {
            DataReferences.of(local.node().expression(), data, unused);
        }
        return data;
    }

    private Value variable(BlockNode block, String name, HclFile file, ExpressionEvaluator bare) {
        @Nullable Value type = null;
        @Nullable AttributeNode defaultNode = null;
        for (AttributeNode attribute : block.body().attributes()) {
            if (attribute.name().equals("type")) {
                type = bare.eval(attribute.expression(), Scope.root(file));
            } else if (attribute.name().equals("default")) {
                defaultNode = attribute;
            }
        }
        Value input = options.variables().get(name);
        if (input != null) {
            return VariableTypes.convert(type, input, name, block.pos());
        }
        if (defaultNode != null) {
            Value value = bare.eval(defaultNode.expression(), Scope.root(file));
            return VariableTypes.convert(
                    type, value, name, defaultNode.expression().start());
        }
        throw HclException.unplaced(block.pos(), "missing value for required variable \"" + name + "\"");
    }

    private static List<Resource> expand(ExpressionEvaluator ev, BlockNode block, Scope scope) {
        AttributeNode forEach = null;
        for (AttributeNode attribute : block.body().attributes()) {
            if (attribute.name().equals("for_each")) {
                forEach = attribute;
            }
        }
        if (forEach == null) {
            return List.of(resource(ev, block, scope));
        }
        Value collection = ev.eval(forEach.expression(), scope);
        List<Resource> out = new ArrayList<>();
        if (collection instanceof Value.ListValue l) {
            for (Value element : l.elements()) {
                out.add(resource(ev, block, scope.with(Map.of("each", each(element, element)))));
            }
        } else if (collection instanceof Value.ObjectValue o) {
            // A map's instances come in key order, as cty iterates maps in the reference's HCL library.
            new java.util.TreeMap<>(o.fields())
                    .forEach((k, v) ->
                            out.add(resource(ev, block, scope.with(Map.of("each", each(new Value.Str(k), v))))));
        } else {
            throw new HclException(
                    forEach.expression().start(),
                    "for_each of block \"" + block.type() + "\" expects a set, list, map or object, found "
                            + collection.kind());
        }
        return out;
    }

    static Value each(Value key, Value value) {
        Map<String, Value> fields = new LinkedHashMap<>();
        fields.put("key", key);
        fields.put("value", value);
        return new Value.ObjectValue(fields);
    }

    static Resource resource(ExpressionEvaluator ev, BlockNode block, Scope scope) {
        List<Attribute> attributes = new ArrayList<>();
        for (AttributeNode attribute : block.body().attributes()) {
            if (!attribute.name().equals("for_each")) {
                Expression e = attribute.expression();
                Value value = ScopedEnums.word(ev.options(), block.type(), attribute.name(), e)
                        .map(w -> (Value) new Value.Str(w))
                        .orElseGet(() -> ev.eval(e, scope));
                attributes.add(new Attribute(attribute.name(), value, e.start(), attribute.pos()));
            }
        }
        List<Resource> children = new ArrayList<>();
        for (BlockNode child : block.body().blocks()) {
            children.addAll(expand(ev, child, scope));
        }
        return new Resource(block.type(), block.labels(), attributes, children, block.pos());
    }
}
