package io.plumb.engine.project;

import io.plumb.engine.project.GoTemplate.Call;
import io.plumb.engine.project.GoTemplate.Field;
import io.plumb.engine.project.GoTemplate.Function;
import io.plumb.engine.project.GoTemplate.If;
import io.plumb.engine.project.GoTemplate.Literal;
import io.plumb.engine.project.GoTemplate.Nested;
import io.plumb.engine.project.GoTemplate.Node;
import io.plumb.engine.project.GoTemplate.Operand;
import io.plumb.engine.project.GoTemplate.Output;
import io.plumb.engine.project.GoTemplate.Pipeline;
import io.plumb.engine.project.GoTemplate.Range;
import io.plumb.engine.project.GoTemplate.TemplateException;
import io.plumb.engine.project.GoTemplate.Text;
import io.plumb.engine.project.GoTemplate.Variable;
import io.plumb.engine.project.GoTemplate.With;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A {@code GoTemplateRunner} executes parsed {@link GoTemplate}s as Go's {@code text/template} does with the option
 * {@code missingkey=error}: values are strings, numbers (a {@code Double} for the reference's float64 variables, a
 * {@code Long} for integer literals; comparing the two is an error, as in Go), bools and lists; the functions are
 * Go's {@code and}, {@code or}, {@code not}, {@code eq}, {@code ne}, {@code lt}, {@code le}, {@code gt}, {@code
 * ge}, {@code len}, {@code index}, {@code print}, {@code println} and {@code printf} (verbs {@code %s %v %d %q %t
 * %%}).
 */
final class GoTemplateRunner {

    private static final int MAX_DEPTH = 100;

    private final Map<String, List<Node>> templates;
    private int depth;

    GoTemplateRunner(Map<String, List<Node>> templates) {
        this.templates = templates;
    }

    /** Executes a template with the given data. */
    String execute(String name, @Nullable Object data) {
        List<Node> nodes = templates.get(name);
        if (nodes == null) {
            throw new TemplateException("no template \"" + name + "\"");
        }
        StringBuilder out = new StringBuilder();
        Map<String, @Nullable Object> variables = new HashMap<>();
        variables.put("$", data);
        run(nodes, data, variables, out);
        return out.toString();
    }

    private void run(
            List<Node> nodes, @Nullable Object dot, Map<String, @Nullable Object> variables, StringBuilder out) {
        for (Node node : nodes) {
            if (node instanceof Text t) {
                out.append(t.text());
            } else if (node instanceof Output o) {
                Object value = pipeline(o.pipeline(), dot, variables);
                if (o.pipeline().variables().isEmpty()) {
                    out.append(print(value));
                }
            } else if (node instanceof If i) {
                Map<String, @Nullable Object> scope = new HashMap<>(variables);
                run(truth(pipeline(i.condition(), dot, scope)) ? i.then() : i.otherwise(), dot, scope, out);
            } else if (node instanceof With w) {
                Map<String, @Nullable Object> scope = new HashMap<>(variables);
                Object value = pipeline(w.pipeline(), dot, scope);
                if (truth(value)) {
                    run(w.body(), value, scope, out);
                } else {
                    run(w.otherwise(), dot, scope, out);
                }
            } else if (node instanceof Range r) {
                range(r, dot, variables, out);
            } else if (node instanceof Call c) {
                call(c, dot, variables, out);
            }
        }
    }

    private void range(Range r, @Nullable Object dot, Map<String, @Nullable Object> variables, StringBuilder out) {
        Pipeline pipeline = r.pipeline();
        Pipeline values = new Pipeline(List.of(), false, pipeline.commands(), pipeline.at());
        Object collection = pipeline(values, dot, variables);
        if (collection == null || collection instanceof List<?> l && l.isEmpty()) {
            run(r.otherwise(), dot, new HashMap<>(variables), out);
            return;
        }
        if (!(collection instanceof List<?> list)) {
            throw new TemplateException(pipeline.at() + ": range can't iterate over " + print(collection));
        }
        for (int index = 0; index < list.size(); index++) {
            Map<String, @Nullable Object> scope = new HashMap<>(variables);
            List<String> names = pipeline.variables();
            if (names.size() == 1) {
                scope.put(names.get(0), list.get(index));
            } else if (names.size() == 2) {
                scope.put(names.get(0), (long) index);
                scope.put(names.get(1), list.get(index));
            }
            run(r.body(), list.get(index), scope, out);
        }
    }

