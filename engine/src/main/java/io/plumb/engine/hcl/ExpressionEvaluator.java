package io.plumb.engine.hcl;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An {@code ExpressionEvaluator} computes the {@link Value} of an expression: it resolves {@code var}, {@code local},
 * scoped names and extra roots, keeps unbound traversals as references, and calls functions.
 */
final class ExpressionEvaluator {

    private final Map<String, Value> variables;
    private final Locals locals;
    private final BlockNames blocks;
    private final EvalOptions options;

    ExpressionEvaluator(Map<String, Value> variables, Locals locals, BlockNames blocks, EvalOptions options) {
        this.variables = variables;
        this.locals = locals;
        this.blocks = blocks;
        this.options = options;
    }

    EvalOptions options() {
        return options;
    }

    Value eval(Expression e, Scope scope) {
        if (e instanceof Expression.Literal l) {
            return l.value();
        }
        if (e instanceof Expression.Template t) {
            return template(t, scope);
        }
        if (e instanceof Expression.Variable || e instanceof Expression.GetAttr || e instanceof Expression.Index) {
            return traversal(e, scope);
        }
        if (e instanceof Expression.Parens p) {
            return eval(p.inner(), scope);
        }
        if (e instanceof Expression.Call c) {
            return call(c, scope);
        }
        if (e instanceof Expression.Unary u) {
            return Operators.unary(u.op(), eval(u.operand(), scope), u.pos());
        }
        if (e instanceof Expression.Binary b) {
            return Operators.binary(b.op(), eval(b.left(), scope), eval(b.right(), scope), b.pos());
        }
        if (e instanceof Expression.Conditional c) {
            boolean condition = Conversions.toBool(eval(c.condition(), scope), c.pos(), "condition");
            return eval(condition ? c.whenTrue() : c.whenFalse(), scope);
        }
        if (e instanceof Expression.Tuple t) {
            return new Value.ListValue(
                    t.elements().stream().map(x -> eval(x, scope)).toList());
        }
        if (e instanceof Expression.ObjectCons o) {
            return object(o, scope);
        }
        if (e instanceof Expression.For f) {
            return ForEvaluator.evaluate(this, f, scope);
        }
        if (e instanceof Expression.Splat s) {
            return splat(s, scope);
        }
        if (e instanceof Expression.SplatItem item) {
            Value v = scope.lookup(Scope.SPLAT_ITEM);
            if (v == null) {
                throw new HclException(item.pos(), "splat element used outside a splat expression");
            }
            return v;
        }
        throw new IllegalArgumentException("unknown expression " + e);
    }

    private Value template(Expression.Template t, Scope scope) {
        List<Expression> parts = t.parts();
        if (parts.size() == 1 && !(parts.get(0) instanceof Expression.Literal)) {
            Value only = eval(parts.get(0), scope);
            // A lone interpolation passes collections through unconverted, as in HCL.
            if (only instanceof Value.ListValue || only instanceof Value.ObjectValue) {
                return only;
            }
            return new Value.Str(Conversions.toStr(only, parts.get(0).start(), "interpolation"));
        }
        StringBuilder out = new StringBuilder();
        for (Expression part : parts) {
            out.append(Conversions.toStr(eval(part, scope), part.start(), "interpolation"));
        }
        return new Value.Str(out.toString());
    }

    private Value object(Expression.ObjectCons o, Scope scope) {
        Map<String, Value> fields = new LinkedHashMap<>();
        for (Expression.ObjectItem item : o.items()) {
            String key = item.key() instanceof Expression.Variable v
                    ? v.name()
                    : Conversions.toStr(eval(item.key(), scope), item.key().start(), "object key");
            fields.put(key, eval(item.value(), scope));
        }
        return new Value.ObjectValue(fields);
    }

    private Value splat(Expression.Splat s, Scope scope) {
        Value source = eval(s.source(), scope);
        List<Value> elements;
        if (source instanceof Value.Null) {
            elements = List.of();
        } else if (source instanceof Value.ListValue l) {
            elements = l.elements();
        } else {
            // HCL splats a single value as a one-element list.
            elements = List.of(source);
        }
        List<Value> out = new ArrayList<>();
        for (Value element : elements) {
            out.add(eval(s.each(), scope.with(Map.of(Scope.SPLAT_ITEM, element))));
        }
        return new Value.ListValue(out);
    }

    // --- traversals ---

    private Value traversal(Expression e, Scope scope) {
        List<Expression> steps = new ArrayList<>();
        Expression root = e;
        while (root instanceof Expression.GetAttr || root instanceof Expression.Index) {
            steps.add(root);
            root = root instanceof Expression.GetAttr g ? g.source() : ((Expression.Index) root).source();
        }
        Collections.reverse(steps);
        Value base;
        int from = 0;
        if (root instanceof Expression.Variable v) {
            Value bound = scope.lookup(v.name());
            if (bound != null) {
                base = bound;
            } else if (v.name().equals("var") || v.name().equals("local")) {
                if (steps.isEmpty() || !(steps.get(0) instanceof Expression.GetAttr first)) {
                    throw new HclException(
                            v.pos(), "expected an attribute after \"" + v.name() + "\", such as " + v.name() + ".name");
                }
                base = v.name().equals("var") ? variable(first, v.pos()) : locals.get(first.name(), v.pos(), this);
                from = 1;
            } else if (v.name().equals("data") && options.roots().get("data") instanceof Value.ObjectValue data) {
                base = dataBlock(data, v, steps, scope);
                from = Math.min(2, steps.size());
            } else if (options.roots().containsKey(v.name())) {
                base = options.roots().get(v.name());
            } else {
                return unbound(v, steps, scope);
            }
        } else {
            base = eval(root, scope);
        }
        for (int i = from; i < steps.size(); i++) {
            base = step(base, steps.get(i), scope);
        }
        return base;
    }

