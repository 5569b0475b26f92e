package io.plumb.engine.gotemplate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * {@code Values} are the rules Go's templates apply to the values in their data: truth, printing as {@code
 * fmt.Sprint} does, type names for errors. Integers ({@code Integer}, {@code Long}) are Go's {@code int}; {@code
 * Double} is {@code float64}, as the reference hands numbers of HCL variables to templates.
 */
final class Values {

    private Values() {}

    static boolean truth(@Nullable Object value) {
        if (value == null || value == GoNil.NIL) {
            return false;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof String s) {
            return !s.isEmpty();
        }
        if (value instanceof Double || value instanceof Float) {
            return ((Number) value).doubleValue() != 0;
        }
        if (value instanceof Number n) {
            return n.longValue() != 0;
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
        if (value == GoNil.NIL) {
            return "<nil>";
        }
        if (value instanceof Double || value instanceof Float) {
            return goFloat(((Number) value).doubleValue());
        }
        if (value instanceof List<?> list) {
            List<String> parts = new ArrayList<>();
            list.forEach(e -> parts.add(print(e)));
            return "[" + String.join(" ", parts) + "]";
        }
        if (value instanceof Map<?, ?> map) {
            // fmt prints maps with their keys sorted.
            List<String> parts = new ArrayList<>();
            new TreeMap<>(keyed(map)).forEach((k, v) -> parts.add(k + ":" + print(v)));
            return "map[" + String.join(" ", parts) + "]";
        }
        if (value instanceof GoStruct struct) {
            List<String> parts = new ArrayList<>();
            struct.fields().values().forEach(v -> parts.add(print(v)));
            return "{" + String.join(" ", parts) + "}";
        }
        return Objects.toString(value);
    }

    static Map<String, @Nullable Object> keyed(Map<?, ?> map) {
        Map<String, @Nullable Object> out = new TreeMap<>();
        map.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    /** Returns an {@code int} as a {@code Long} and a {@code float64} as a {@code Double}; other values as they are. */
    static @Nullable Object normal(@Nullable Object value) {
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Float f) {
            return f.doubleValue();
        }
        return value;
    }

    static String type(@Nullable Object value) {
        Object v = normal(value);
        if (v == null || v == GoNil.NIL) {
            return "nil";
        }
        if (v instanceof String) {
            return "string";
        }
        if (v instanceof Long) {
            return "int";
        }
        if (v instanceof Double) {
            return "float64";
        }
        if (v instanceof Boolean) {
            return "bool";
        }
        if (v instanceof List) {
            return "slice";
        }
        if (v instanceof GoStruct) {
            return "struct";
        }
        return "map";
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
