package io.plumb.engine.hcl;

import java.util.Map;

/** {@code ConversionFunctions} are {@code tostring}, {@code tonumber}, {@code tobool}, {@code tolist}, {@code toset} and {@code tomap}. */
final class ConversionFunctions {

    private ConversionFunctions() {}

    static void register(Map<String, FunctionDef> m) {
        m.put("tostring", FunctionDef.of(1, a -> a.get(0) instanceof Value.Null ? a.get(0) : new Value.Str(a.str(0))));
        m.put("tonumber", FunctionDef.of(1, a -> a.get(0) instanceof Value.Null ? a.get(0) : new Value.Num(a.num(0))));
        m.put("tobool", FunctionDef.of(1, a -> a.get(0) instanceof Value.Null ? a.get(0) : new Value.Bool(a.bool(0))));
        m.put("tolist", FunctionDef.of(1, a -> new Value.ListValue(a.list(0))));
        m.put("toset", FunctionDef.of(1, a -> new Value.ListValue(CollectionFunctions.distinct(a.list(0)))));
        m.put("tomap", FunctionDef.of(1, a -> new Value.ObjectValue(a.object(0))));
    }
}