    /**
     * Returns the value of the data block {@code data.TYPE.NAME} a reference starts with; a reference to a block no
     * file declares is an error at the reference that names the block, not the evaluator's unknown attribute.
     */
    private Value dataBlock(Value.ObjectValue data, Expression.Variable root, List<Expression> steps, Scope scope) {
        if (steps.size() < 2) {
            throw new HclException(root.pos(), "expected a data block after \"data\", such as data.TYPE.NAME");
        }
        String type = stepName(steps.get(0), scope);
        String name = stepName(steps.get(1), scope);
        Value named = data.fields().get(type);
        Value block = named instanceof Value.ObjectValue o ? o.fields().get(name) : null;
        if (block == null) {
            throw new HclException(
                    root.pos(),
                    "data." + type + "." + name + " refers to a data block that is not declared: no data \"" + type
                            + "\" \"" + name + "\" block");
        }
        return block;
    }

    private String stepName(Expression step, Scope scope) {
        if (step instanceof Expression.GetAttr g) {
            return g.name();
        }
        Expression.Index index = (Expression.Index) step;
        return Conversions.toStr(eval(index.key(), scope), index.pos(), "index of reference");
    }

    private Value variable(Expression.GetAttr ref, Pos at) {
        Value v = variables.get(ref.name());
        if (v == null) {
            throw new HclException(at, "unknown variable \"" + ref.name() + "\"");
        }
        return v;
    }

    private Value unbound(Expression.Variable root, List<Expression> steps, Scope scope) {
        List<String> path = new ArrayList<>();
        path.add(root.name());
        for (Expression step : steps) {
            if (step instanceof Expression.GetAttr g) {
                path.add(g.name());
            } else {
                Expression.Index index = (Expression.Index) step;
                path.add(Conversions.toStr(eval(index.key(), scope), index.pos(), "index of reference"));
            }
        }
        if (path.size() == 1) {
            return new Value.Ident(root.name());
        }
        String name = blocks.name(path, this);
        return name != null ? new Value.Str(name) : new Value.Ref(path);
    }

    private Value step(Value base, Expression step, Scope scope) {
        if (step instanceof Expression.GetAttr g) {
            if (base instanceof Value.ObjectValue o) {
                Value v = o.fields().get(g.name());
                if (v == null) {
                    throw new HclException(
                            g.pos(),
                            "unknown attribute \"" + g.name() + "\": the object has "
                                    + (o.fields().isEmpty()
                                            ? "no attributes"
                                            : "only "
                                                    + String.join(
                                                            ", ", o.fields().keySet())));
                }
                return v;
            }
            throw new HclException(
                    g.pos(),
                    "cannot access attribute \"" + g.name() + "\" of " + Conversions.aKind(base)
                            + "; expected an object");
        }
        Expression.Index index = (Expression.Index) step;
        return index(base, eval(index.key(), scope), index.pos());
    }

    static Value index(Value base, Value key, Pos pos) {
        if (base instanceof Value.ListValue l) {
            int i = Conversions.toInt(key, pos, "list index");
            if (i < 0 || i >= l.elements().size()) {
                throw new HclException(
                        pos,
                        "index " + i + " out of range for a list of "
                                + l.elements().size() + " elements");
            }
            return l.elements().get(i);
        }
        if (base instanceof Value.ObjectValue o) {
            String k = Conversions.toStr(key, pos, "object key");
            Value v = o.fields().get(k);
            if (v == null) {
                throw new HclException(
                        pos,
                        "unknown key \"" + k + "\" in object with keys "
                                + String.join(", ", o.fields().keySet()));
            }
            return v;
        }
        throw new HclException(pos, "cannot index " + Conversions.aKind(base) + "; expected a list or an object");
    }

    // --- calls ---

    private Value call(Expression.Call c, Scope scope) {
        if (c.name().equals("try")) {
            return tryCall(c, scope);
        }
        if (c.name().equals("can")) {
            if (c.args().size() != 1) {
                throw new HclException(
                        c.pos(),
                        "function \"can\" expects 1 argument, found " + c.args().size());
            }
            try {
                eval(c.args().get(0), scope);
                return new Value.Bool(true);
            } catch (HclException e) {
                return new Value.Bool(false);
            }
        }
        List<Value> args = new ArrayList<>();
        for (Expression arg : c.args()) {
            args.add(eval(arg, scope));
        }
        if (c.expandFinal()) {
            Value last = args.remove(args.size() - 1);
            if (!(last instanceof Value.ListValue l)) {
                throw new HclException(
                        c.args().get(c.args().size() - 1).start(),
                        "expanded final argument \"...\" must be a list, found " + last.kind());
            }
            args.addAll(l.elements());
        }
        FunctionDef f = Functions.get(c.name());
        if (f == null) {
            return new Value.TypeCall(c.name(), args);
        }
        return f.call(new CallArgs(c.name(), args, c.pos(), directory(scope.file()), options.env()));
    }

    private Value tryCall(Expression.Call c, Scope scope) {
        if (c.args().isEmpty()) {
            throw new HclException(c.pos(), "function \"try\" expects at least 1 argument, found 0");
        }
        @Nullable HclException last = null;
        for (Expression arg : c.args()) {
            try {
                return eval(arg, scope);
            } catch (HclException e) {
                last = e;
            }
        }
        throw new HclException(
                c.pos(),
                "no argument of \"try\" could be evaluated; the last failed with: "
                        + (last == null ? "" : last.getMessage()));
    }

    private Path directory(HclFile file) {
        Path path = file.path();
        if (path == null) {
            return options.baseDir();
        }
        Path parent = path.toAbsolutePath().getParent();
        return parent == null ? options.baseDir() : parent;
    }
}
