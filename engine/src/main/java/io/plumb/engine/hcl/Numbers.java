package io.plumb.engine.hcl;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * {@code Numbers} keeps HCL numbers within a range that exact decimal arithmetic handles quickly: at most {@value
 * #MAX_DIGITS} significant digits and a decimal exponent within ±{@value #MAX_EXPONENT}.
 */
final class Numbers {

    /** Far beyond cty's 512-bit mantissa, yet small enough that printing or adding such numbers is instant. */
    static final int MAX_DIGITS = 10_000;

    /** A number like {@code 1e999999999} would take minutes and gigabytes to print or add to 1. */
    static final int MAX_EXPONENT = 10_000;

    private Numbers() {}

    /** Parses a number literal or numeric string, reporting one out of range at {@code pos}. */
    static BigDecimal parse(String text, Pos pos) {
        try {
            return checked(new BigDecimal(text), pos);
        } catch (NumberFormatException e) {
            // BigDecimal rejects exponents beyond the int range with the same exception as malformed text.
            throw new HclException(pos, outOfRange(text));
        }
    }

    /** Returns {@code n}, or reports at {@code pos} that it is out of range. */
    static BigDecimal checked(BigDecimal n, Pos pos) {
        if (n.signum() == 0) {
            return n;
        }
        long exponent = (long) n.precision() - n.scale() - 1;
        if (n.precision() > MAX_DIGITS || exponent > MAX_EXPONENT || exponent < -MAX_EXPONENT) {
            throw new HclException(pos, outOfRange(n.round(new MathContext(6)).toString()));
        }
        return n;
    }

    /**
     * Reports at {@code pos} a quotient {@code l / r} out of range before a remainder computes it digit by digit, which
     * takes seconds for {@code 1e9999 % 1e-9999}.
     */
    static void checkQuotient(BigDecimal l, BigDecimal r, Pos pos) {
        if (l.signum() == 0) {
            return;
        }
        long digits = ((long) l.precision() - l.scale()) - ((long) r.precision() - r.scale());
        if (digits > MAX_EXPONENT) {
            throw new HclException(pos, outOfRange("a quotient of about 1E+" + digits));
        }
    }

    private static String outOfRange(String found) {
        return "number out of range: expected at most " + MAX_DIGITS + " digits and an exponent between -"
                + MAX_EXPONENT + " and " + MAX_EXPONENT + ", found " + found;
    }
}
