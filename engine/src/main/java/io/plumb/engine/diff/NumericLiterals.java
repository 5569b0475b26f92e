package io.plumb.engine.diff;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code NumericLiterals} gives a numeric default literal a key by its value, so that the spellings SQL allows for
 * one number ({@code -1.5e10} and {@code -15000000000}, {@code +5} and {@code 5}, {@code -0} and {@code 0}, {@code
 * 1.50} and {@code 1.5}, {@code (-7)} and {@code - 7}) compare equal. Databases keep some of these as written and
 * print others in their own form, and HCL writes a number in its shortest form, so comparing the text would plan a
 * change (on SQLite a table rebuild) on every apply.
 */
public final class NumericLiterals {

    private static final Pattern NUMBER = Pattern.compile("([-+]?)((?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][-+]?\\d+)?)");

    private NumericLiterals() {}

    /**
     * Returns the key of a numeric literal: its value in one canonical form. The text may be wrapped in parentheses
     * and hold white space between the sign and the digits; anything else, an expression or a string, is empty.
     */
    public static Optional<String> key(String sql) {
        String text = sql.strip();
        while (text.length() >= 2 && text.startsWith("(") && text.endsWith(")")) {
            text = text.substring(1, text.length() - 1).strip();
        }
        text = text.replaceFirst("^([-+])\\s+", "$1");
        Matcher m = NUMBER.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        BigDecimal value = new BigDecimal(m.group(2));
        if (m.group(1).equals("-")) {
            value = value.negate();
        }
        if (value.signum() == 0) {
            return Optional.of("0");
        }
        return Optional.of(value.stripTrailingZeros().toString());
    }
}
