package io.plumb.engine.diff;

import io.plumb.engine.schema.Check;
import io.plumb.engine.schema.CompositeType;
import io.plumb.engine.schema.Domain;
import io.plumb.engine.schema.Event;
import io.plumb.engine.schema.Routine;
import io.plumb.engine.schema.SchemaObject;
import io.plumb.engine.schema.Trigger;
import io.plumb.engine.schema.View;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * {@code ObjectTexts} bring an object to the form in which two descriptions of it compare: SQL texts with runs of
 * whitespace collapsed and a trailing semicolon dropped, and what the database derives or records about the
 * object rather than what defines it (a view's columns, the dependencies) left out.
 */
public final class ObjectTexts {

    private static final Pattern SPACE = Pattern.compile("\\s+");

    private ObjectTexts() {}

    /** Returns the SQL text with whitespace runs collapsed to one space, trimmed, without a final semicolon. */
    public static String collapse(String sql) {
        String text = SPACE.matcher(sql).replaceAll(" ").trim();
        while (text.endsWith(";")) {
            text = text.substring(0, text.length() - 1).trim();
        }
        return text;
    }

    /** Returns the object in comparable form, its SQL texts {@link #collapse collapsed}. */
    public static SchemaObject comparable(SchemaObject object) {
        return comparable(object, ObjectTexts::collapse);
    }

    /**
     * Returns the object in comparable form, with a dialect's canonical form of its SQL texts (SQLite, which keeps
     * the text as written, compares them token by token ignoring case).
     */
    public static SchemaObject comparable(SchemaObject object, UnaryOperator<String> canonical) {
        if (object instanceof View v) {
            return new View(
                    v.name(),
                    v.materialized(),
                    List.of(),
                    canonical.apply(v.query()),
                    v.indexes(),
                    v.comment(),
                    List.of(),
                    v.options());
        } else if (object instanceof Routine r) {
            return new Routine(
                    r.kind(),
                    r.name(),
                    r.signature(),
                    r.arguments(),
                    r.returns(),
                    r.language(),
                    canonical.apply(r.body()),
                    r.options(),
                    r.comment(),
                    List.of());
        } else if (object instanceof Trigger t) {
            return new Trigger(
                    t.name(),
                    t.on(),
                    t.timing(),
                    t.events(),
                    t.updateOf(),
                    t.forEachRow(),
                    t.when().map(canonical),
                    t.body().map(canonical),
                    t.execute().map(canonical),
                    t.options(),
                    t.comment(),
                    List.of());
        } else if (object instanceof Domain d) {
            return new Domain(
                    d.name(),
                    d.type(),
                    d.nullable(),
                    d.defaultValue().map(canonical),
                    d.checks().stream()
                            .map(c -> new Check(c.name(), canonical.apply(c.expr()), c.options()))
                            .toList(),
                    d.comment(),
                    List.of());
        } else if (object instanceof CompositeType c) {
            return new CompositeType(c.name(), c.fields(), c.comment(), List.of());
        } else if (object instanceof Event e) {
            return new Event(e.name(), e.schedule(), canonical.apply(e.body()), e.options(), e.comment(), List.of());
        }
        return object;
    }
}
