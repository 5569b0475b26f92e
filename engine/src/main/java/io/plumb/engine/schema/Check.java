package io.plumb.engine.schema;

import java.util.Map;

/**
 * A {@code Check} constraint.
 *
 * @param name the constraint name, or empty for an unnamed check
 * @param expr the check expression: as a schema file writes it, or as the dialect prints it back (PostgreSQL keeps
 *     the parentheses around an operator expression, {@code (a > 0)}); compare them through the dialect's
 *     normalizer
 * @param options dialect options, such as MySQL's {@code enforced}
 */
public record Check(String name, String expr, Map<String, String> options) {

    public Check {
        options = Options.copy(options);
    }

    /** Returns a check with no options. */
    public static Check of(String name, String expr) {
        return new Check(name, expr, Map.of());
    }
}