    private void call(Call c, @Nullable Object dot, Map<String, @Nullable Object> variables, StringBuilder out) {
        List<Node> nodes = templates.get(c.name());
        if (nodes == null) {
            throw new TemplateException(c.at() + ": no such template \"" + c.name() + "\"");
        }
        if (++depth > MAX_DEPTH) {
            throw new TemplateException(c.at() + ": template \"" + c.name() + "\" calls itself too deeply");
        }
        try {
            Object data = c.argument() == null ? null : pipeline(c.argument(), dot, variables);
            Map<String, @Nullable Object> scope = new HashMap<>();
            scope.put("$", data);
            run(nodes, data, scope, out);
        } finally {
            depth--;
        }
    }

    private @Nullable Object pipeline(Pipeline p, @Nullable Object dot, Map<String, @Nullable Object> variables) {
        Object value = null;
        boolean piped = false;
        for (List<Operand> command : p.commands()) {
            value = command(command, dot, variables, piped ? new Object[] {value} : null, p.at());
            piped = true;
        }
        for (String name : p.variables()) {
            if (!p.declare() && !variables.containsKey(name)) {
                throw new TemplateException(p.at() + ": undefined variable: " + name);
            }
            variables.put(name, value);
        }
        return value;
    }

    private @Nullable Object command(
            List<Operand> command,
            @Nullable Object dot,
            Map<String, @Nullable Object> variables,
            Object @Nullable [] piped,
            String at) {
        Operand first = command.get(0);
        if (first instanceof Function f) {
            List<@Nullable Object> args = new ArrayList<>();
            for (Operand operand : command.subList(1, command.size())) {
                args.add(operand(operand, dot, variables, at));
            }
            if (piped != null) {
                args.add(piped[0]);
            }
            return GoTemplateFunctions.call(f.name(), args, at);
        }
        if (command.size() > 1 || piped != null) {
            throw new TemplateException(at + ": can't give argument to non-function");
        }
        return operand(first, dot, variables, at);
    }

    private @Nullable Object operand(
            Operand operand, @Nullable Object dot, Map<String, @Nullable Object> variables, String at) {
        if (operand instanceof Literal l) {
            return l.value();
        }
        if (operand instanceof Field f) {
            return fields(dot, f.path(), at);
        }
        if (operand instanceof Variable v) {
            if (!variables.containsKey(v.name())) {
                throw new TemplateException(at + ": undefined variable \"" + v.name() + "\"");
            }
            return fields(variables.get(v.name()), v.path(), at);
        }
        if (operand instanceof Nested n) {
            return fields(pipeline(n.pipeline(), dot, new HashMap<>(variables)), n.path(), at);
        }
        throw new TemplateException(at + ": function \"" + ((Function) operand).name() + "\" used as a value");
    }

    private static @Nullable Object fields(@Nullable Object value, List<String> path, String at) {
        Object current = value;
        for (String name : path) {
            if (current instanceof Map<?, ?> map) {
                if (!map.containsKey(name)) {
                    throw new TemplateException(at + ": map has no entry for key \"" + name + "\"");
                }
                current = map.get(name);
            } else {
                throw new TemplateException(
                        at + ": can't evaluate field " + name + " in type " + GoTemplateFunctions.type(current));
            }
        }
        return current;
    }

    static boolean truth(@Nullable Object value) {
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof String s) {
            return !s.isEmpty();
        }
        if (value instanceof Long l) {
            return l != 0;
        }
        if (value instanceof Double d) {
            return d != 0;
        }
        if (value instanceof List<?> l) {
            return !l.isEmpty();
        }
        if (value instanceof Map<?, ?> m) {
            return !m.isEmpty();
        }
        return true;
    }

    /** Returns a value as Go's {@code fmt.Sprint} prints it. */
    static String print(@Nullable Object value) {
        if (value == null) {
            return "<no value>";
        }
        if (value instanceof Double d) {
            return goFloat(d);
        }
        if (value instanceof List<?> list) {
            List<String> parts = new ArrayList<>();
            list.forEach(e -> parts.add(print(e)));
            return "[" + String.join(" ", parts) + "]";
        }
        return Objects.toString(value);
    }

    // Go's %v of a float64: the shortest representation, in exponent form from 1e6 on and below 1e-4 (strconv's
    // shortest 'g').
    static String goFloat(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "+Inf" : "-Inf";
        }
        if (d == 0) {
            return (1 / d < 0) ? "-0" : "0";
        }
        BigDecimal decimal = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        int exponent = decimal.precision() - decimal.scale() - 1;
        if (exponent < -4 || exponent >= 6) {
            String digits = decimal.unscaledValue().abs().toString();
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            return (d < 0 ? "-" : "") + mantissa + "e" + (exponent < 0 ? "-" : "+")
                    + (Math.abs(exponent) < 10 ? "0" : "") + Math.abs(exponent);
        }
        return decimal.toPlainString();
    }
}
