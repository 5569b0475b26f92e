package io.plumb.engine.hcl;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@code CollectionFunctions} are the built-in functions over lists, sets and objects. */
final class CollectionFunctions {

    private CollectionFunctions() {}

    static void register(Map<String, FunctionDef> m) {
        m.put("concat", FunctionDef.variadic(1, a -> {
            List<Value> out = new ArrayList<>();
            for (int i = 0; i < a.size(); i++) {
                out.addAll(a.list(i));
            }
            return new Value.ListValue(out);
        }));
        m.put("length", FunctionDef.of(1, CollectionFunctions::length));
        m.put("contains", FunctionDef.of(2, a -> new Value.Bool(indexOf(a.list(0), a.get(1)) >= 0)));
        m.put("distinct", FunctionDef.of(1, a -> new Value.ListValue(distinct(a.list(0)))));
        m.put("element", FunctionDef.of(2, CollectionFunctions::element));
        m.put("flatten", FunctionDef.of(1, a -> new Value.ListValue(flatten(a.list(0)))));
        m.put(
                "keys",
                FunctionDef.of(
                        1,
                        a -> new Value.ListValue(sorted(a.object(0)).keySet().stream()
                                .map(k -> (Value) new Value.Str(k))
                                .toList())));
        m.put(
                "values",
                FunctionDef.of(
                        1,
                        a -> new Value.ListValue(List.copyOf(sorted(a.object(0)).values()))));
        m.put("lookup", FunctionDef.range(2, 3, CollectionFunctions::lookup));
        m.put("merge", FunctionDef.variadic(0, CollectionFunctions::merge));
        m.put("range", FunctionDef.range(1, 3, CollectionFunctions::range));
        m.put("reverse", FunctionDef.of(1, a -> {
            List<Value> out = new ArrayList<>(a.list(0));
            java.util.Collections.reverse(out);
            return new Value.ListValue(out);
        }));
        m.put("slice", FunctionDef.of(3, CollectionFunctions::slice));
        m.put("sort", FunctionDef.of(1, a -> {
            List<String> strings = new ArrayList<>();
            for (Value v : a.list(0)) {
                strings.add(Conversions.toStr(v, a.pos(), "element of function \"sort\" argument 1"));
            }
            strings.sort(null);
            return new Value.ListValue(
                    strings.stream().map(s -> (Value) new Value.Str(s)).toList());
        }));
        m.put("zipmap", FunctionDef.of(2, CollectionFunctions::zipmap));
        m.put("coalesce", FunctionDef.variadic(1, a -> {
            for (Value v : a.values()) {
                if (!(v instanceof Value.Null)
                        && !(v instanceof Value.Str s && s.value().isEmpty())) {
                    return v;
                }
            }
            throw a.error("no non-null, non-empty argument among " + a.size());
        }));
        m.put("coalescelist", FunctionDef.variadic(1, a -> {
            for (int i = 0; i < a.size(); i++) {
                if (!a.list(i).isEmpty()) {
                    return a.get(i);
                }
            }
            return new Value.ListValue(List.of());
        }));
        m.put(
                "compact",
                FunctionDef.of(
                        1,
                        a -> new Value.ListValue(a.list(0).stream()
                                .filter(v -> !(v instanceof Value.Null)
                                        && !(v instanceof Value.Str s
                                                && s.value().isEmpty()))
                                .toList())));
        m.put("index", FunctionDef.of(2, a -> {
            int i = indexOf(a.list(0), a.get(1));
            if (i < 0) {
                throw a.error("the list has no element " + Conversions.describe(a.get(1)));
            }
            return new Value.Num(BigDecimal.valueOf(i));
        }));
    }

