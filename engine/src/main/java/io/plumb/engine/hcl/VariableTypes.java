package io.plumb.engine.hcl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code VariableTypes} converts input variable values to a declared type: {@code string}, {@code number}, {@code
 * bool}, {@code list(T)}, {@code set(T)}, {@code map(T)} or {@code any}.
 */
final class VariableTypes {

    private VariableTypes() {}

    /**
     * Converts {@code value} to {@code type} (an evaluated {@code type} attribute, null when absent).
     *
     * @throws HclException at {@code pos}, naming the variable, when the value does not convert
     */
    static Value convert(@Nullable Value type, Value value, String variable, Pos pos) {
        if (type == null || value instanceof Value.Null) {
            return value;
        }
        if (type instanceof Value.Ident ident) {
            return primitive(ident.name(), value, variable, pos);
        }
        if (type instanceof Value.TypeCall call && call.args().size() == 1) {
            Value element = call.args().get(0);
            switch (call.name()) {
                case "list", "set" -> {
                    List<Value> items = value instanceof Value.ListValue l ? l.elements() : List.of(value);
                    List<Value> out = new ArrayList<>();
                    for (Value item : items) {
                        out.add(convert(element, item, variable, pos));
                    }
                    return new Value.ListValue(call.name().equals("set") ? CollectionFunctions.distinct(out) : out);
                }
                case "map" -> {
                    if (!(value instanceof Value.ObjectValue o)) {
                        throw mismatch(variable, pos, "map", value);
                    }
                    Map<String, Value> out = new LinkedHashMap<>();
                    o.fields().forEach((k, v) -> out.put(k, convert(element, v, variable, pos)));
                    return new Value.ObjectValue(out);
                }
                default -> {
                    // object(...) and tuple(...) are accepted without structural checks.
                    return value;
                }
            }
        }
        if (type instanceof Value.TypeCall) {
            return value;
        }
        throw new HclException(
                pos,
                "variable \"" + variable + "\": unknown type " + type.kind()
                        + "; expected string, number, bool, list(T), set(T), map(T) or any");
    }

    private static Value primitive(String type, Value value, String variable, Pos pos) {
        switch (type) {
            case "any" -> {
                return value;
            }
            case "string" -> {
                if (value instanceof Value.Str || value instanceof Value.Num || value instanceof Value.Bool) {
                    return new Value.Str(Conversions.toStr(value, pos, "variable \"" + variable + "\""));
                }
                throw mismatch(variable, pos, "string", value);
            }
            case "number" -> {
                try {
                    return new Value.Num(Conversions.toNumber(value, pos, "variable"));
                } catch (HclException e) {
                    throw mismatch(variable, pos, "number", value);
                }
            }
            case "bool" -> {
                try {
                    return new Value.Bool(Conversions.toBool(value, pos, "variable"));
                } catch (HclException e) {
                    throw mismatch(variable, pos, "bool", value);
                }
            }
            default -> throw new HclException(
                    pos,
                    "variable \"" + variable + "\": unknown type \"" + type
                            + "\"; expected string, number, bool, list(T), set(T), map(T) or any");
        }
    }

    private static HclException mismatch(String variable, Pos pos, String type, Value value) {
        return new HclException(
                pos, "variable \"" + variable + "\": cannot convert " + Conversions.describe(value) + " to " + type);
    }
}
