package io.plumb.engine.dialect;

import io.plumb.engine.plan.Plan;
import io.plumb.engine.schema.SchemaChange;
import java.util.List;

/** A {@code Planner} turns schema changes into the statements of one dialect. */
public interface Planner {

    /**
     * Plans the given changes, in order.
     *
     * @throws PlanException when a change cannot be expressed in this dialect
     */
    Plan plan(List<SchemaChange> changes, PlanOptions options);
}
