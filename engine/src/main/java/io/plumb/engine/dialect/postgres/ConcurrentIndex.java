package io.plumb.engine.dialect.postgres;

/**
 * The {@code ConcurrentIndex} policy is the {@code concurrent_index} part of an atlas.hcl {@code diff} block: whether
 * indexes of existing tables are created and dropped {@code CONCURRENTLY}, which PostgreSQL refuses inside a
 * transaction, so a plan with such a statement is not transactional (a migration file of it needs {@code --
 * atlas:txmode none}).
 *
 * @param create whether {@code CREATE INDEX} on an existing table is {@code CONCURRENTLY} ({@code create} or {@code
 *     add} in atlas.hcl)
 * @param drop whether {@code DROP INDEX} is {@code CONCURRENTLY}
 */
public record ConcurrentIndex(boolean create, boolean drop) {

    /** Returns the default policy: indexes are created and dropped in the plan's transaction. */
    public static ConcurrentIndex none() {
        return new ConcurrentIndex(false, false);
    }
}
