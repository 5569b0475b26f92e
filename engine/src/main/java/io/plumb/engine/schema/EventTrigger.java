package io.plumb.engine.schema;

import java.util.List;
import java.util.Optional;

/**
 * An {@code EventTrigger}: a PostgreSQL trigger on DDL events, which belongs to the database, not to a schema.
 *
 * @param name the trigger name
 * @param event {@code ddl_command_start}, {@code ddl_command_end}, {@code sql_drop} or {@code table_rewrite}
 * @param tags the command tags it is limited to ({@code CREATE TABLE}), empty for all
 * @param function the function it executes, as {@code schema.name}
 * @param enabled {@code O} (origin, the default), {@code D} (disabled), {@code R} (replica) or {@code A} (always)
 * @param comment the comment
 */
public record EventTrigger(
        String name, String event, List<String> tags, ObjectRef function, String enabled, Optional<String> comment)
        implements SchemaObject {

    public EventTrigger {
        tags = List.copyOf(tags);
    }

    @Override
    public ObjectKind kind() {
        return ObjectKind.EVENT_TRIGGER;
    }

    @Override
    public List<ObjectRef> dependsOn() {
        return List.of(function);
    }

    @Override
    public List<String> sqlTexts() {
        return List.of();
    }
}
