package io.plumb.engine.schema;

import java.util.Locale;
import java.util.Optional;

/** A {@code ReferenceAction} is what a foreign key does when the referenced row is updated or deleted. */
public enum ReferenceAction {
    NO_ACTION,
    RESTRICT,
    CASCADE,
    SET_NULL,
    SET_DEFAULT;

    /** Returns the action as SQL spells it: {@code NO ACTION}, {@code SET NULL}. */
    public String sql() {
        return name().replace('_', ' ');
    }

    /** Returns the action for an SQL or HCL spelling ({@code "set null"}, {@code SET_NULL}), if it is one. */
    public static Optional<ReferenceAction> parse(String text) {
        String name = text.trim().toUpperCase(Locale.ROOT).replace(' ', '_');
        for (ReferenceAction action : values()) {
            if (action.name().equals(name)) {
                return Optional.of(action);
            }
        }
        return Optional.empty();
    }
}
