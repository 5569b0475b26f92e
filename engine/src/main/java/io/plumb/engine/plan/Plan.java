package io.plumb.engine.plan;

import java.util.List;

/**
 * A {@code Plan} is the ordered list of statements that applies a list of schema changes on one dialect.
 *
 * @param changes the statements in execution order
 * @param transactional whether the statements may run in one transaction
 */
public record Plan(List<PlannedChange> changes, boolean transactional) {

    public Plan {
        changes = List.copyOf(changes);
    }

    /** Returns whether the plan has no statements. */
    public boolean isEmpty() {
        return changes.isEmpty();
    }
}
