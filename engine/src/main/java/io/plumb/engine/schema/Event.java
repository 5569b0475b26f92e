package io.plumb.engine.schema;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A scheduled {@code Event} (MySQL and MariaDB).
 *
 * @param name the event name
 * @param schedule the schedule as {@code SHOW CREATE EVENT} prints it: {@code AT '...'} or {@code EVERY 1 DAY
 *     STARTS '...'}
 * @param body the statement or {@code BEGIN ... END} block the event runs
 * @param options {@code on_completion} ({@code PRESERVE}), {@code status} ({@code DISABLED}, {@code SLAVESIDE_DISABLED})
 * @param comment the comment
 * @param dependsOn what the body uses, and any {@code depends_on}
 */
public record Event(
        String name,
        String schedule,
        String body,
        Map<String, String> options,
        Optional<String> comment,
        List<ObjectRef> dependsOn)
        implements SchemaObject {

    public Event {
        options = Options.copy(options);
        dependsOn = List.copyOf(dependsOn);
    }

    @Override
    public ObjectKind kind() {
        return ObjectKind.EVENT;
    }

    @Override
    public List<String> sqlTexts() {
        return List.of(body);
    }
}
