package io.plumb.engine.dialect.postgres;

import io.plumb.engine.schema.Table;
import java.util.List;
import java.util.Map;

/**
 * {@code RowSecurity} is how the model keeps a table's row-level security switches, which it has no fields for:
 * table options {@code row_security} ({@code "true"} when enabled, {@code "false"} when only forced) and {@code
 * row_security_enforced} ({@code "true"} when forced), written as the table's {@code row_security { enabled = true
 * enforced = true }} block. A table with neither has no options.
 */
final class RowSecurity {

    /** The table option that is {@code "true"} when row security is enabled. */
    static final String ENABLED = "row_security";

    /** The table option that is {@code "true"} when row security is forced on the table's owner too. */
    static final String ENFORCED = "row_security_enforced";

    private RowSecurity() {}

    static void read(boolean enabled, boolean forced, Map<String, String> options) {
        if (enabled || forced) {
            options.put(ENABLED, Boolean.toString(enabled));
        }
        if (forced) {
            options.put(ENFORCED, "true");
        }
    }

    /** Brings options read from HCL to the inspected form: {@code enforced = false} and an empty block left out. */
    static void normalize(Map<String, String> options) {
        if ("false".equals(options.get(ENFORCED))) {
            options.remove(ENFORCED);
        }
        if ("false".equals(options.get(ENABLED)) && !options.containsKey(ENFORCED)) {
            options.remove(ENABLED);
        }
    }

    static boolean enabled(Map<String, String> options) {
        return "true".equals(options.get(ENABLED));
    }

    static boolean forced(Map<String, String> options) {
        return "true".equals(options.get(ENFORCED));
    }

    /** Returns the {@code ALTER TABLE} actions that turn one table's switches into another's. */
    static List<String> actions(Map<String, String> from, Map<String, String> to) {
        List<String> actions = new java.util.ArrayList<>();
        if (enabled(from) != enabled(to)) {
            actions.add(enabled(to) ? "ENABLE ROW LEVEL SECURITY" : "DISABLE ROW LEVEL SECURITY");
        }
        if (forced(from) != forced(to)) {
            actions.add(forced(to) ? "FORCE ROW LEVEL SECURITY" : "NO FORCE ROW LEVEL SECURITY");
        }
        return actions;
    }

    /** Returns the actions that a new table needs. */
    static List<String> actions(Table table) {
        return actions(Map.of(), table.options());
    }
}
