package io.plumb.engine.dialect.postgres;

import io.plumb.engine.plan.ObjectStep;
import io.plumb.engine.schema.ObjectKind;
import io.plumb.engine.schema.ObjectRef;
import io.plumb.engine.schema.References;
import io.plumb.engine.schema.Routine;
import io.plumb.engine.schema.SchemaChange;
import java.util.List;

/**
 * {@code EarlyRoutines} spots a SQL function created before the new tables (because a CHECK or default calls it)
 * whose body reads one of those tables: PostgreSQL checks a SQL body when the function is created, so the plan turns
 * {@code check_function_bodies} off around those creates, as {@code pg_dump} does.
 */
final class EarlyRoutines {

    static final String OFF = "SET check_function_bodies = false";
    static final String ON = "RESET check_function_bodies";

    private EarlyRoutines() {}

    /** Returns whether an early SQL routine's body names a table the plan creates. */
    static boolean readNewTables(List<ObjectStep> before, List<SchemaChange.AddTable> added) {
        List<ObjectRef> tables = added.stream()
                .map(a -> ObjectRef.table(a.schema(), a.table().name()))
                .toList();
        for (ObjectStep step : before) {
            if (step instanceof ObjectStep.Create c
                    && c.object() instanceof Routine r
                    && r.kind() != ObjectKind.AGGREGATE
                    && r.language().equalsIgnoreCase("sql")
                    && !References.of(c.schema(), r, tables).isEmpty()) {
                return true;
            }
        }
        return false;
    }
}
