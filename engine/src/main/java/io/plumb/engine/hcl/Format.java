package io.plumb.engine.hcl;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code Format} implements {@code format} and {@code formatlist}: Go's fmt verbs {@code %s %d %v %q %f %t %%} with
 * the {@code -}, {@code +}, {@code 0} flags, a width and a precision.
 */
final class Format {

    /** Widths and precisions beyond any column comment or default, yet small enough to build instantly. */
    private static final int MAX_SIZE = 10_000;

    private Format() {}

    static String format(String spec, List<Value> args, CallArgs call) {
        StringBuilder out = new StringBuilder();
        int next = 0;
        int i = 0;
        while (i < spec.length()) {
            char c = spec.charAt(i);
            if (c != '%') {
                out.append(c);
                i++;
                continue;
            }
            int start = i++;
            StringBuilder flags = new StringBuilder();
            while (i < spec.length() && "-+ 0#".indexOf(spec.charAt(i)) >= 0) {
                flags.append(spec.charAt(i++));
            }
            int width = -1;
            int digits = i;
            while (i < spec.length() && Character.isDigit(spec.charAt(i))) {
                i++;
            }
            if (i > digits) {
                width = size(spec.substring(digits, i), "width", call);
            }
            int precision = -1;
            if (i < spec.length() && spec.charAt(i) == '.') {
                int p = ++i;
                while (i < spec.length() && Character.isDigit(spec.charAt(i))) {
                    i++;
                }
                precision = i > p ? size(spec.substring(p, i), "precision", call) : 0;
            }
            if (i >= spec.length()) {
                throw call.error("format verb at offset " + start + " has no verb letter");
            }
            char verb = spec.charAt(i++);
            if (verb == '%') {
                out.append('%');
                continue;
            }
            if (next >= args.size()) {
                throw call.error(
                        "not enough arguments for verb \"" + spec.substring(start, i) + "\": found " + args.size());
            }
            String text = verb(verb, flags.toString(), precision, args.get(next++), call);
            out.append(pad(text, flags.toString(), width, verb));
        }
        if (next < args.size()) {
            throw call.error("too many arguments: the format uses " + next + ", found " + args.size());
        }
        return out.toString();
    }

    /** Reads a width or precision, refusing ones that would build strings of gigabytes. */
    private static int size(String digits, String what, CallArgs call) {
        String plain = digits.replaceFirst("^0+(?=.)", "");
        if (plain.length() > 5 || Integer.parseInt(plain) > MAX_SIZE) {
            throw call.error("format " + what + " must be at most " + MAX_SIZE + ", found " + plain);
        }
        return Integer.parseInt(plain);
    }

    private static String verb(char verb, String flags, int precision, Value v, CallArgs call) {
        String what = "value for %" + verb;
        switch (verb) {
            case 's' -> {
                String s = Conversions.toStr(v, call.pos(), what);
                return precision >= 0 && precision < s.length() ? s.substring(0, precision) : s;
            }
            case 'd' -> {
                BigDecimal n = Conversions.toNumber(v, call.pos(), what);
                if (n.stripTrailingZeros().scale() > 0) {
                    throw call.error("%d expects a whole number, found " + Conversions.formatNumber(n));
                }
                return sign(n.toBigInteger().toString(), flags);
            }
            case 'f' -> {
                BigDecimal n = Conversions.toNumber(v, call.pos(), what);
                return sign(
                        n.setScale(precision < 0 ? 6 : precision, RoundingMode.HALF_EVEN)
                                .toPlainString(),
                        flags);
            }
            case 't' -> {
                return String.valueOf(Conversions.toBool(v, call.pos(), what));
            }
            case 'q' -> {
                return JsonFunctions.quote(Conversions.toStr(v, call.pos(), what));
            }
            case 'v' -> {
                if (v instanceof Value.ListValue || v instanceof Value.ObjectValue) {
                    return JsonFunctions.encode(v, call);
                }
                return v instanceof Value.Null ? "null" : Conversions.toStr(v, call.pos(), what);
            }
            default -> throw call.error(
                    "unsupported format verb \"%" + verb + "\"; expected one of %s %d %v %q %f" + " %t %%");
        }
    }

    private static String sign(String number, String flags) {
        return flags.contains("+") && !number.startsWith("-") ? "+" + number : number;
    }

    private static String pad(String text, String flags, int width, char verb) {
        if (width < 0 || text.length() >= width) {
            return text;
        }
        String fill = " ".repeat(width - text.length());
        if (flags.contains("-")) {
            return text + fill;
        }
        if (flags.contains("0") && (verb == 'd' || verb == 'f')) {
            String zeros = "0".repeat(width - text.length());
            boolean signed = text.startsWith("-") || text.startsWith("+");
            return signed ? text.charAt(0) + zeros + text.substring(1) : zeros + text;
        }
        return fill + text;
    }

    static Value formatList(CallArgs a) {
        String spec = a.str(0);
        int length = -1;
        for (int i = 1; i < a.size(); i++) {
            if (a.get(i) instanceof Value.ListValue l) {
                if (length >= 0 && l.elements().size() != length) {
                    throw a.error("all list arguments must have the same length: found " + length + " and "
                            + l.elements().size());
                }
                length = l.elements().size();
            }
        }
        if (length < 0) {
            length = 1;
        }
        List<Value> out = new ArrayList<>();
        for (int n = 0; n < length; n++) {
            List<Value> row = new ArrayList<>();
            for (int i = 1; i < a.size(); i++) {
                row.add(a.get(i) instanceof Value.ListValue l ? l.elements().get(n) : a.get(i));
            }
            out.add(new Value.Str(format(spec, row, a)));
        }
        return new Value.ListValue(out);
    }
}
