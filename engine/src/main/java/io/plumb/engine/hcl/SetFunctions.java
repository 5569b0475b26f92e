package io.plumb.engine.hcl;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code SetFunctions} are the built-in functions that treat a list as a set or a collection of values: {@code
 * setunion}, {@code setintersection}, {@code setsubtract}, {@code setproduct}, {@code alltrue}, {@code empty} and
 * {@code chunklist}. Sets are lists without duplicates, in first-seen order.
 */
final class SetFunctions {

    private SetFunctions() {}

    static void register(Map<String, FunctionDef> m) {
        m.put("setunion", FunctionDef.variadic(1, a -> {
            List<Value> out = new ArrayList<>();
            for (int i = 0; i < a.size(); i++) {
                out.addAll(a.list(i));
            }
            return new Value.ListValue(CollectionFunctions.distinct(out));
        }));
        m.put("setintersection", FunctionDef.variadic(1, a -> {
            List<Value> out = new ArrayList<>(CollectionFunctions.distinct(a.list(0)));
            for (int i = 1; i < a.size(); i++) {
                List<Value> other = a.list(i);
                out.removeIf(v -> CollectionFunctions.indexOf(other, v) < 0);
            }
            return new Value.ListValue(out);
        }));
        m.put("setsubtract", FunctionDef.of(2, a -> {
            List<Value> out = new ArrayList<>(CollectionFunctions.distinct(a.list(0)));
            List<Value> removed = a.list(1);
            out.removeIf(v -> CollectionFunctions.indexOf(removed, v) >= 0);
            return new Value.ListValue(out);
        }));
        m.put("setproduct", FunctionDef.variadic(2, SetFunctions::product));
        m.put(
                "alltrue",
                FunctionDef.of(
                        1,
                        a -> new Value.Bool(
                                elements(a).stream().allMatch(v -> v instanceof Value.Bool b && b.value()))));
        m.put("empty", FunctionDef.of(1, a -> new Value.Bool(elements(a).isEmpty())));
        m.put("chunklist", FunctionDef.of(2, SetFunctions::chunks));
    }

    // A list's elements, or an object's values.
    private static List<Value> elements(CallArgs a) {
        if (a.get(0) instanceof Value.ObjectValue o) {
            return List.copyOf(o.fields().values());
        }
        return a.list(0);
    }

    private static Value product(CallArgs a) {
        List<List<Value>> rows = List.of(List.of());
        for (int i = 0; i < a.size(); i++) {
            List<List<Value>> next = new ArrayList<>();
            for (List<Value> row : rows) {
                for (Value v : a.list(i)) {
                    List<Value> longer = new ArrayList<>(row);
                    longer.add(v);
                    next.add(longer);
                }
            }
            rows = next;
        }
        return new Value.ListValue(
                rows.stream().map(r -> (Value) new Value.ListValue(r)).toList());
    }

    private static Value chunks(CallArgs a) {
        List<Value> list = a.list(0);
        int size = a.integer(1);
        if (size < 0) {
            throw a.error("the size of a chunk must not be negative, found " + size);
        }
        if (size == 0) {
            return new Value.ListValue(List.of(new Value.ListValue(list)));
        }
        List<Value> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i += size) {
            out.add(new Value.ListValue(List.copyOf(list.subList(i, Math.min(list.size(), i + size)))));
        }
        return new Value.ListValue(out);
    }
}
