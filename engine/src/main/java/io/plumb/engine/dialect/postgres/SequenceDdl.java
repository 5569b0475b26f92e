package io.plumb.engine.dialect.postgres;

import static io.plumb.engine.dialect.postgres.PostgresDdl.quote;
import static io.plumb.engine.dialect.postgres.PostgresPlanner.change;

import io.plumb.engine.plan.PlannedChange;
import io.plumb.engine.schema.SchemaChange;
import io.plumb.engine.schema.Sequence;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code SequenceDdl} writes the statements of sequences: {@code CREATE SEQUENCE} with the options that are not
 * defaults, one {@code ALTER SEQUENCE} with the changed options, and {@code DROP SEQUENCE}. {@code OWNED BY} is not
 * part of them: a sequence that a new table's default draws from must exist before the table, and can be owned by
 * its column only after, so {@link #releaseOwners} and {@link #setOwners} plan ownership around the table changes.
 */
final class SequenceDdl {

    private SequenceDdl() {}

    static List<PlannedChange> create(PostgresDdl ddl, String schema, Sequence s) {
        StringBuilder sql = new StringBuilder("CREATE SEQUENCE ").append(ddl.table(schema, s.name()));
        if (!s.type().equals("bigint")) {
            sql.append(" AS ").append(s.type());
        }
        if (s.increment() != 1) {
            sql.append(" INCREMENT BY ").append(s.increment());
        }
        s.minValue().ifPresent(v -> sql.append(" MINVALUE ").append(v));
        s.maxValue().ifPresent(v -> sql.append(" MAXVALUE ").append(v));
        if (s.start() != SequenceRange.defaultStart(s)) {
            sql.append(" START WITH ").append(s.start());
        }
        if (s.cache() != 1) {
            sql.append(" CACHE ").append(s.cache());
        }
        if (s.cycle()) {
            sql.append(" CYCLE");
        }
        List<PlannedChange> out = new ArrayList<>();
        out.add(change("create sequence \"" + s.name() + "\"", sql.toString()));
        if (s.comment().isPresent()) {
            comment(ddl, schema, s, out);
        }
        return out;
    }

    /**
     * Returns the statement that drops a sequence. An owned sequence goes with its column, which the same plan may
     * drop first, hence {@code IF EXISTS}.
     */
    static List<PlannedChange> drop(PostgresDdl ddl, String schema, Sequence s) {
        return List.of(change(
                "drop sequence \"" + s.name() + "\"",
                "DROP SEQUENCE " + (s.ownedBy().isPresent() ? "IF EXISTS " : "") + ddl.table(schema, s.name())));
    }

    static List<PlannedChange> replace(PostgresDdl ddl, String schema, Sequence from, Sequence to) {
        List<String> clauses = new ArrayList<>();
        if (!from.type().equals(to.type())) {
            clauses.add("AS " + to.type());
        }
        if (from.increment() != to.increment()) {
            clauses.add("INCREMENT BY " + to.increment());
        }
        // A new type or direction changes the default bounds, so bounds are restated whenever those change.
        boolean rebound =
                !from.type().equals(to.type()) || Long.signum(from.increment()) != Long.signum(to.increment());
        if (rebound || !from.minValue().equals(to.minValue())) {
            clauses.add(to.minValue().map(v -> "MINVALUE " + v).orElse("NO MINVALUE"));
        }
        if (rebound || !from.maxValue().equals(to.maxValue())) {
            clauses.add(to.maxValue().map(v -> "MAXVALUE " + v).orElse("NO MAXVALUE"));
        }
        if (from.start() != to.start()) {
            clauses.add("START WITH " + to.start());
        }
        if (from.cache() != to.cache()) {
            clauses.add("CACHE " + to.cache());
        }
        if (from.cycle() != to.cycle()) {
            clauses.add(to.cycle() ? "CYCLE" : "NO CYCLE");
        }
        List<PlannedChange> out = new ArrayList<>();
        if (!clauses.isEmpty()) {
            out.add(change(
                    "modify sequence \"" + to.name() + "\"",
                    "ALTER SEQUENCE " + ddl.table(schema, to.name()) + " " + String.join(" ", clauses)));
        }
        if (!from.comment().equals(to.comment())) {
            comment(ddl, schema, to, out);
        }
        return out;
    }

    /**
     * Plans, before the table changes, {@code OWNED BY NONE} for the sequences whose owner changes or goes: a
     * sequence still owned by a column that the table changes drop would be dropped with it.
     */
    static void releaseOwners(PostgresDdl ddl, List<SchemaChange> changes, List<PlannedChange> out) {
        for (SchemaChange change : changes) {
            if (change instanceof SchemaChange.ModifyObject m
                    && m.from() instanceof Sequence from
                    && m.to() instanceof Sequence to
                    && from.ownedBy().isPresent()
                    && !from.ownedBy().equals(to.ownedBy())) {
                out.add(owner(ddl, m.schema(), to, Optional.empty()));
            }
        }
    }

    /** Plans, after the table changes, {@code OWNED BY} for the new sequences and those whose owner changes. */
    static void setOwners(PostgresDdl ddl, List<SchemaChange> changes, List<PlannedChange> out) {
        for (SchemaChange change : changes) {
            if (change instanceof SchemaChange.AddObject a
                    && a.object() instanceof Sequence s
                    && s.ownedBy().isPresent()) {
                out.add(owner(ddl, a.schema(), s, s.ownedBy()));
            } else if (change instanceof SchemaChange.ModifyObject m
                    && m.from() instanceof Sequence from
                    && m.to() instanceof Sequence to
                    && to.ownedBy().isPresent()
                    && (m.recreate() || !from.ownedBy().equals(to.ownedBy()))) {
                out.add(owner(ddl, m.schema(), to, to.ownedBy()));
            }
        }
    }

    private static PlannedChange owner(PostgresDdl ddl, String schema, Sequence s, Optional<String> owner) {
        String target = owner.map(o -> {
                    int dot = o.lastIndexOf('.');
                    return ddl.table(schema, o.substring(0, dot)) + "." + quote(o.substring(dot + 1));
                })
                .orElse("NONE");
        return change(
                "set owner of sequence \"" + s.name() + "\"",
                "ALTER SEQUENCE " + ddl.table(schema, s.name()) + " OWNED BY " + target);
    }

    private static void comment(PostgresDdl ddl, String schema, Sequence s, List<PlannedChange> out) {
        PostgresPlanner.comment(
                out, "SEQUENCE " + ddl.table(schema, s.name()), s.comment(), "sequence: \"" + s.name() + "\"");
    }
}
