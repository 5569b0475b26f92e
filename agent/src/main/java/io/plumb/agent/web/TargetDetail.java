package io.plumb.agent.web;

import io.plumb.engine.schema.Realm;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A {@code TargetDetail} is what a target's page shows: its row, and on drift the report of the drift check.
 *
 * @param row the target's status and versions
 * @param hclDiff the unified HCL diff of the expected schema against the inspected one, or null when not drifted
 * @param fixSql the SQL that brings the database back to the expected schema, or null
 * @param destructive whether the SQL may lose data (drops a table or column, narrows a type)
 * @param changelog the changes of the inspected schema, newest first
 * @param expected the schema the target should have, drawn as an entity-relationship diagram, or null
 * @param driftedObjects the objects that differ, by name: {@code table}, {@code table.column}, or either form
 *     qualified by its schema; views, functions and triggers by their names
 */
public record TargetDetail(
        TargetRow row,
        @Nullable String hclDiff,
        @Nullable String fixSql,
        boolean destructive,
        List<ChangelogEntry> changelog,
        @Nullable Realm expected,
        Set<String> driftedObjects) {

    public TargetDetail {
        changelog = List.copyOf(changelog);
        driftedObjects = Set.copyOf(driftedObjects);
    }
}
