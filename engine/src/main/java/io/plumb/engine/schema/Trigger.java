package io.plumb.engine.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code Trigger} on a table or view.
 *
 * @param name the trigger name
 * @param on the table or view the trigger is on
 * @param timing {@code BEFORE}, {@code AFTER} or {@code INSTEAD OF}
 * @param events the events in the order {@code INSERT}, {@code UPDATE}, {@code DELETE}, {@code TRUNCATE}
 * @param updateOf the columns of an {@code UPDATE OF} event, in order
 * @param forEachRow whether the trigger fires for each row (else once per statement)
 * @param when the {@code WHEN} condition, if any
 * @param body the trigger's body on dialects that write it inline (SQLite, MySQL): the statement or {@code
 *     BEGIN ... END} block; empty on PostgreSQL
 * @param execute the function a PostgreSQL trigger executes, with its arguments ({@code
 *     "public"."audit"('orders')}); empty elsewhere
 * @param options dialect options: PostgreSQL's {@code constraint}, {@code deferrable}, {@code initially}, {@code
 *     from}, {@code enabled}; MySQL's {@code order}
 * @param comment the comment, where the dialect has them
 * @param dependsOn what the trigger's body or function uses, and any {@code depends_on}
 */
public record Trigger(
        String name,
        ObjectRef on,
        String timing,
        List<String> events,
        List<String> updateOf,
        boolean forEachRow,
        Optional<String> when,
        Optional<String> body,
        Optional<String> execute,
        Map<String, String> options,
        Optional<String> comment,
        List<ObjectRef> dependsOn)
        implements SchemaObject {

    public Trigger {
        events = List.copyOf(events);
        updateOf = List.copyOf(updateOf);
        options = Options.copy(options);
        dependsOn = List.copyOf(dependsOn);
    }

    @Override
    public ObjectKind kind() {
        return ObjectKind.TRIGGER;
    }

    /** Returns the table name and the trigger name: trigger names are unique per table on PostgreSQL. */
    @Override
    public String identity() {
        return on.identity() + "." + name;
    }

    @Override
    public List<String> sqlTexts() {
        List<String> texts = new ArrayList<>();
        when.ifPresent(texts::add);
        body.ifPresent(texts::add);
        execute.ifPresent(texts::add);
        return texts;
    }

    /** Returns this trigger with other dependencies. */
    public Trigger withDependsOn(List<ObjectRef> refs) {
        return new Trigger(name, on, timing, events, updateOf, forEachRow, when, body, execute, options, comment, refs);
    }
}
