package io.plumb.engine.gotemplate;

import io.plumb.engine.lint.Quote;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@code Builtins} are Go's built-in template functions: {@code and}, {@code or}, {@code not}, {@code eq}, {@code
 * ne}, {@code lt}, {@code le}, {@code gt}, {@code ge}, {@code len}, {@code index}, {@code print}, {@code println}
 * and {@code printf} (verbs {@code %s %v %d %t %q %%}). Go's {@code call}, {@code html}, {@code js}, {@code slice}
 * and {@code urlquery} are errors that say they are not supported.
 */
final class Builtins {

    private static final Set<String> UNSUPPORTED = Set.of("call", "html", "js", "slice", "urlquery");

    private Builtins() {}

    /** Returns whether Go has a built-in function of this name that Plumb does not. */
    static boolean isUnsupported(String name) {
        return UNSUPPORTED.contains(name);
    }

    /** Returns whether this is a built-in function. */
    static boolean has(String name) {
        return switch (name) {
            case "and",
                    "or",
                    "not",
                    "eq",
                    "ne",
                    "lt",
                    "le",
                    "gt",
                    "ge",
                    "len",
                    "index",
                    "print",
                    "println",
                    "printf" -> true;
            default -> false;
        };
    }

    static @Nullable Object call(String name, List<@Nullable Object> args) {
        return switch (name) {
            case "and" -> {
                atLeast(name, args, 1);
                Object last = null;
                for (Object arg : args) {
                    last = arg;
                    if (!Values.truth(arg)) {
                        break;
                    }
                }
                yield last;
            }
            case "or" -> {
                atLeast(name, args, 1);
                Object last = null;
                for (Object arg : args) {
                    last = arg;
                    if (Values.truth(arg)) {
                        break;
                    }
                }
                yield last;
            }
            case "not" -> {
                exactly(name, args, 1);
                yield !Values.truth(args.get(0));
            }
            case "eq" -> {
                atLeast(name, args, 2);
                boolean any = false;
                for (Object other : args.subList(1, args.size())) {
                    any |= compare(args.get(0), other, true) == 0;
                }
                yield any;
            }
            case "ne" -> {
                exactly(name, args, 2);
                yield compare(args.get(0), args.get(1), true) != 0;
            }
            case "lt" -> order(name, args) < 0;
            case "le" -> order(name, args) <= 0;
            case "gt" -> order(name, args) > 0;
            case "ge" -> order(name, args) >= 0;
            case "len" -> length(args);
            case "index" -> index(args);
            case "print" -> sprint(args);
            case "println" -> {
                List<String> parts = new ArrayList<>();
                args.forEach(a -> parts.add(Values.print(a)));
                yield String.join(" ", parts) + "\n";
            }
            case "printf" -> {
                atLeast(name, args, 1);
                if (!(args.get(0) instanceof String format)) {
                    throw new TemplateException("printf's format must be a string");
                }
                yield printf(format, args.subList(1, args.size()));
            }
            default -> throw new TemplateException("function \"" + name + "\" not defined");
        };
    }

    private static long length(List<@Nullable Object> args) {
        exactly("len", args, 1);
        Object arg = args.get(0);
        if (arg instanceof String s) {
            // Go's len of a string counts its UTF-8 bytes.
            return s.getBytes(StandardCharsets.UTF_8).length;
        }
        if (arg instanceof List<?> l) {
            return l.size();
        }
        if (arg instanceof Map<?, ?> m) {
            return m.size();
        }
        throw new TemplateException("error calling len: len of type " + Values.type(arg));
    }

    private static @Nullable Object index(List<@Nullable Object> args) {
        atLeast("index", args, 1);
        Object current = args.get(0);
        for (Object given : args.subList(1, args.size())) {
            Object key = Values.normal(given);
            if (current instanceof List<?> list && key instanceof Long i) {
                if (i < 0 || i >= list.size()) {
                    throw new TemplateException("error calling index: index out of range: " + i);
                }
                current = list.get(i.intValue());
            } else if (current instanceof Map<?, ?> map && key instanceof String k) {
                current = map.get(k);
            } else {
                throw new TemplateException(
                        "error calling index: cannot index " + Values.type(current) + " with " + Values.type(key));
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
            out.append(Values.print(args.get(i)));
        }
        return out.toString();
    }

    private static String printf(String format, List<@Nullable Object> args) {
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
                case 's', 'v', 'd', 't' -> out.append(Values.print(arg));
                case 'q' -> out.append(Quote.go(Values.print(arg)));
                default -> throw new TemplateException("printf verb %" + verb + " is not supported");
            }
        }
        return out.toString();
    }

    private static int order(String name, List<@Nullable Object> args) {
        exactly(name, args, 2);
        return compare(args.get(0), args.get(1), false);
    }

    private static int compare(@Nullable Object first, @Nullable Object second, boolean equality) {
        Object a = Values.normal(first);
        Object b = Values.normal(second);
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
        String function = equality ? "eq" : "lt";
        if (a == null
                || b == null
                || a instanceof List
                || b instanceof List
                || a instanceof Map
                || b instanceof Map
                || a instanceof GoStruct
                || b instanceof GoStruct) {
            throw new TemplateException("error calling " + function + ": non-comparable types " + Values.type(a)
                    + " and " + Values.type(b));
        }
        throw new TemplateException("error calling " + function + ": incompatible types for comparison ("
                + Values.type(a) + " and " + Values.type(b) + ")");
    }

    private static void atLeast(String name, List<@Nullable Object> args, int count) {
        if (args.size() < count) {
            throw new TemplateException(
                    "wrong number of args for " + name + ": want at least " + count + " got " + args.size());
        }
    }

    private static void exactly(String name, List<@Nullable Object> args, int count) {
        if (args.size() != count) {
            throw new TemplateException("wrong number of args for " + name + ": want " + count + " got " + args.size());
        }
    }
}
