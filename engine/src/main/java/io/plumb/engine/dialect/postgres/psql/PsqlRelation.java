package io.plumb.engine.dialect.postgres.psql;

import org.jspecify.annotations.Nullable;

/**
 * A {@code PsqlRelation} is what psql reads of a relation before describing it: its kind and persistence, which
 * decide the title and the footers, and the {@code pg_class} flags that tell which footers can have lines.
 *
 * @param oid the relation's oid
 * @param schema its schema, as the title prints it
 * @param name its name
 * @param kind {@code relkind}: {@code r}, {@code p}, {@code v}, {@code m}, {@code f}, {@code c}, ...
 * @param persistence {@code relpersistence}: {@code u} for unlogged
 * @param flags the {@code pg_class} flags
 * @param tablespace {@code reltablespace}, 0 for the database's default
 * @param ofType the type of a typed table ({@code CREATE TABLE ... OF type}), or null
 */
record PsqlRelation(
        long oid,
        String schema,
        String name,
        char kind,
        char persistence,
        Flags flags,
        long tablespace,
        @Nullable String ofType) {

    /**
     * The {@code pg_class} flags psql consults.
     *
     * @param hasChecks {@code relchecks > 0}
     * @param hasIndex {@code relhasindex}
     * @param hasRules {@code relhasrules}
     * @param hasTriggers {@code relhastriggers}, also set by foreign keys
     * @param rowSecurity {@code relrowsecurity}
     * @param forceRowSecurity {@code relforcerowsecurity}
     * @param isPartition {@code relispartition}
     */
    record Flags(
            boolean hasChecks,
            boolean hasIndex,
            boolean hasRules,
            boolean hasTriggers,
            boolean rowSecurity,
            boolean forceRowSecurity,
            boolean isPartition) {}

    /** Returns whether the relation is a partitioned table. */
    boolean isPartitioned() {
        return kind == 'p';
    }

    /** Returns whether the relation gets the footers of a table: indexes, constraints, inheritance. */
    boolean isTableLike() {
        return kind == 'r' || kind == 'm' || kind == 'f' || kind == 'p';
    }

    /**
     * Returns psql's title of the relation.
     *
     * @throws IllegalArgumentException for sequences, indexes and TOAST tables, whose {@code \d} is not rendered
     */
    String title() {
        String qualified = " \"" + schema + "." + name + "\"";
        boolean unlogged = persistence == 'u';
        return switch (kind) {
            case 'r' -> (unlogged ? "Unlogged table" : "Table") + qualified;
            case 'p' -> (unlogged ? "Unlogged partitioned table" : "Partitioned table") + qualified;
            case 'v' -> "View" + qualified;
            case 'm' -> "Materialized view" + qualified;
            case 'f' -> "Foreign table" + qualified;
            case 'c' -> "Composite type" + qualified;
            default -> throw new IllegalArgumentException(
                    "\"" + schema + "." + name + "\" is a " + kindName() + ", whose \\d is not rendered");
        };
    }

    private String kindName() {
        return switch (kind) {
            case 'S' -> "sequence";
            case 'i', 'I' -> "index";
            case 't' -> "TOAST table";
            default -> "relation of kind '" + kind + "'";
        };
    }
}
