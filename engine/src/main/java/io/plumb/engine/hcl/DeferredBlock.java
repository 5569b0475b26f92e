package io.plumb.engine.hcl;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code DeferredBlock} is a top-level block left unevaluated by {@link HclEvaluator#evaluate(List, EvalOptions,
 * java.util.Set)}, so that its caller can evaluate each {@code for_each} instance when it needs it, with more names
 * bound: a test case binds {@code testing}, whose {@code dev_url} is only known once the case has a database.
 *
 * <p>Variables and locals are those of the whole evaluation; {@code for_each} is evaluated in the file's scope.
 */
public final class DeferredBlock {

    private final ExpressionEvaluator evaluator;
    private final BlockNode block;
    private final Scope scope;

    DeferredBlock(ExpressionEvaluator evaluator, BlockNode block, Scope scope) {
        this.evaluator = evaluator;
        this.block = block;
        this.scope = scope;
    }

    /** Returns the block's type. */
    public String type() {
        return block.type();
    }

    /** Returns the block's labels. */
    public List<String> labels() {
        return block.labels();
    }

    /** Returns where the block starts. */
    public Pos pos() {
        return block.pos();
    }

    /** Returns the name of the file the block is in, as given to the parser. */
    public String fileName() {
        return scope.file().name();
    }

    /**
     * Returns the {@code each} values of the block's {@code for_each} instances ({@code {key, value}} objects; a list's
     * elements are their own keys, as in a set), or empty when the block has no {@code for_each}.
     *
     * @throws HclException when {@code for_each} is not a list, set, map or object
     */
    public Optional<List<Value>> instances() {
        Optional<AttributeNode> forEach = block.body().attributes().stream()
                .filter(a -> a.name().equals("for_each"))
                .findFirst();
        if (forEach.isEmpty()) {
            return Optional.empty();
        }
        Value collection = evaluator.eval(forEach.get().expression(), scope);
        List<Value> instances = new ArrayList<>();
        if (collection instanceof Value.ListValue list) {
            for (Value element : list.elements()) {
                instances.add(HclEvaluator.each(element, element));
            }
        } else if (collection instanceof Value.ObjectValue object) {
            // A map's instances come in key order, as cty iterates maps in the reference's HCL library.
            new java.util.TreeMap<>(object.fields())
                    .forEach((k, v) -> instances.add(HclEvaluator.each(new Value.Str(k), v)));
        } else {
            throw new HclException(
                    forEach.get().expression().start(),
                    "for_each of block \"" + block.type() + "\" expects a set, list, map or object, found "
                            + collection.kind());
        }
        return Optional.of(instances);
    }

    /**
     * Evaluates the block with these names bound (for instance {@code each}, one of {@link #instances()}, and
     * {@code testing}); the {@code for_each} attribute itself is left out. Nested blocks may use {@code for_each}.
     *
     * @throws HclException at the first expression that fails
     */
    public Resource evaluate(Map<String, Value> names) {
        return HclEvaluator.resource(evaluator, block, scope.with(names));
    }
}
