package io.plumb.engine.migrate;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * {@code SqlTruth} is the one rule for reading a query's value as a boolean, shared by pre-migration checks and the
 * {@code assert} command of tests: a boolean, the number 0 or 1 (SQLite and MySQL have no boolean type), or the
 * text {@code true}/{@code t}/{@code 1} or {@code false}/{@code f}/{@code 0} in any case.
 *
 * <p>Other numbers are not read as true: the reference tool scans the value into a Go {@code bool}, which refuses
 * them, and a count that happens to be non-zero is more often a mistake than a truth.
 */
public final class SqlTruth {

    private SqlTruth() {}

    /** Returns the boolean a value stands for, or empty when it is not boolean-like (NULL included). */
    public static Optional<Boolean> of(@Nullable Object value) {
        if (value instanceof Boolean b) {
            return Optional.of(b);
        }
        if (value instanceof Number n) {
            BigDecimal number = new BigDecimal(n.toString());
            if (number.signum() == 0) {
                return Optional.of(false);
            }
            return number.compareTo(BigDecimal.ONE) == 0 ? Optional.of(true) : Optional.empty();
        }
        if (value instanceof String s) {
            return switch (s.toLowerCase(Locale.ROOT)) {
                case "true", "t", "1" -> Optional.of(true);
                case "false", "f", "0" -> Optional.of(false);
                default -> Optional.empty();
            };
        }
        return Optional.empty();
    }
}
