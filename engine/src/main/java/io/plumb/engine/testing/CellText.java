package io.plumb.engine.testing;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/**
 * {@code CellText} renders one non-NULL value of a result as text, the same way for every output format: whole
 * numbers without a fraction ({@code 2}, not {@code 2.0}), other numbers in plain decimal notation, booleans as
 * {@code true}/{@code false}, bytes as UTF-8 text.
 */
final class CellText {

    private CellText() {}

    static String of(Object value) {
        if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            if (Double.isNaN(number) || Double.isInfinite(number)) {
                return Double.toString(number);
            }
            return new BigDecimal(Double.toString(number)).stripTrailingZeros().toPlainString();
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return value.toString();
    }

    /** Returns whether a value is a number, which the table format aligns to the right. */
    static boolean isNumber(Object value) {
        return value instanceof Number;
    }
}
