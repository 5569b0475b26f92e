package io.plumb.engine.gotemplate;

import io.plumb.engine.gotemplate.Node.Call;
import io.plumb.engine.gotemplate.Node.If;
import io.plumb.engine.gotemplate.Node.Jump;
import io.plumb.engine.gotemplate.Node.Output;
import io.plumb.engine.gotemplate.Node.Range;
import io.plumb.engine.gotemplate.Node.Text;
import io.plumb.engine.gotemplate.Node.With;
import io.plumb.engine.gotemplate.Pipeline.Field;
import io.plumb.engine.gotemplate.Pipeline.Function;
import io.plumb.engine.gotemplate.Pipeline.Literal;
import io.plumb.engine.gotemplate.Pipeline.Nested;
import io.plumb.engine.gotemplate.Pipeline.Operand;
import io.plumb.engine.gotemplate.Pipeline.Variable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An {@code Executor} runs parsed templates as Go's {@code text/template} does with the option {@code
 * missingkey=error}: a map key the data does not have is an error, as is a field a {@link GoStruct} does not have.
 * Variables live until the {@code end} of the structure that declared them, and {@code $x = ...} assigns the
 * nearest one, as in Go.
 */
final class Executor {

    private static final int MAX_DEPTH = 100;

    /** A {@code break} or {@code continue} leaving the nodes of a range's body. */
    private static final class JumpSignal extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final boolean isBreak;

