package io.plumb.engine.revert;

import io.plumb.engine.migrate.MigrationFile;
import io.plumb.engine.plan.Plan;
import io.plumb.engine.plan.PlannedChange;
import java.util.List;

/**
 * A {@code RevertStep} is the revert of one applied file: the statements that take the database from the state
 * with the file to the state without it, and the checks that they lose no data.
 *
 * @param file the file reverted
 * @param plan the statements
 * @param checks the data-loss checks of the plan's drops
 */
record RevertStep(MigrationFile file, Plan plan, List<DataLossCheck> checks) {

    RevertStep {
        checks = List.copyOf(checks);
    }

    /** Returns the statements' text, in order. */
    List<String> statements() {
        return plan.changes().stream().map(PlannedChange::sql).toList();
    }
}
