package io.plumb.engine.schema;

import java.util.Optional;

/**
 * A {@code KeyDeferral} is when a foreign key is checked: after each statement and never later ({@code NOT
 * DEFERRABLE}, the default), after each statement unless a transaction defers it ({@code DEFERRABLE INITIALLY
 * IMMEDIATE}), or at commit ({@code DEFERRABLE INITIALLY DEFERRED}). The HCL spells the last two as the reference
 * does: {@code deferrable = INITIALLY_IMMEDIATE} and {@code deferrable = INITIALLY_DEFERRED}.
 */
public enum KeyDeferral {
    NOT_DEFERRABLE(""),
    INITIALLY_IMMEDIATE("DEFERRABLE"),
    INITIALLY_DEFERRED("DEFERRABLE INITIALLY DEFERRED");

    private final String sql;

    KeyDeferral(String sql) {
        this.sql = sql;
    }

    /** Returns the clause as PostgreSQL prints it, empty for the default. */
    public String sql() {
        return sql;
    }

    /** Returns the deferral of the catalogue's two flags ({@code condeferrable}, {@code condeferred}). */
    public static KeyDeferral of(boolean deferrable, boolean deferred) {
        if (!deferrable) {
            return NOT_DEFERRABLE;
        }
        return deferred ? INITIALLY_DEFERRED : INITIALLY_IMMEDIATE;
    }

    /** Returns the deferral an HCL identifier names ({@code INITIALLY_DEFERRED}), if it names one. */
    public static Optional<KeyDeferral> parse(String name) {
        for (KeyDeferral deferral : values()) {
            if (deferral.name().equals(name)) {
                return Optional.of(deferral);
            }
        }
        return Optional.empty();
    }
}
