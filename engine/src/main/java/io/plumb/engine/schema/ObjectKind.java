package io.plumb.engine.schema;

import java.util.Locale;

/**
 * An {@code ObjectKind} names a kind of schema object, as HCL blocks, messages and the planner's order know it.
 * The constants are declared in the order objects of different kinds are created when nothing else orders them:
 * types before the tables that use them, tables before the views, routines and triggers that read them.
 */
public enum ObjectKind {
    EXTENSION("extension", "extension"),
    SEQUENCE("sequence", "sequence"),
    DOMAIN("domain", "domain"),
    COMPOSITE("composite", "composite type"),
    TABLE("table", "table"),
    FUNCTION("function", "function"),
    PROCEDURE("procedure", "procedure"),
    AGGREGATE("aggregate", "aggregate"),
    VIEW("view", "view"),
    MATERIALIZED_VIEW("materialized", "materialized view"),
    TRIGGER("trigger", "trigger"),
    EVENT_TRIGGER("event_trigger", "event trigger"),
    POLICY("policy", "policy"),
    EVENT("event", "event");

    private final String block;
    private final String label;

    ObjectKind(String block, String label) {
        this.block = block;
        this.label = label;
    }

    /** Returns the HCL block name of the kind: {@code view}, {@code materialized}, {@code event_trigger}. */
    public String block() {
        return block;
    }

    /** Returns the kind as messages and plan comments name it: {@code materialized view}. */
    public String label() {
        return label;
    }

    /** Returns the kind as SQL names it in {@code CREATE}/{@code DROP}: {@code MATERIALIZED VIEW}. */
    public String sql() {
        return label.toUpperCase(Locale.ROOT).replace("COMPOSITE TYPE", "TYPE");
    }
}
