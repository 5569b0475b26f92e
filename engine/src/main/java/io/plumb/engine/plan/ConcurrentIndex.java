package io.plumb.engine.plan;

/**
 * The {@code ConcurrentIndex} policy is the {@code concurrent_index} part of an atlas.hcl {@code diff} block: whether
 * indexes of existing tables are created and dropped {@code CONCURRENTLY}. Only PostgreSQL has the form; it refuses
 * it inside a transaction, so a plan with such a statement is not transactional and a migration file of it says
 * {@code -- atlas:txmode none}. Other dialects ignore the policy.
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
