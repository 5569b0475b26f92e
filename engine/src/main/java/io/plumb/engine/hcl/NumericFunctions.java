package io.plumb.engine.hcl;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Map;

/** {@code NumericFunctions} are the built-in functions over numbers. */
final class NumericFunctions {

    private NumericFunctions() {}

    static void register(Map<String, FunctionDef> m) {
        m.put("abs", FunctionDef.of(1, a -> new Value.Num(a.num(0).abs())));
        m.put("ceil", FunctionDef.of(1, a -> new Value.Num(a.num(0).setScale(0, RoundingMode.CEILING))));
        m.put("floor", FunctionDef.of(1, a -> new Value.Num(a.num(0).setScale(0, RoundingMode.FLOOR))));
        m.put(
                "signum",
                FunctionDef.of(1, a -> new Value.Num(BigDecimal.valueOf(a.num(0).signum()))));
        m.put("max", FunctionDef.variadic(1, a -> extreme(a, true)));
        m.put("min", FunctionDef.variadic(1, a -> extreme(a, false)));
        m.put("pow", FunctionDef.of(2, NumericFunctions::pow));
        m.put("log", FunctionDef.of(2, NumericFunctions::log));
        m.put("parseint", FunctionDef.of(2, NumericFunctions::parseInt));
    }

    private static Value extreme(CallArgs a, boolean max) {
        BigDecimal best = a.num(0);
        for (int i = 1; i < a.size(); i++) {
            BigDecimal n = a.num(i);
            if (max ? n.compareTo(best) > 0 : n.compareTo(best) < 0) {
                best = n;
            }
        }
        return new Value.Num(best);
    }

    // The logarithm of a number in a base, in double precision, as cty computes it.
    private static Value log(CallArgs a) {
        double n = a.num(0).doubleValue();
        double base = a.num(1).doubleValue();
        double result = Math.log(n) / Math.log(base);
        if (Double.isNaN(result) || Double.isInfinite(result)) {
            throw a.error("log(" + a.num(0).toPlainString() + ", " + a.num(1).toPlainString() + ") is not a number");
        }
        return new Value.Num(BigDecimal.valueOf(result).stripTrailingZeros());
    }

    private static Value pow(CallArgs a) {
        BigDecimal base = a.num(0);
        BigDecimal exponent = a.num(1);
        if (exponent.signum() >= 0
                && exponent.stripTrailingZeros().scale() <= 0
                && exponent.compareTo(BigDecimal.valueOf(9999)) <= 0) {
            tooLarge(a, base.stripTrailingZeros(), exponent.intValueExact());
            return new Value.Num(Numbers.checked(base.pow(exponent.intValueExact()), a.pos()));
        }
        double result = Math.pow(base.doubleValue(), exponent.doubleValue());
        if (Double.isNaN(result) || Double.isInfinite(result)) {
            throw a.error("result of " + Conversions.formatNumber(base) + " to the power "
                    + Conversions.formatNumber(exponent) + " is not a number");
        }
        return new Value.Num(BigDecimal.valueOf(result));
    }

    /** Refuses an exact power whose digits or exponent would be out of range before spending time computing it. */
    private static void tooLarge(CallArgs a, BigDecimal base, int exponent) {
        long magnitude = Math.abs((long) base.precision() - base.scale());
        if ((long) base.precision() * exponent > Numbers.MAX_DIGITS
                || magnitude * exponent > Numbers.MAX_EXPONENT + (long) exponent) {
            throw a.error("result of " + Conversions.describe(new Value.Num(base)) + " to the power " + exponent
                    + " is out of range: expected at most " + Numbers.MAX_DIGITS + " digits and an exponent between -"
                    + Numbers.MAX_EXPONENT + " and " + Numbers.MAX_EXPONENT);
        }
    }

    private static Value parseInt(CallArgs a) {
        String s = a.str(0);
        int base = a.integer(1);
        if (base < 2 || base > 62) {
            throw a.error("base must be between 2 and 62, found " + base);
        }
        if (base > 36) {
            throw a.error("bases above 36 are not supported, found " + base);
        }
        try {
            return new Value.Num(new BigDecimal(new BigInteger(s, base)));
        } catch (NumberFormatException e) {
            throw a.error("cannot parse \"" + s + "\" as a base-" + base + " integer");
        }
    }
}