    private static Value length(CallArgs a) {
        Value v = a.get(0);
        if (v instanceof Value.Str s) {
            return new Value.Num(
                    BigDecimal.valueOf(s.value().codePointCount(0, s.value().length())));
        }
        if (v instanceof Value.ListValue l) {
            return new Value.Num(BigDecimal.valueOf(l.elements().size()));
        }
        if (v instanceof Value.ObjectValue o) {
            return new Value.Num(BigDecimal.valueOf(o.fields().size()));
        }
        throw a.error("expected a string, list or object, found " + v.kind());
    }

    static int indexOf(List<Value> list, Value wanted) {
        for (int i = 0; i < list.size(); i++) {
            if (Conversions.equal(list.get(i), wanted)) {
                return i;
            }
        }
        return -1;
    }

    static List<Value> distinct(List<Value> list) {
        List<Value> out = new ArrayList<>();
        for (Value v : list) {
            if (indexOf(out, v) < 0) {
                out.add(v);
            }
        }
        return out;
    }

    private static Value element(CallArgs a) {
        List<Value> list = a.list(0);
        int i = a.integer(1);
        if (list.isEmpty()) {
            throw a.error("cannot take an element of an empty list");
        }
        if (i < 0) {
            throw a.error("index must not be negative, found " + i);
        }
        return list.get(i % list.size());
    }

    private static List<Value> flatten(List<Value> list) {
        List<Value> out = new ArrayList<>();
        for (Value v : list) {
            if (v instanceof Value.ListValue l) {
                out.addAll(flatten(l.elements()));
            } else {
                out.add(v);
            }
        }
        return out;
    }

    /** Terraform's {@code keys} and {@code values} list a map in lexicographic key order. */
    private static Map<String, Value> sorted(Map<String, Value> fields) {
        return new TreeMap<>(fields);
    }

    private static Value lookup(CallArgs a) {
        Value v = a.object(0).get(a.str(1));
        if (v != null) {
            return v;
        }
        if (a.size() == 3) {
            return a.get(2);
        }
        throw a.error("the map has no key \"" + a.str(1) + "\" and no default was given");
    }

    private static Value merge(CallArgs a) {
        Map<String, Value> out = new LinkedHashMap<>();
        for (int i = 0; i < a.size(); i++) {
            if (!(a.get(i) instanceof Value.Null)) {
                out.putAll(a.object(i));
            }
        }
        return new Value.ObjectValue(out);
    }

    private static Value range(CallArgs a) {
        BigDecimal start = a.size() == 1 ? BigDecimal.ZERO : a.num(0);
        BigDecimal end = a.size() == 1 ? a.num(0) : a.num(1);
        BigDecimal step = a.size() == 3 ? a.num(2) : BigDecimal.valueOf(start.compareTo(end) <= 0 ? 1 : -1);
        if (step.signum() == 0) {
            throw a.error("step must not be zero");
        }
        List<Value> out = new ArrayList<>();
        for (BigDecimal n = start; step.signum() > 0 ? n.compareTo(end) < 0 : n.compareTo(end) > 0; n = n.add(step)) {
            if (out.size() >= 1024) {
                throw a.error("more than 1024 elements; expected a smaller range");
            }
            out.add(new Value.Num(n));
        }
        return new Value.ListValue(out);
    }

    private static Value slice(CallArgs a) {
        List<Value> list = a.list(0);
        int from = a.integer(1);
        int to = a.integer(2);
        if (from < 0 || to > list.size() || from > to) {
            throw a.error("cannot slice [" + from + ", " + to + ") of a list of " + list.size() + " elements");
        }
        return new Value.ListValue(list.subList(from, to));
    }

    private static Value zipmap(CallArgs a) {
        List<Value> keys = a.list(0);
        List<Value> values = a.list(1);
        if (keys.size() != values.size()) {
            throw a.error(
                    "expected as many values as keys, found " + keys.size() + " keys and " + values.size() + " values");
        }
        Map<String, Value> out = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            out.put(Conversions.toStr(keys.get(i), a.pos(), "key of function \"zipmap\""), values.get(i));
        }
        return new Value.ObjectValue(out);
    }
}
