package io.plumb.engine.testing;

import io.plumb.engine.migrate.SqlTruth;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * {@code AssertedValue} decides whether an {@code assert} query returned one true value: one row of one column
 * whose value {@link SqlTruth} reads as true.
 */
final class AssertedValue {

    private AssertedValue() {}

    /** Returns what was found instead of one true value ({@code false}, {@code 2 rows}...), or empty when it holds. */
    static Optional<String> problem(ResultTable result) {
        if (result.columns().isEmpty()) {
            return Optional.of("no result");
        }
        if (result.columns().size() != 1) {
            return Optional.of(result.columns().size() + " columns");
        }
        List<List<@Nullable Object>> rows = result.rows();
        if (rows.size() != 1) {
            return Optional.of(rows.isEmpty() ? "no rows" : rows.size() + " rows");
        }
        Object value = rows.get(0).get(0);
        if (value == null) {
            return Optional.of("NULL");
        }
        Optional<Boolean> truth = SqlTruth.of(value);
        if (truth.isEmpty()) {
            return Optional.of("\"" + CellText.of(value) + "\"");
        }
        return truth.get() ? Optional.empty() : Optional.of("false");
    }
}