        JumpSignal(boolean isBreak) {
            super(null, null, false, false);
            this.isBreak = isBreak;
        }
    }

    private static final JumpSignal BREAK = new JumpSignal(true);
    private static final JumpSignal CONTINUE = new JumpSignal(false);

    /** A variable in scope; scopes are marks in a list, as Go keeps them on a stack. */
    private static final class Slot {
        final String name;

        @Nullable
        Object value;

        Slot(String name, @Nullable Object value) {
            this.name = name;
            this.value = value;
        }
    }

    private final Map<String, List<Node>> templates;
    private final Map<String, TemplateFunction> functions;
    private int depth;

    Executor(Map<String, List<Node>> templates, Map<String, TemplateFunction> functions) {
        this.templates = templates;
        this.functions = functions;
    }

    String execute(List<Node> nodes, @Nullable Object data) {
        StringBuilder out = new StringBuilder();
        List<Slot> variables = new ArrayList<>();
        variables.add(new Slot("$", data));
        run(nodes, data, variables, out);
        return out.toString();
    }

    private void run(List<Node> nodes, @Nullable Object dot, List<Slot> variables, StringBuilder out) {
        for (Node node : nodes) {
            if (node instanceof Text t) {
                out.append(t.text());
            } else if (node instanceof Output o) {
                Object value = pipeline(o.pipeline(), dot, variables);
                if (o.pipeline().variables().isEmpty()) {
                    out.append(Values.print(value));
                }
            } else if (node instanceof If i) {
                int mark = variables.size();
                boolean truth = Values.truth(pipeline(i.condition(), dot, variables));
                run(truth ? i.then() : i.otherwise(), dot, variables, out);
                pop(variables, mark);
            } else if (node instanceof With w) {
                int mark = variables.size();
                Object value = pipeline(w.pipeline(), dot, variables);
                if (Values.truth(value)) {
                    run(w.body(), value, variables, out);
                } else {
                    run(w.otherwise(), dot, variables, out);
                }
                pop(variables, mark);
            } else if (node instanceof Range r) {
                range(r, dot, variables, out);
            } else if (node instanceof Call c) {
                call(c, dot, variables, out);
            } else if (node instanceof Jump j) {
                throw j.isBreak() ? BREAK : CONTINUE;
            }
        }
    }

    private static void pop(List<Slot> variables, int mark) {
        variables.subList(mark, variables.size()).clear();
    }

    private void range(Range r, @Nullable Object dot, List<Slot> variables, StringBuilder out) {
        Pipeline pipeline = r.pipeline();
        Pipeline values = new Pipeline(List.of(), false, pipeline.commands(), pipeline.at());
        Object collection = pipeline(values, dot, variables);
        List<@Nullable Object> keys = new ArrayList<>();
        List<@Nullable Object> items = new ArrayList<>();
        if (collection instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                keys.add((long) i);
                items.add(list.get(i));
            }
        } else if (collection instanceof Map<?, ?> map) {
            // As Go, a map is visited in the order of its sorted keys.
            Values.keyed(map).forEach((k, v) -> {
                keys.add(k);
                items.add(v);
            });
        } else if (collection != null && collection != GoNil.NIL) {
            throw new TemplateException(pipeline.at(), "range can't iterate over " + Values.print(collection));
        }
        int mark = variables.size();
        if (items.isEmpty()) {
            run(r.otherwise(), dot, variables, out);
            pop(variables, mark);
            return;
        }
        List<String> names = pipeline.variables();
        for (int i = 0; i < items.size(); i++) {
            if (names.size() == 1) {
                variables.add(new Slot(names.get(0), items.get(i)));
            } else if (names.size() == 2) {
                variables.add(new Slot(names.get(0), keys.get(i)));
                variables.add(new Slot(names.get(1), items.get(i)));
            }
            try {
                run(r.body(), items.get(i), variables, out);
            } catch (JumpSignal jump) {
                if (jump.isBreak) {
                    pop(variables, mark);
                    break;
                }
            }
            pop(variables, mark);
        }
    }

    private void call(Call c, @Nullable Object dot, List<Slot> variables, StringBuilder out) {
        List<Node> nodes = templates.get(c.name());
        if (nodes == null) {
            throw new TemplateException(c.at(), "no such template \"" + c.name() + "\"");
        }
        if (++depth > MAX_DEPTH) {
            throw new TemplateException(c.at(), "template \"" + c.name() + "\" calls itself too deeply");
        }
        try {
            Pipeline argument = c.argument();
            Object data = argument == null ? null : pipeline(argument, dot, variables);
            List<Slot> scope = new ArrayList<>();
            scope.add(new Slot("$", data));
            run(nodes, data, scope, out);
        } finally {
            depth--;
        }
    }

    private @Nullable Object pipeline(Pipeline p, @Nullable Object dot, List<Slot> variables) {
        Object value = null;
        boolean piped = false;
        for (List<Operand> command : p.commands()) {
            value = command(command, dot, variables, piped ? new Object[] {value} : null, p.at());
            piped = true;
        }
        for (String name : p.variables()) {
            if (p.declare()) {
                variables.add(new Slot(name, value));
            } else {
                Slot slot = find(variables, name);
                if (slot == null) {
                    throw new TemplateException(p.at(), "undefined variable: " + name);
                }
                slot.value = value;
            }
        }
        return value;
    }

    private static @Nullable Slot find(List<Slot> variables, String name) {
        for (int i = variables.size() - 1; i >= 0; i--) {
            if (variables.get(i).name.equals(name)) {
                return variables.get(i);
            }
        }
        return null;
    }

    private @Nullable Object command(
            List<Operand> command, @Nullable Object dot, List<Slot> variables, Object @Nullable [] piped, String at) {
        Operand first = command.get(0);
        if (first instanceof Function f) {
            List<@Nullable Object> args = new ArrayList<>();
            for (Operand operand : command.subList(1, command.size())) {
                args.add(operand(operand, dot, variables, at));
            }
            if (piped != null) {
                args.add(piped[0]);
            }
            return function(f.name(), args, at);
        }
        if (command.size() > 1 || piped != null) {
            throw new TemplateException(at, "can't give argument to non-function");
        }
        return operand(first, dot, variables, at);
    }

    // A caller's function comes first, as one in Go's FuncMap hides a built-in of the same name.
    private @Nullable Object function(String name, List<@Nullable Object> args, String at) {
        try {
            TemplateFunction function = functions.get(name);
            if (function != null) {
                return function.apply(args);
            }
            if (Builtins.isUnsupported(name)) {
                throw TemplateException.at(at, name, "function \"" + name + "\" is not supported");
            }
            return Builtins.call(name, args);
        } catch (TemplateException e) {
            throw e.position().isEmpty() ? TemplateException.at(at, name, e.detail()) : e;
        } catch (IllegalArgumentException e) {
            throw TemplateException.at(at, name, "error calling " + name + ": " + e.getMessage());
        }
    }

    private @Nullable Object operand(Operand operand, @Nullable Object dot, List<Slot> variables, String at) {
        if (operand instanceof Literal l) {
            return l.value();
        }
        if (operand instanceof Field f) {
            return fields(dot, f.path(), at, "." + String.join(".", f.path()));
        }
        if (operand instanceof Variable v) {
            Slot slot = find(variables, v.name());
            if (slot == null) {
                throw new TemplateException(at, "undefined variable \"" + v.name() + "\"");
            }
            return fields(
                    slot.value, v.path(), at, v.name() + (v.path().isEmpty() ? "" : "." + String.join(".", v.path())));
        }
        if (operand instanceof Nested n) {
            int mark = variables.size();
            Object value = pipeline(n.pipeline(), dot, variables);
            pop(variables, mark);
            return fields(value, n.path(), at, "");
        }
        throw new TemplateException(at, "function \"" + ((Function) operand).name() + "\" used as a value");
    }

    // node: the operand as written, which Go's errors name (at <.A.B>); empty when not known.
    private static @Nullable Object fields(@Nullable Object value, List<String> path, String at, String node) {
        Object current = value;
        for (String name : path) {
            if (current instanceof Map<?, ?> map) {
                if (!map.containsKey(name)) {
                    throw TemplateException.at(at, node, "map has no entry for key \"" + name + "\"");
                }
                current = map.get(name);
            } else if (current instanceof GoStruct struct) {
                if (!struct.has(name)) {
                    throw TemplateException.at(at, node, "can't evaluate field " + name);
                }
                current = struct.get(name).orElse(GoNil.NIL);
            } else {
                throw TemplateException.at(
                        at, node, "can't evaluate field " + name + " in type " + Values.type(current));
            }
        }
        return current;
    }
}
