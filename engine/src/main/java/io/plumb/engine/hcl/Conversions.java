package io.plumb.engine.hcl;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** {@code Conversions} implements HCL's implicit conversions between strings, numbers and bools, and value equality. */
final class Conversions {

    private Conversions() {}

    /** Returns the string form of a primitive, as a template prints it; {@code what} names the value in errors. */
    static String toStr(Value v, Pos pos, String what) {
        if (v instanceof Value.Str s) {
            return s.value();
        }
        if (v instanceof Value.Num n) {
            return formatNumber(n.value());
        }
        if (v instanceof Value.Bool b) {
            return String.valueOf(b.value());
        }
        if (v instanceof Value.Ref r) {
            throw new HclException(
                    pos,
                    "reference \"" + r + "\" cannot be used in a string (" + what
                            + "); only references to a block's name resolve to strings");
        }
        if (v instanceof Value.Ident i) {
            throw new HclException(
                    pos,
                    "identifier \"" + i.name() + "\" cannot be used in a string (" + what
                            + "): it names nothing that has a value");
        }
        throw new HclException(pos, what + ": expected a string, found " + v.kind());
    }

    static String formatNumber(BigDecimal n) {
        if (n.signum() == 0) {
            return "0";
        }
        return n.stripTrailingZeros().toPlainString();
    }

    static BigDecimal toNumber(Value v, Pos pos, String what) {
        if (v instanceof Value.Num n) {
            return n.value();
        }
        if (v instanceof Value.Str s) {
            try {
                return Numbers.checked(new BigDecimal(s.value().trim()), pos);
            } catch (NumberFormatException e) {
                throw new HclException(pos, what + ": expected a number, found string \"" + s.value() + "\"");
            }
        }
        throw new HclException(pos, what + ": expected a number, found " + v.kind());
    }

    static boolean toBool(Value v, Pos pos, String what) {
        if (v instanceof Value.Bool b) {
            return b.value();
        }
        if (v instanceof Value.Str s && (s.value().equals("true") || s.value().equals("false"))) {
            return s.value().equals("true");
        }
        String found = v instanceof Value.Str s ? "string \"" + s.value() + "\"" : v.kind();
        throw new HclException(pos, what + ": expected a bool, found " + found);
    }

    static int toInt(Value v, Pos pos, String what) {
        BigDecimal n = toNumber(v, pos, what);
        try {
            return n.intValueExact();
        } catch (ArithmeticException e) {
            throw new HclException(pos, what + ": expected a whole number, found " + formatNumber(n));
        }
    }

    /** HCL equality: numbers by value, collections element by element, different kinds never equal. */
    static boolean equal(Value a, Value b) {
        if (a instanceof Value.Num x && b instanceof Value.Num y) {
            return x.value().compareTo(y.value()) == 0;
        }
        if (a instanceof Value.ListValue x && b instanceof Value.ListValue y) {
            List<Value> xs = x.elements();
            List<Value> ys = y.elements();
            if (xs.size() != ys.size()) {
                return false;
            }
            for (int i = 0; i < xs.size(); i++) {
                if (!equal(xs.get(i), ys.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Value.ObjectValue x && b instanceof Value.ObjectValue y) {
            Map<String, Value> xs = x.fields();
            Map<String, Value> ys = y.fields();
            if (!xs.keySet().equals(ys.keySet())) {
                return false;
            }
            for (Map.Entry<String, Value> e : xs.entrySet()) {
                Value other = ys.get(e.getKey());
                if (other == null || !equal(e.getValue(), other)) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    /** Describes a value for error messages: its kind, and its text for short primitives. */
    static String describe(Value v) {
        if (v instanceof Value.Str s) {
            return "string \"" + s.value() + "\"";
        }
        if (v instanceof Value.Num n) {
            return "number " + formatNumber(n.value());
        }
        if (v instanceof Value.Bool b) {
            return "bool " + b.value();
        }
        return v.kind();
    }

    /** Returns a value's kind after an article ("a list", "an object"), once: some kinds carry their own. */
    static String aKind(Value v) {
        String kind = v.kind();
        if (kind.startsWith("a ") || kind.startsWith("an ")) {
            return kind;
        }
        return ("aeiou".indexOf(kind.charAt(0)) >= 0 ? "an " : "a ") + kind;
    }
}
