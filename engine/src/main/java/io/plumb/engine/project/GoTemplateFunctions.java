package io.plumb.engine.project;

import io.plumb.engine.project.GoTemplate.TemplateException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** {@code GoTemplateFunctions} are the built-in functions of Go's {@code text/template} that {@link GoTemplateRunner} has. */
final class GoTemplateFunctions {

    private GoTemplateFunctions() {}

    static @Nullable Object call(String name, List<@Nullable Object> args, String at) {
        return switch (name) {
            case "and" -> {
                atLeast(name, args, 1, at);
                Object last = null;
                for (Object arg : args) {
                    last = arg;
                    if (!GoTemplateRunner.truth(arg)) {
                        break;
                    }
                }
                yield last;
            }
            case "or" -> {
                atLeast(name, args, 1, at);
                Object last = null;
                for (Object arg : args) {
                    last = arg;
                    if (GoTemplateRunner.truth(arg)) {
                        break;
                    }
                }
                yield last;
            }
            case "not" -> {
                exactly(name, args, 1, at);
                yield !GoTemplateRunner.truth(args.get(0));
            }
            case "eq" -> {
                atLeast(name, args, 2, at);
                boolean any = false;
                for (Object other : args.subList(1, args.size())) {
                    any |= compare(args.get(0), other, at, true) == 0;
                }
                yield any;
            }
            case "ne" -> {
                exactly(name, args, 2, at);
                yield compare(args.get(0), args.get(1), at, true) != 0;
            }
            case "lt" -> order(name, args, at) < 0;
            case "le" -> order(name, args, at) <= 0;
            case "gt" -> order(name, args, at) > 0;
            case "ge" -> order(name, args, at) >= 0;
            case "len" -> {
                exactly(name, args, 1, at);
                Object arg = args.get(0);
                if (arg instanceof String s) {
                    yield (long) s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
                }
                if (arg instanceof List<?> l) {
                    yield (long) l.size();
                }
                if (arg instanceof Map<?, ?> m) {
                    yield (long) m.size();
                }
                throw new TemplateException(at + ": error calling len: len of type " + type(arg));
            }
            case "index" -> index(args, at);
            case "print" -> sprint(args);
            case "println" -> {
                List<String> parts = new ArrayList<>();
                args.forEach(a -> parts.add(GoTemplateRunner.print(a)));
                yield String.join(" ", parts) + "\n";
            }
            case "printf" -> {
                atLeast(name, args, 1, at);
                if (!(args.get(0) instanceof String format)) {
                    throw new TemplateException(at + ": printf's format must be a string");
                }
                yield printf(format, args.subList(1, args.size()), at);
            }
            case "call", "html", "js", "slice", "urlquery" -> throw new TemplateException(
                    at + ": function \"" + name + "\" is not supported by plumb's template_dir");
            default -> throw new TemplateException(at + ": function \"" + name + "\" not defined");
        };
    }

    private static @Nullable Object index(List<@Nullable Object> args, String at) {
        atLeast("index", args, 1, at);
        Object current = args.get(0);
        for (Object key : args.subList(1, args.size())) {
            if (current instanceof List<?> list && key instanceof Long i) {
                if (i < 0 || i >= list.size()) {
                    throw new TemplateException(at + ": error calling index: index out of range: " + i);
                }
                current = list.get(i.intValue());
            } else if (current instanceof Map<?, ?> map && key instanceof String k) {
                current = map.get(k);
            } else {
                throw new TemplateException(
                        at + ": error calling index: cannot index " + type(current) + " with " + type(key));
            }
        }
        return current;
    }

    // Go's Sprint: a space between operands when neither is a string.
    private static String sprint(List<@Nullable Object> args) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < args.size(); i++) {
            if (i > 0 && !(args.get(i) instanceof String) && !(args.get(i - 1) instanceof String)) {
                out.append(' ');
            }
            out.append(GoTemplateRunner.print(args.get(i)));
        }
        return out.toString();
    }

    private static String printf(String format, List<@Nullable Object> args, String at) {
        StringBuilder out = new StringBuilder();
        int next = 0;
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c != '%' || i + 1 >= format.length()) {
                out.append(c);
                continue;
            }
            char verb = format.charAt(++i);
            if (verb == '%') {
                out.append('%');
                continue;
            }
            if (next >= args.size()) {
                out.append("%!").append(verb).append("(MISSING)");
                continue;
            }
            Object arg = args.get(next++);
            switch (verb) {
                case 's', 'v', 'd', 't' -> out.append(GoTemplateRunner.print(arg));
                case 'q' -> out.append('"')
                        .append(GoTemplateRunner.print(arg)
                                .replace("\\", "\\\\")
                                .replace("\"", "\\\""))
                        .append('"');
                default -> throw new TemplateException(
                        at + ": printf verb %" + verb + " is not supported by plumb's template_dir");
            }
        }
        return out.toString();
    }

    private static int order(String name, List<@Nullable Object> args, String at) {
        exactly(name, args, 2, at);
        return compare(args.get(0), args.get(1), at, false);
    }

    private static int compare(@Nullable Object a, @Nullable Object b, String at, boolean equality) {
        if (a instanceof String x && b instanceof String y) {
            return x.compareTo(y);
        }
        if (a instanceof Long x && b instanceof Long y) {
            return Long.compare(x, y);
        }
        if (a instanceof Double x && b instanceof Double y) {
            return Double.compare(x, y);
        }
        if (equality && a instanceof Boolean x && b instanceof Boolean y) {
            return x.equals(y) ? 0 : 1;
        }
        if (a == null || b == null || a instanceof List || b instanceof List || a instanceof Map || b instanceof Map) {
            throw new TemplateException(at + ": error calling " + (equality ? "eq" : "lt") + ": non-comparable types "
                    + type(a) + " and " + type(b));
        }
        throw new TemplateException(at + ": error calling " + (equality ? "eq" : "lt")
                + ": incompatible types for comparison (" + type(a) + " and " + type(b) + ")");
    }

    static String type(@Nullable Object value) {
        if (value == null) {
            return "nil";
        }
        if (value instanceof String) {
            return "string";
        }
        if (value instanceof Long) {
            return "int";
        }
        if (value instanceof Double) {
            return "float64";
        }
        if (value instanceof Boolean) {
            return "bool";
        }
        if (value instanceof List) {
            return "slice";
        }
        return "map";
    }

    private static void atLeast(String name, List<@Nullable Object> args, int count, String at) {
        if (args.size() < count) {
            throw new TemplateException(
                    at + ": wrong number of args for " + name + ": want at least " + count + " got " + args.size());
        }
    }

    private static void exactly(String name, List<@Nullable Object> args, int count, String at) {
        if (args.size() != count) {
            throw new TemplateException(
                    at + ": wrong number of args for " + name + ": want " + count + " got " + args.size());
        }
    }
}
